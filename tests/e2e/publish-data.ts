/** Drafts for the authoring end-to-end tests, made in the test server's database (tests/e2e/authoring-script.ts). */
import { execFileSync } from "node:child_process";
import path from "node:path";

export function publishData(...args: string[]): string {
  return execFileSync("node_modules/.bin/tsx", ["tests/e2e/authoring-script.ts", ...args], {
    env: { ...process.env, DATABASE_URL: `file:${path.resolve("test-results/e2e-data/e2e.db")}`, NODE_ENV: "production" },
    encoding: "utf8",
  }).trim();
}
