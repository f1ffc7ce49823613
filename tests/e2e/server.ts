/** The built app on a fresh SQLite database with demo data, for the end-to-end tests. */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";

const dir = path.resolve("test-results/e2e-data");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: `file:${dir}/e2e.db`,
  OUTBOX_DIR: `${dir}/outbox`,
  DEMO: "true",
  TEST_CLOCK: "true",
  // Each test is a visitor of its own (tests/e2e/fixtures.ts sends X-Forwarded-For), as people
  // behind a real proxy are: the sign-up and login limits per address then hold per test.
  TRUST_PROXY: "true",
  NODE_ENV: "production",
  APP_URL: `http://localhost:${process.env.PORT}`,
};
if (!existsSync("build/server/index.js")) execFileSync("node_modules/.bin/remix", ["vite:build"], { stdio: "inherit", env });
execFileSync("node_modules/.bin/tsx", ["scripts/db.ts", "deploy"], { stdio: "inherit", env });
execFileSync("node_modules/.bin/tsx", ["prisma/seed.ts"], { stdio: "inherit", env });
Object.assign(process.env, env);
await import("../../server/main.js");
