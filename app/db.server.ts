/**
 * The one Prisma client. SQLite (better-sqlite3) by default; PostgreSQL when DATABASE_URL
 * is a postgresql:// URL. Prisma's query compiler is provider-specific, so each database
 * has its own generated client; both are generated from the same schema and expose the
 * same API. Created on first use, so importing this module touches no database.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { databaseKind, sqlitePath } from "../prisma/driver-adapters.ts";
import { env } from "./env.server.ts";
import { PrismaClient as PostgresClient } from "./generated/postgres/client.ts";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client.ts";

export type Db = InstanceType<typeof SqliteClient>;
export { Prisma } from "./generated/sqlite/client.ts";
export type { Role } from "./generated/sqlite/client.ts";

let client: Db | undefined;

function createClient(url: string): Db {
  if (databaseKind(url) === "postgres") {
    // Same models and API; only the SQL dialect inside differs.
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) }) as unknown as Db;
  }
  // A busy timeout lets several app workers share one file (WAL mode is set at migration time).
  return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: sqlitePath(url), timeout: 5000 }) });
}

export function db(): Db {
  client ??= createClient(env().DATABASE_URL);
  return client;
}

/** For tests and scripts that switch databases within one process. */
export async function resetDb(): Promise<void> {
  await client?.$disconnect();
  client = undefined;
}

/** A date column read with raw SQL (a Date on PostgreSQL, stored text or a number on SQLite). */
export function rawDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(value as string | number);
}
