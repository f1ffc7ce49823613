/**
 * The HR benchmark's seeded network (scripts/bench-hr-seed.ts), cached between runs, for the
 * benchmarks that need it (scripts/bench-hr.ts, scripts/bench-scale.ts): on SQLite the file
 * `.cache/bench-hr/<scale>.db`, on PostgreSQL a template database in a server whose data folder is
 * kept in `.cache/bench-hr/pg-<scale>/`. Learners' password: "bench password 2026".
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { startThrowawayPostgres } from "./throwaway-postgres.ts";

export const benchPassword = "bench password 2026";
const cacheDir = path.resolve(".cache/bench-hr");
const bin = (name: string) => path.resolve("node_modules/.bin", name);
const deploy = (url: string) =>
  execFileSync(bin("tsx"), ["scripts/db.ts", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: "inherit" });
const seed = (url: string, scale: number) =>
  execFileSync(bin("tsx"), ["scripts/bench-hr-seed.ts", "--scale", String(scale), "--database", url], {
    env: { ...process.env, DATABASE_URL: url, DEMO: "false" },
    stdio: "inherit",
  });

/** SQLite: the seeded file is kept in .cache and used in place (runs leave it as they found it). */
export function sqliteNetwork(scale: number): string {
  const file = path.join(cacheDir, `${scale}.db`);
  const url = `file:${file}`;
  if (existsSync(file)) {
    // A cached network made before the latest migrations gets them (they keep its rows).
    deploy(url);
    return url;
  }
  mkdirSync(cacheDir, { recursive: true });
  try {
    deploy(url);
    seed(url, scale);
  } catch (error) {
    rmSync(file, { force: true });
    throw error;
  }
  return url;
}

/**
 * PostgreSQL: a server whose data folder is kept in .cache holds the seeded network as a template
 * database; each run gets a fresh copy of it named `run` (CREATE DATABASE … TEMPLATE, seconds, not
 * a reseed). Stop the server when done.
 */
export async function postgresNetwork(scale: number, run = "bench_run") {
  const server = await startThrowawayPostgres({ keepIn: path.join(cacheDir, `pg-${scale}`) });
  const admin = new pg.Client({ connectionString: server.url("postgres") });
  await admin.connect();
  const template = "bench_template";
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
  if (exists.rowCount === 0) {
    await admin.query(`CREATE DATABASE ${template}`);
    try {
      deploy(server.url(template));
      seed(server.url(template), scale);
    } catch (error) {
      await admin.query(`DROP DATABASE ${template}`);
      throw error;
    }
  } else deploy(server.url(template));
  // A migration that rewrote rows (a backfill) leaves them without visibility information until
  // autovacuum passes, and index-only scans read the table meanwhile: vacuum the template first.
  const templateClient = new pg.Client({ connectionString: server.url(template) });
  await templateClient.connect();
  await templateClient.query("VACUUM (ANALYZE)");
  await templateClient.end();
  await admin.query(`DROP DATABASE IF EXISTS ${run}`);
  await admin.query(`CREATE DATABASE ${run} TEMPLATE ${template}`);
  await admin.end();
  return { url: server.url(run), stop: () => server.stop() };
}

/** The city with the most people in the database DATABASE_URL names: the one the benchmarks measure. */
export async function largestCity(): Promise<{ cityId: string; people: number }> {
  const { db } = await import("../app/db.server.ts");
  const [largest] = await db().user.groupBy({
    by: ["cityId"],
    _count: { _all: true },
    orderBy: { _count: { cityId: "desc" } },
    take: 1,
  });
  if (!largest?.cityId) throw new Error("The benchmark's database has no people in a city");
  return { cityId: largest.cityId, people: largest._count._all };
}
