/** The built app on a fresh SQLite database with demo data, for the end-to-end tests: one per worker (servers.ts). */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { ownServer } from "./servers.ts";

const server = ownServer();
rmSync(server.dataDir, { recursive: true, force: true });
mkdirSync(server.dataDir, { recursive: true });
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: `file:${server.databaseFile}`,
  OUTBOX_DIR: server.outboxDir,
  DEMO: "true",
  TEST_CLOCK: "true",
  // Each test is a visitor of its own (tests/e2e/fixtures.ts sends X-Forwarded-For), as people
  // behind a real proxy are: the sign-up and login limits per address then hold per test.
  TRUST_PROXY: "true",
  NODE_ENV: "production",
  PORT: String(server.port),
  APP_URL: server.url,
};
// Without a build, the first server makes it and the others wait for it (one build, not several at once).
const built = "build/server/index.js";
if (server.index === 0 && !existsSync(built)) execFileSync("node_modules/.bin/remix", ["vite:build"], { stdio: "inherit", env });
while (!existsSync(built)) await sleep(500);
execFileSync("node_modules/.bin/tsx", ["scripts/db.ts", "deploy"], { stdio: "inherit", env });
execFileSync("node_modules/.bin/tsx", ["prisma/seed.ts"], { stdio: "inherit", env });
Object.assign(process.env, env);
await import("../../server/main.js");
