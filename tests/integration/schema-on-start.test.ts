/**
 * Migrations are the deploy's step (decision 035): a server whose database lacks a migration this
 * version ships refuses to start and says to run `npm run db:deploy`; once it has run, it starts.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, inject, it } from "vitest";
import { schemaStatus, shippedMigrations } from "~/operations/schema-status.server.ts";
import { withClient } from "../support/postgres-servers.ts";
import { startServerProcess } from "../support/server-process.ts";

const kind = inject("databaseKind");

/**
 * The statements that undo a migration which only adds tables, columns, indexes and triggers (the
 * newest ones do): its triggers and their functions first, then its tables newest first (with
 * their indexes), its indexes on older tables, and last its columns of older tables.
 */
function undoOf(migration: string): string[] {
  const folder = kind === "postgres" ? "prisma/postgres/migrations" : "prisma/migrations";
  const sql = readFileSync(path.join(folder, migration, "migration.sql"), "utf8");
  const tables = [...sql.matchAll(/CREATE TABLE "(\w+)"/g)].map((match) => match[1]!);
  const indexes = [...sql.matchAll(/CREATE (?:UNIQUE )?INDEX "(\w+)" ON "(\w+)"/g)]
    .filter((match) => !tables.includes(match[2]!))
    .map((match) => match[1]!);
  const triggers = [...sql.matchAll(/CREATE TRIGGER "(\w+)"[^;]*?\sON "(\w+)"/g)].map((match) =>
    kind === "postgres" ? `DROP TRIGGER "${match[1]}" ON "${match[2]}"` : `DROP TRIGGER "${match[1]}"`,
  );
  const functions = [...sql.matchAll(/CREATE FUNCTION "(\w+)"\(\)/g)].map((match) => `DROP FUNCTION "${match[1]}"()`);
  const columns = [...sql.matchAll(/ALTER TABLE "(\w+)" ADD COLUMN\s+"(\w+)"/g)].map(
    (match) => `ALTER TABLE "${match[1]}" DROP COLUMN "${match[2]}"`,
  );
  return [
    ...triggers,
    ...functions,
    ...tables.reverse().map((table) => `DROP TABLE "${table}"`),
    ...indexes.map((index) => `DROP INDEX "${index}"`),
    ...columns,
  ];
}

/** A copy of the run's migrated database from before the newest migration. */
async function databaseBehindByOne(newest: string): Promise<string> {
  const undo = [...undoOf(newest), `DELETE FROM "_prisma_migrations" WHERE migration_name = '${newest}'`];
  if (kind === "postgres") {
    const name = `behind_${Date.now()}`;
    await withClient(inject("postgresAdminUrl"), (admin) =>
      admin.query(`CREATE DATABASE "${name}" TEMPLATE "${inject("templatePostgresName")}"`),
    );
    const url = inject("postgresAdminUrl").replace(/\/postgres$/, `/${name}`);
    await withClient(url, async (client) => {
      for (const statement of undo) await client.query(statement);
    });
    return url;
  }
  const file = path.join(inject("scratchDir"), `behind-${Date.now()}.db`);
  copyFileSync(inject("templateSqliteFile"), file);
  const database = new Database(file);
  for (const statement of undo) database.exec(statement);
  database.close();
  return `file:${file}`;
}

it("a server whose schema is behind refuses to start, naming npm run db:deploy; after it, nothing is missing", async () => {
  const url = `${kind === "postgres" ? "postgresql://" : "file:"}`;
  const newest = shippedMigrations(url).at(-1)!;
  // This test undoes the newest migration by dropping what it creates.
  expect(undoOf(newest)).not.toEqual([]);
  const databaseUrl = await databaseBehindByOne(newest);

  const refused = await startServerProcess({ DATABASE_URL: databaseUrl });
  expect(refused.started).toBe(false);
  if (refused.started) return;
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain("npm run db:deploy");
  expect(refused.stderr).toContain(newest);

  execFileSync("node_modules/.bin/tsx", ["scripts/db.ts", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: "ignore",
  });
  // What the server checks before it listens (server/main.js): now nothing is missing.
  expect(await schemaStatus(databaseUrl)).toEqual({ current: true });
}, 45_000);
