/**
 * `npm start`: generate the database clients, build, apply migrations, seed (cities; demo
 * accounts on the first start of an empty database unless DEMO=false) and import the courses,
 * then serve on PORT (default 3000). Later starts keep the data.
 * Migrations and the seed run here only for SQLite, or with MIGRATE_ON_START=true: on PostgreSQL
 * they are the deploy's step (`npm run db:deploy`, `npm run db:seed`), run once, not by every
 * server; a server whose schema is behind refuses to start (server/main.js).
 */
import { execFileSync, spawn } from "node:child_process";
import { migratesOnStart } from "../app/operations/start-rule.ts";

function run(command: string, args: string[], extraEnv: Record<string, string> = {}): void {
  execFileSync(command, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
}

const bin = (name: string) => `node_modules/.bin/${name}`;

run(bin("tsx"), ["scripts/db.ts", "generate"]);
if (process.env.SKIP_BUILD !== "1") run(bin("remix"), ["vite:build"], { NODE_ENV: "production" });
if (migratesOnStart(process.env)) {
  run(bin("tsx"), ["scripts/db.ts", "deploy"]);
  run(bin("tsx"), ["prisma/seed.ts"]);
}

const server = spawn(bin("tsx"), ["server/main.js"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
