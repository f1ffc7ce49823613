/**
 * Reading a database other than the app's own (the one being checked before a server starts, a
 * database kept aside before a restore), with a plain client of its kind and no Prisma client.
 */
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseKind, sqlitePath } from "../../prisma/driver-adapters.ts";

export interface OtherDatabase {
  hasTable: (name: string) => Promise<boolean>;
  /** Rows of a query without parameters (the same SQL on both databases). */
  rows: <T>(sql: string) => Promise<T[]>;
}

export async function withOtherDatabase<T>(databaseUrl: string, work: (database: OtherDatabase) => Promise<T>): Promise<T> {
  if (databaseKind(databaseUrl) === "postgres") {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return await work({
        hasTable: async (name) =>
          (await client.query<{ present: boolean }>("SELECT to_regclass($1) IS NOT NULL AS present", [`"${name}"`])).rows[0]
            ?.present === true,
        rows: async <R>(sql: string) => (await client.query(sql)).rows as R[],
      });
    } finally {
      await client.end();
    }
  }
  const file = sqlitePath(databaseUrl);
  if (!existsSync(file)) throw new Error(`No SQLite database at ${file}`);
  const database = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return await work({
      hasTable: async (name) =>
        database.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined,
      rows: async <R>(sql: string) => database.prepare(sql).all() as R[],
    });
  } finally {
    database.close();
  }
}
