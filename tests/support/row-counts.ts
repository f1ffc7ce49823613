/** The number of rows in every table of the test database, tables read from the database itself. */
import { databaseKind } from "../../prisma/driver-adapters.ts";
import { db } from "~/db.server.ts";

async function tableNames(): Promise<string[]> {
  const rows =
    databaseKind(process.env.DATABASE_URL ?? "") === "postgres"
      ? await db().$queryRawUnsafe<Array<{ name: string }>>(
          `SELECT tablename::text AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename NOT LIKE '\\_prisma%'`,
        )
      : await db().$queryRawUnsafe<Array<{ name: string }>>(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_prisma%' ESCAPE '\\'`,
        );
  return rows.map((row) => row.name).sort();
}

let tables: Promise<string[]> | undefined;

/** Table name → row count, in one query, leaving out the tables named in `except`. */
export async function rowCounts(except: readonly string[] = []): Promise<Record<string, number>> {
  tables ??= tableNames();
  const counted = (await tables).filter((name) => !except.includes(name));
  const sql = counted
    .map((name) => `SELECT CAST('${name}' AS TEXT) AS name, CAST(COUNT(*) AS INTEGER) AS n FROM "${name}"`)
    .join(" UNION ALL ");
  const rows = await db().$queryRawUnsafe<Array<{ name: string; n: number | bigint }>>(sql);
  return Object.fromEntries(rows.map((row) => [row.name, Number(row.n)]));
}
