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

/**
 * SQLite's transactions take the write lock when they begin (BEGIN IMMEDIATE), so that several
 * processes on one file wait their turn (the busy timeout) instead of failing: a deferred
 * transaction that read first and then wrote after another process's commit got
 * SQLITE_BUSY_SNAPSHOT at once, which no timeout retries (decision 036). The adapter always
 * begins deferred; its transaction is turned into an immediate one before the first query.
 */
class ImmediateSqlite extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    const begin = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => {
      const transaction = await begin(isolationLevel);
      try {
        // Nothing has run since BEGIN: ending it and beginning again loses nothing.
        await transaction.executeRaw({ sql: "ROLLBACK", args: [], argTypes: [] });
        await transaction.executeRaw({ sql: "BEGIN IMMEDIATE", args: [], argTypes: [] });
      } catch (error) {
        await transaction.rollback();
        throw error;
      }
      return transaction;
    };
    return adapter;
  }
}

function createClient(url: string): Db {
  if (databaseKind(url) === "postgres") {
    // Same models and API; only the SQL dialect inside differs.
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url, max: 10 }) }) as unknown as Db;
  }
  // A busy timeout lets several app workers share one file (WAL mode is set at migration time).
  return new SqliteClient({ adapter: new ImmediateSqlite({ url: sqlitePath(url), timeout: 5000 }) });
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
