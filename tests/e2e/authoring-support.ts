/** Runs tests/e2e/authoring-data.ts against the end-to-end server's database (tests/e2e/server.ts) and returns what it prints. */
import { execFileSync } from "node:child_process";
import path from "node:path";
import { copyNetworkCourseAs } from "./support.ts";

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
