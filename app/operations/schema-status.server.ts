/**
 * Whether a database holds every migration this version ships (decision 035). A server whose
 * schema is behind refuses to start (server/main.js): on PostgreSQL, migrations run once per
 * deploy (`npm run db:deploy`), not by each of several servers starting at once.
 */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { databaseKind, sqlitePath } from "../../prisma/driver-adapters.ts";
import { withOtherDatabase } from "./other-database.server.ts";

const migrationFolders = { sqlite: "prisma/migrations", postgres: "prisma/postgres/migrations" } as const;

/** The migrations this version ships for the database's kind, oldest first (their folder names start with a timestamp). */
export function shippedMigrations(databaseUrl: string, root = process.cwd()): string[] {
  const folder = path.join(root, migrationFolders[databaseKind(databaseUrl)]);
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(folder, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

const APPLIED = `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;

/** The migrations Prisma recorded as applied; none when the database is empty (no migrations table, or no file yet). */
export async function appliedMigrations(databaseUrl: string): Promise<Set<string>> {
  if (databaseKind(databaseUrl) === "sqlite" && !existsSync(sqlitePath(databaseUrl))) return new Set();
  return withOtherDatabase(databaseUrl, async (database) =>
    (await database.hasTable("_prisma_migrations"))
      ? new Set((await database.rows<{ name: string }>(APPLIED)).map((row) => row.name))
      : new Set<string>(),
  );
}

export type SchemaStatus = { current: true } | { current: false; missing: string[] };

export async function schemaStatus(databaseUrl: string, root = process.cwd()): Promise<SchemaStatus> {
  const applied = await appliedMigrations(databaseUrl);
  const missing = shippedMigrations(databaseUrl, root).filter((name) => !applied.has(name));
  return missing.length === 0 ? { current: true } : { current: false, missing };
}

/** What a server whose schema is behind says before it exits. */
export function schemaBehindMessage(missing: readonly string[]): string {
  return (
    `The database is behind this version of Aula IA: ${missing.length} migration(s) not applied (newest: ${missing.at(-1)}). ` +
    "Run `npm run db:deploy` once for this deploy (with the same DATABASE_URL), then start the servers."
  );
}
