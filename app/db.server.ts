/**
 * The one Prisma client. SQLite (better-sqlite3) by default; PostgreSQL when DATABASE_URL
 * is a postgresql:// URL. Prisma's query compiler is provider-specific, so each database
 * has its own generated client; both are generated from the same schema and expose the
 * same API. Created on first use, so importing this module touches no database.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseKind, sqlitePath } from "../prisma/driver-adapters.ts";
import { env } from "./env.server.ts";
import { PrismaClient as PostgresClient } from "./generated/postgres/client.ts";
import { Prisma, PrismaClient as SqliteClient } from "./generated/sqlite/client.ts";

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
  await reader?.close();
  reader = undefined;
}

/**
 * Read-only reads at driver level, beside Prisma (decision 041): Prisma turns each raw row into an
 * object column by column, which cost more than the SQL itself for the HR figures' tens of
 * thousands of rows, and about 0.2 ms of CPU per statement on the lesson page, the hottest page.
 * One connection of its own per process (a small pool on PostgreSQL), so a read never runs inside
 * a transaction another request holds open on Prisma's connection.
 */
interface Reader {
  rows: <Row extends Record<string, unknown>>(query: Prisma.Sql) => Promise<Row[]>;
  close: () => Promise<void>;
}

let reader: Reader | undefined;

/** PostgreSQL's `timestamp` columns hold UTC (Prisma writes them so); pg would read them as local time. */
const TIMESTAMP_OID = 1114;
const utcTimestamp = (value: string) => new Date(`${value.replace(" ", "T")}Z`);

function createReader(url: string): Reader {
  if (databaseKind(url) === "postgres") {
    // Idle connections do not keep a script's process alive.
    const pool = new pg.Pool({ connectionString: url, max: 4, allowExitOnIdle: true });
    // An idle connection the server closed (a restart) is dropped by the pool and replaced on the
    // next read; without a listener its error would end the process.
    pool.on("error", () => {});
    const types = {
      getTypeParser: (oid: number) => (oid === TIMESTAMP_OID ? utcTimestamp : pg.types.getTypeParser(oid)),
    };
    return {
      rows: async <Row extends Record<string, unknown>>(query: Prisma.Sql) =>
        (await pool.query<Row>({ text: query.text, values: query.values, types })).rows,
      close: () => pool.end(),
    };
  }
  const connection = new Database(sqlitePath(url), { timeout: 5000 });
  connection.pragma("query_only = ON");
  // Parameters as Prisma's adapter writes them: booleans as 0/1, dates as ISO text.
  const parameter = (value: unknown) =>
    typeof value === "boolean" ? Number(value) : value instanceof Date ? value.toISOString().replace("Z", "+00:00") : value;
  // A page sends the same few statements again and again: each is compiled once (bounded, in case of many).
  const prepared = new Map<string, Database.Statement<unknown[]>>();
  const statement = (sql: string) => {
    let found = prepared.get(sql);
    if (!found) {
      if (prepared.size >= 200) prepared.clear();
      found = connection.prepare<unknown[]>(sql);
      prepared.set(sql, found);
    }
    return found;
  };
  return {
    rows: async <Row extends Record<string, unknown>>(query: Prisma.Sql) =>
      statement(query.sql).all(query.values.map(parameter)) as Row[],
    close: async () => {
      connection.close();
    },
  };
}

/**
 * Runs a read-only SQL statement (built with `Prisma.sql`) at driver level and returns its rows as
 * plain objects by column name, values as the driver reads them: read dates with `rawDate`, and
 * on SQLite booleans are 0/1, integers numbers. For reads of many rows and the lesson page's
 * reading state; everything else goes through `db()`.
 */
export async function readRows<Row extends Record<string, unknown>>(query: Prisma.Sql): Promise<Row[]> {
  reader ??= createReader(env().DATABASE_URL);
  return reader.rows<Row>(query);
}

/** Which database this process runs on, for the few reads whose best form differs between the two. */
export function onPostgres(): boolean {
  return databaseKind(env().DATABASE_URL) === "postgres";
}

/** A date column read with raw SQL (a Date on PostgreSQL, stored text or a number on SQLite). */
export function rawDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value : new Date(value as string | number);
}
