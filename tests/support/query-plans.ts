/**
 * The SQL the app sends, caught at the database drivers, and each statement's plan checked for a
 * full read of a table that grows with people. The drivers are caught rather than Prisma because
 * the built app has a Prisma client of its own (bundled), while better-sqlite3 and pg are one
 * module for the whole process; raw SQL ($queryRaw) passes through them like any other query.
 */
import Database from "better-sqlite3";
import pg from "pg";

export interface Statement {
  sql: string;
  args: unknown[];
}

/**
 * Tables whose rows grow with the number of people (prisma/schema.prisma). Not listed, because
 * they grow with cities, courses or authoring rather than with people: City, CityEmailDomain,
 * Department (a city's tree: it grows with cities, not people), Course, CourseVersion,
 * VersionFile, CourseDraft, DraftFile, DraftTranslation, DraftReview, Lesson, LessonContent,
 * Quiz, Question, CourseAsset, Activity, ActivityText, Assignment, StoredFile (logos and course
 * files, deduplicated by hash), Lease, and the item analysis counts (QuestionAnswerCount,
 * QuestionChoiceCount: a row per version, question and answer shape, whatever the people).
 */
export const PEOPLE_TABLES = new Set([
  "User",
  "RoleGrant",
  "Password",
  "Session",
  "Invitation",
  "PasswordReset",
  "EmailConfirmation",
  "Throttle",
  "AuditLog",
  "Pseudonym",
  "ErasureLedger",
  "AssignmentTarget",
  "PersonAssignment",
  "Accommodation",
  "ReminderSent",
  "Notice",
  "SummarySubscription",
  "SummarySent",
  "Enrollment",
  "LessonProgress",
  "QuizAttempt",
  "QuestionAnswer",
  "Certificate",
  "ActivityAnswer",
]);

/** Statements that have a plan worth reading (not BEGIN, COMMIT, SAVEPOINT, PRAGMA, SET...). */
const planned = /^\s*(WITH|SELECT|INSERT|UPDATE|DELETE)\b/i;

let capturing: Statement[] | null = null;
let installed = false;

/** Patches the drivers once: while `captureQueries` runs, every statement they run is kept. */
function install(): void {
  if (installed) return;
  installed = true;
  const probe = new Database(":memory:");
  const statementProto = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Record<string, unknown>;
  probe.close();
  for (const method of ["run", "get", "all", "iterate"] as const) {
    const original = statementProto[method] as (this: { source: string }, ...args: unknown[]) => unknown;
    statementProto[method] = function (this: { source: string }, ...args: unknown[]) {
      keep(this.source, args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args);
      return original.apply(this, args);
    };
  }
  const clientProto = pg.Client.prototype as unknown as Record<string, unknown>;
  const query = clientProto.query as (...args: unknown[]) => unknown;
  clientProto.query = function (this: unknown, ...args: unknown[]) {
    const [first, second] = args;
    if (typeof first === "string") keep(first, Array.isArray(second) ? second : []);
    else if (first && typeof first === "object" && "text" in first) {
      const config = first as { text: string; values?: unknown[] };
      keep(config.text, Array.isArray(second) ? second : (config.values ?? []));
    }
    return query.apply(this, args);
  };
}

function keep(sql: string, args: unknown[]): void {
  if (capturing && planned.test(sql)) capturing.push({ sql, args });
}

/** Runs `work` and returns the statements sent meanwhile, once each (by SQL text). */
export async function captureQueries(work: () => Promise<void>): Promise<Statement[]> {
  install();
  const caught: Statement[] = [];
  capturing = caught;
  try {
    await work();
  } finally {
    capturing = null;
  }
  const bySql = new Map<string, Statement>();
  for (const statement of caught) if (!bySql.has(statement.sql)) bySql.set(statement.sql, statement);
  return [...bySql.values()];
}

export interface FullScan {
  table: string;
  detail: string;
}

/**
 * SQLite's `EXPLAIN QUERY PLAN` lines name a table by its alias when the query gives one. A
 * `SEARCH` line is a seek bounded by an index's leading columns. A `SCAN` line reads a whole
 * table, and `SCAN t USING [COVERING] INDEX i` reads a whole index (in its order, or because it
 * is narrower): both grow with the table, so any SCAN of a people table is a full read. So is a
 * skip-scan (`SEARCH t USING INDEX i (ANY(a) AND b=?)`, only chosen after ANALYZE): it walks
 * every value of the first column.
 */
export function sqliteFullScans(sql: string, planLines: string[]): FullScan[] {
  const tables = tablesByAlias(sql);
  const scans: FullScan[] = [];
  for (const detail of planLines) {
    const match = /^(?:SCAN|SEARCH) (?:main\.)?(\S+)/.exec(detail);
    if (match?.[0].startsWith("SEARCH") && !detail.includes("(ANY(")) continue;
    const table = match ? (tables.get(match[1]!) ?? match[1]!) : undefined;
    if (table && PEOPLE_TABLES.has(table)) scans.push({ table, detail });
  }
  return scans;
}

/** Words that may follow a table's name where an alias would stand. */
const reserved = new Set(
  "WHERE ON LEFT RIGHT INNER OUTER CROSS JOIN GROUP ORDER LIMIT OFFSET SET VALUES USING UNION HAVING RETURNING AND OR".split(" "),
);

/** `FROM "main"."User" AS "t0"`, `JOIN "User" u`: each alias (and each bare name) to its table. */
function tablesByAlias(sql: string): Map<string, string> {
  const tables = new Map<string, string>();
  const reference = /\b(?:FROM|JOIN|INTO|UPDATE)\s+(?:[`"]?main[`"]?\.)?[`"]?(\w+)[`"]?(?:\s+(?:AS\s+)?[`"]?(\w+)[`"]?)?/gi;
  for (const [, table, alias] of sql.matchAll(reference)) {
    tables.set(table!, table!);
    if (alias && !reserved.has(alias.toUpperCase())) tables.set(alias, table!);
  }
  return tables;
}

interface PostgresPlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Plans?: PostgresPlanNode[];
}

/** Each index's table and first column (pg_index), to tell a seek from a whole index read. */
export type PostgresIndexes = Map<string, { table: string; leading: string }>;

/**
 * A PostgreSQL plan, read after `SET enable_seqscan = off` and with hash and merge joins off (see
 * `postgresPlanner`): a "Seq Scan" of a people table then means no index can bound it. An index
 * read (Index Scan, Index Only Scan, Bitmap Index Scan) is a seek only when its "Index Cond"
 * constrains the index's first column; with no condition, or one on a later column only, the
 * whole index is read, as SQLite's `SCAN ... USING INDEX` does.
 */
export function postgresFullScans(plan: PostgresPlanNode, indexes: PostgresIndexes): FullScan[] {
  const scans: FullScan[] = [];
  const visit = (node: PostgresPlanNode) => {
    const type = node["Node Type"];
    const index = node["Index Name"] ? indexes.get(node["Index Name"]) : undefined;
    const table = node["Relation Name"] ?? index?.table;
    let full = type === "Seq Scan";
    if (index) {
      const leading = new RegExp(`(?:^|[\\s(.])"?${index.leading}"?\\s*(?:=|<|>|IS\\b)`);
      full = !leading.test(node["Index Cond"] ?? "");
    }
    if (table && PEOPLE_TABLES.has(table) && full)
      scans.push({ table, detail: `${type} on ${table}${index ? ` by ${node["Index Name"]}` : ""}` });
    for (const child of node.Plans ?? []) visit(child);
  };
  visit(plan);
  return scans;
}

export interface Planner {
  fullScans: (statement: Statement) => Promise<FullScan[]>;
  close: () => Promise<void>;
}

/** Plans on a connection of its own to the test's SQLite file (read-only: nothing is run). */
export function sqlitePlanner(file: string): Planner {
  const database = new Database(file, { readonly: true, fileMustExist: true });
  return {
    fullScans: async ({ sql, args }) => {
      const lines = database
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(args)
        .map((row) => (row as { detail: string }).detail);
      return sqliteFullScans(sql, lines);
    },
    close: async () => {
      database.close();
    },
  };
}

/**
 * Plans on a connection of its own. The test's tables hold a few rows, where a sequential scan
 * is always cheapest; with it, hash joins and merge joins priced out, the planner takes an index
 * wherever one can bound a read, so what is left reading a whole table has no usable index.
 * Plain EXPLAIN runs nothing, so writes are planned without being made.
 */
export async function postgresPlanner(url: string): Promise<Planner> {
  const client = new pg.Client(url);
  await client.connect();
  await client.query("SET enable_seqscan = off; SET enable_hashjoin = off; SET enable_mergejoin = off");
  const { rows } = await client.query<{ index: string; table: string; leading: string }>(
    `SELECT ic.relname AS index, tc.relname AS table, a.attname AS leading
       FROM pg_index i
       JOIN pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_class tc ON tc.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = tc.relnamespace AND n.nspname = current_schema()
       JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]`,
  );
  const indexes: PostgresIndexes = new Map(rows.map((row) => [row.index, { table: row.table, leading: row.leading }]));
  return {
    fullScans: async ({ sql, args }) => {
      const result = await client.query<{ "QUERY PLAN": Array<{ Plan: PostgresPlanNode }> }>(
        `EXPLAIN (FORMAT JSON) ${sql}`,
        args,
      );
      return postgresFullScans(result.rows[0]!["QUERY PLAN"][0]!.Plan, indexes);
    },
    close: () => client.end(),
  };
}
