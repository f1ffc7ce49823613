/**
 * Raw batched inserts for generated data (the demo's year of activity and the benchmark's network),
 * straight through the database drivers rather than Prisma: on SQLite one prepared multi-row
 * statement per table (better-sqlite3), on PostgreSQL one
 * `INSERT … SELECT * FROM unnest(<column arrays>)` per table and batch through `pg`.
 * Rows are buffered per table and written, parents before children, in transactions of about
 * `transactionRows` rows, so SQLite's write lock is never held for long. Values are stored the
 * way Prisma stores them: on SQLite dates as ISO text with "+00:00" and booleans as 0/1; on
 * PostgreSQL dates as UTC into `timestamp(3)` columns.
 */
import Database from "better-sqlite3";
import pg from "pg";
import { databaseKind, sqlitePath } from "../../prisma/driver-adapters.ts";

/** The generated tables, their columns, and the order in which a batch writes them (foreign keys). */
export const bulkTables = {
  User: [
    "id",
    "email",
    "name",
    "locale",
    "cityId",
    "departmentId",
    "active",
    "searchText",
    "emailConfirmedAt",
    "createdAt",
    "updatedAt",
  ],
  Password: ["userId", "hash"],
  Enrollment: ["id", "userId", "courseId", "cycle", "enrolledAt", "completedAt", "lastPosition"],
  PersonAssignment: ["id", "assignmentId", "userId", "cityId", "courseId", "cycle", "assignedAt", "dueAt", "enrollmentId"],
  LessonProgress: ["id", "enrollmentId", "lessonKey", "completedAt"],
  QuizAttempt: [
    "id",
    "enrollmentId",
    "versionId",
    "number",
    "step",
    "questions",
    "snapshot",
    "startedAt",
    "submittedAt",
    "score",
    "passed",
  ],
  QuestionAnswer: ["attemptId", "questionId", "versionId", "correct", "chosen", "firstAttempt", "attemptCorrect", "attemptTotal"],
  Certificate: [
    "id",
    "code",
    "enrollmentId",
    "userId",
    "cityId",
    "holderName",
    "courseTitle",
    "courseVersion",
    "score",
    "locale",
    "citySnapshot",
    "issuedAt",
    "expiresAt",
  ],
} as const;

export type BulkTable = keyof typeof bulkTables;
export type BulkValue = string | number | boolean | Date | null;
const tableOrder = Object.keys(bulkTables) as BulkTable[];

export interface BulkWriter {
  add(table: BulkTable, row: readonly BulkValue[]): void;
  /** Whether enough rows are buffered for a transaction: call `flush` then. */
  readonly full: boolean;
  flush(): Promise<void>;
  /** Flushes what is left and closes the connection; returns the rows written per table. */
  close(): Promise<Record<BulkTable, number>>;
  /** Closes the connection without writing what is buffered (after an error). */
  abort(): Promise<void>;
}

interface Driver {
  /** A value as the database stores it. */
  encode(value: BulkValue): BulkValue;
  /** Writes `values`, the table's rows one after the other (flat, to spare the garbage collector). */
  writeTable(table: BulkTable, values: BulkValue[]): void | Promise<void>;
  transaction(write: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

function placeholders(columns: number, rows: number): string {
  const row = () => `(${Array.from({ length: columns }, () => "?").join(", ")})`;
  return Array.from({ length: rows }, row).join(", ");
}

/** SQLite: a multi-row insert of `rows` rows. */
function insertSql(table: BulkTable, rows: number): string {
  const columns = bulkTables[table];
  return `INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES ${placeholders(columns.length, rows)}`;
}

/** Rows per statement: SQLite allows 32 766 bound values; 500 rows keeps statements small. */
function rowsPerStatement(table: BulkTable): number {
  return Math.min(500, Math.floor(32_766 / bulkTables[table].length));
}

function sqliteDriver(file: string): Driver {
  const database = new Database(file, { timeout: 5000 });
  // This connection only: in WAL mode a commit need not wait for the disk (a crash loses at most
  // the last batches of generated rows, never the file).
  database.pragma("synchronous = NORMAL");
  const statements = new Map<string, Database.Statement>();
  const statement = (table: BulkTable, rows: number) => {
    const key = `${table}:${rows}`;
    let prepared = statements.get(key);
    if (!prepared) statements.set(key, (prepared = database.prepare(insertSql(table, rows))));
    return prepared;
  };
  return {
    encode: (value) =>
      value instanceof Date ? value.toISOString().replace("Z", "+00:00") : typeof value === "boolean" ? Number(value) : value,
    writeTable(table, values) {
      const width = bulkTables[table].length;
      const size = rowsPerStatement(table) * width;
      for (let start = 0; start < values.length; start += size) {
        const chunk = values.slice(start, start + size);
        statement(table, chunk.length / width).run(chunk);
      }
    },
    async transaction(write) {
      database.exec("BEGIN IMMEDIATE");
      try {
        await write();
        database.exec("COMMIT");
      } catch (error) {
        database.exec("ROLLBACK");
        throw error;
      }
    },
    async close() {
      database.close();
    },
  };
}

async function postgresDriver(url: string): Promise<Driver> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // Each column's type as the migrations made it, for the array casts below.
  const types = new Map<string, string>();
  const columns = await client.query<{ table: string; column: string; type: string }>(
    `SELECT c.relname AS "table", a.attname AS "column", format_type(a.atttypid, NULL) AS "type"
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relname = ANY($1) AND a.attnum > 0 AND NOT a.attisdropped`,
    [tableOrder],
  );
  for (const row of columns.rows) types.set(`${row.table}.${row.column}`, row.type);
  const unnestSql = (table: BulkTable) => {
    const names = bulkTables[table];
    const casts = names.map((column, index) => {
      const type = types.get(`${table}.${column}`);
      if (!type) throw new Error(`${table}.${column}: no such column`);
      return `$${index + 1}::${type}[]`;
    });
    return `INSERT INTO "${table}" (${names.map((column) => `"${column}"`).join(", ")}) SELECT * FROM unnest(${casts.join(", ")})`;
  };
  return {
    encode: (value) => (value instanceof Date ? value.toISOString() : value),
    // One statement per table and batch: a column's values as one array each (unnest), so the
    // server parses one small statement instead of thousands of placeholders.
    async writeTable(table, values) {
      const width = bulkTables[table].length;
      const arrays: BulkValue[][] = Array.from({ length: width }, () => []);
      for (let index = 0; index < values.length; index += 1) arrays[index % width]!.push(values[index]!);
      await client.query({ name: `bulk-${table}`, text: unnestSql(table), values: arrays });
    },
    async transaction(write) {
      await client.query("BEGIN");
      try {
        await write();
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    },
    async close() {
      await client.end();
    },
  };
}

/** A writer into the database at `url` (a `file:` SQLite URL or a `postgresql://` one). */
export async function openBulkWriter(url: string, options: { transactionRows?: number } = {}): Promise<BulkWriter> {
  const driver = databaseKind(url) === "postgres" ? await postgresDriver(url) : sqliteDriver(sqlitePath(url));
  const transactionRows = options.transactionRows ?? 10_000;
  const buffers = new Map<BulkTable, BulkValue[]>(tableOrder.map((table) => [table, []]));
  const written = Object.fromEntries(tableOrder.map((table) => [table, 0])) as Record<BulkTable, number>;
  let buffered = 0;
  const flush = async () => {
    if (buffered === 0) return;
    await driver.transaction(async () => {
      for (const table of tableOrder) {
        const values = buffers.get(table)!;
        if (values.length === 0) continue;
        await driver.writeTable(table, values);
        written[table] += values.length / bulkTables[table].length;
        buffers.set(table, []);
      }
    });
    buffered = 0;
  };
  return {
    add(table, row) {
      if (row.length !== bulkTables[table].length)
        throw new Error(`${table}: ${row.length} values for ${bulkTables[table].length} columns`);
      const values = buffers.get(table)!;
      for (const value of row) values.push(driver.encode(value));
      buffered += 1;
    },
    get full() {
      return buffered >= transactionRows;
    },
    flush,
    async close() {
      try {
        await flush();
      } finally {
        await driver.close();
      }
      return written;
    },
    abort: () => driver.close(),
  };
}
