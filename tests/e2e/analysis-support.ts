/** Runs tests/e2e/analysis-data.ts against the end-to-end server's database and returns what it prints. */
import { execFileSync } from "node:child_process";
import { ownServer } from "./servers.ts";

export function analysisData(...args: string[]): string {
  return execFileSync("node_modules/.bin/tsx", ["tests/e2e/analysis-data.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: `file:${ownServer().databaseFile}`, NODE_ENV: "production" },
  }).trim();
}
