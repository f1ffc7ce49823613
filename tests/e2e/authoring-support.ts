/** Runs tests/e2e/authoring-data.ts against the end-to-end server's database (tests/e2e/server.ts) and returns what it prints. */
import { execFileSync } from "node:child_process";
import path from "node:path";
import type { Page } from "@playwright/test";
import { copyNetworkCourseAs, logIn } from "./support.ts";

export const DEMO_TRAINER = "tomas.formador@madrid.example";

export function authoringData(...args: string[]): string {
  return execFileSync("node_modules/.bin/tsx", ["tests/e2e/authoring-data.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: `file:${path.resolve("test-results/e2e-data/e2e.db")}`, NODE_ENV: "production" },
  }).trim();
}

/** Copies a network course into the trainer's city; returns the copy's key (`madrid.<key>`, numbered when taken). */
export function copyCourseForTrainer(courseKey: string, email = DEMO_TRAINER): string {
  return copyNetworkCourseAs(courseKey, email);
}

/** Signs in and reads Spanish whatever the account's language (São Paulo's accounts read Portuguese). */
export async function signInInSpanish(page: Page, email: string): Promise<void> {
  await logIn(page, email);
  await page.waitForURL((url) => url.pathname === "/");
  await page.request.post("/language", { form: { locale: "es", redirectTo: "/" } });
}

/** Signs out once the page's own requests are done: leaving mid-revalidation aborts them in the browser. */
export async function signOutWhenIdle(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
  await page.request.post("/logout");
}
