/**
 * The authoring end-to-end tests' data, made in the test server's database (tests/e2e/server.ts) by
 * tests/e2e/authoring-script.ts through the authoring domain: what a test starts from, not what it
 * walks through.
 */
import { execFileSync } from "node:child_process";
import type { Page } from "@playwright/test";
import { logIn, routerIdle } from "./support.ts";
import { ownServer } from "./servers.ts";

export const DEMO_TRAINER = "tomas.formador@madrid.example";

/** Runs one command of tests/e2e/authoring-script.ts (see there) and returns what it prints. */
export function authoringData(...args: string[]): string {
  return execFileSync("node_modules/.bin/tsx", ["tests/e2e/authoring-script.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: `file:${ownServer().databaseFile}`, NODE_ENV: "production" },
  }).trim();
}

/** Copies a network course into the author's city; returns the copy's key (`madrid.<key>`, numbered when taken). */
export function copyCourseForTrainer(courseKey: string, email = DEMO_TRAINER): string {
  return authoringData("copy", email, courseKey);
}

/** Signs in and reads Spanish whatever the account's language (São Paulo's accounts read Portuguese). */
export async function signInInSpanish(page: Page, email: string): Promise<void> {
  await logIn(page, email);
  await page.waitForURL((url) => url.pathname === "/");
  await page.request.post("/language", { form: { locale: "es", redirectTo: "/" } });
}

/** Signs out once the page's own requests are done: leaving mid-revalidation aborts them in the browser. */
export async function signOutWhenIdle(page: Page): Promise<void> {
  await routerIdle(page);
  await page.request.post("/logout");
}
