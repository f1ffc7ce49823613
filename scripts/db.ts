/**
 * Database chores for both databases.
 *   generate          write prisma/postgres/schema.prisma from prisma/schema.prisma, generate both clients
 *   deploy            apply committed migrations to DATABASE_URL (SQLite file by default), then the data steps
 *   migrate <name>    write a new migration for SQLite and for PostgreSQL from the schema
 *   check             exit 1 when either migration folder does not match the schema
 *   backup <file>     a consistent online copy of the SQLite database (safe while the app runs)
 *   export-erasures <file.json>          the erasure ledger, to keep before a restore
 *   reapply-erasures --ledger <source>   after a restore: erase again everyone the ledger names
 *                     (source: an exported .json, a SQLite file or a postgresql:// URL)
 * Backups and restores: docs/operations.md.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { databaseKind, sqlitePath } from "../prisma/driver-adapters.ts";
import { derivePostgresSchema } from "./postgres-schema.ts";
import { startThrowawayPostgres } from "./throwaway-postgres.ts";
import { defaultDatabaseUrl } from "../app/env-defaults.ts";

const sqliteSchema = "prisma/schema.prisma";
const postgresSchema = "prisma/postgres/schema.prisma";
const migrationFolder = { sqlite: "prisma/migrations", postgres: "prisma/postgres/migrations" } as const;

function prisma(args: string[], databaseUrl: string, capture = false): string {
  const output = execFileSync(path.resolve("node_modules/.bin/prisma"), args, {
    env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: capture ? ["ignore", "pipe", "inherit"] : "inherit",
    encoding: "utf8",
  });
  return output ?? "";
}

export function writePostgresSchema(): void {
  const derived = derivePostgresSchema(readFileSync(sqliteSchema, "utf8"));
  mkdirSync(path.dirname(postgresSchema), { recursive: true });
  if (!existsSync(postgresSchema) || readFileSync(postgresSchema, "utf8") !== derived) writeFileSync(postgresSchema, derived);
}

function generate(): void {
  writePostgresSchema();
  prisma(["generate", "--schema", sqliteSchema], defaultDatabaseUrl);
  prisma(["generate", "--schema", postgresSchema], "postgresql://localhost/unused");
}

async function deploy(): Promise<void> {
  const url = process.env.DATABASE_URL ?? defaultDatabaseUrl;
  const sqlite = databaseKind(url) === "sqlite";
  if (sqlite) mkdirSync(path.dirname(path.resolve(sqlitePath(url))), { recursive: true });
  prisma(["migrate", "deploy"], url);
  // WAL lets several app workers read while one writes; the setting is stored in the file.
  if (sqlite) new Database(sqlitePath(url)).pragma("journal_mode = WAL");
  // Data steps that SQL cannot do, after the migrations that need them (each idempotent).
  process.env.DATABASE_URL = url;
  const { db } = await import("../app/db.server.ts");
  const { migrateLegacyLogos } = await import("../app/cities/logos.server.ts");
  const moved = await migrateLegacyLogos();
  if (moved.cities + moved.certificates > 0)
    console.log(`Logos moved to the file store: ${moved.cities} cities, ${moved.certificates} certificates`);
  const { backfillQuestionAnswers } = await import("../app/quiz/attempts.server.ts");
  const backfilled = await backfillQuestionAnswers();
  if (backfilled > 0) console.log(`Item analysis rows written for ${backfilled} attempts graded before them`);
  await db().$disconnect();
}

function pendingScript(kind: "sqlite" | "postgres", databaseUrl: string): string {
  const lockFile = path.join(migrationFolder[kind], "migration_lock.toml");
  if (!existsSync(lockFile)) {
    mkdirSync(migrationFolder[kind], { recursive: true });
    writeFileSync(lockFile, `provider = "${kind === "sqlite" ? "sqlite" : "postgresql"}"\n`);
  }
  const schema = kind === "sqlite" ? sqliteSchema : postgresSchema;
  return prisma(
    ["migrate", "diff", "--from-migrations", migrationFolder[kind], "--to-schema-datamodel", schema, "--script"],
    databaseUrl,
    true,
  );
}

/** The CLI opens the configured database even for a diff; a throwaway file keeps it away from real data. */
function scratchSqliteUrl(): string {
  return `file:${path.join(os.tmpdir(), `aula-migrate-scratch-${process.pid}.db`)}`;
}

const isEmptyScript = (script: string) => script.trim() === "" || script.includes("This is an empty migration.");

async function withPostgres<T>(work: (url: string) => T): Promise<T> {
  const server = await startThrowawayPostgres();
  try {
    return work(await server.createDatabase("aula_migrations"));
  } finally {
    await server.stop();
  }
}

async function migrate(name: string): Promise<void> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("Migration name: lowercase letters, digits and underscores");
  writePostgresSchema();
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const scripts = {
    sqlite: pendingScript("sqlite", scratchSqliteUrl()),
    postgres: await withPostgres((url) => pendingScript("postgres", url)),
  };
  for (const kind of ["sqlite", "postgres"] as const) {
    if (isEmptyScript(scripts[kind])) {
      console.log(`${kind}: schema and migrations already match`);
      continue;
    }
    const folder = path.join(migrationFolder[kind], `${stamp}_${name}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, "migration.sql"), scripts[kind]);
    console.log(`${kind}: wrote ${folder}/migration.sql`);
  }
}

async function check(): Promise<void> {
  writePostgresSchema();
  const drift = [];
  if (!isEmptyScript(pendingScript("sqlite", scratchSqliteUrl()))) drift.push("sqlite");
  if (!isEmptyScript(await withPostgres((url) => pendingScript("postgres", url)))) drift.push("postgres");
  if (drift.length > 0) {
    console.error(`Migrations do not match prisma/schema.prisma for: ${drift.join(", ")}. Run: npm run db:migrate -- <name>`);
    process.exit(1);
  }
  console.log("Migrations match the schema on sqlite and postgres.");
}

async function backup(target: string | undefined): Promise<void> {
  if (!target) throw new Error("usage: npm run db:backup -- <file>");
  const { backupSqlite } = await import("../app/operations/backup.server.ts");
  const { pages } = await backupSqlite(process.env.DATABASE_URL ?? defaultDatabaseUrl, target);
  console.log(`Backup written to ${target} (${pages} pages, integrity check ok).`);
}

/** The erasure ledger's commands run on the app's own client (DATABASE_URL). */
async function withAppDatabase(work: () => Promise<void>): Promise<void> {
  process.env.DATABASE_URL ??= defaultDatabaseUrl;
  const { db } = await import("../app/db.server.ts");
  try {
    await work();
  } finally {
    await db().$disconnect();
  }
}

async function exportErasures(file: string | undefined): Promise<void> {
  if (!file?.endsWith(".json")) throw new Error("usage: npm run db:export-erasures -- <file.json>");
  const { exportLedger } = await import("../app/privacy/erasure-ledger.server.ts");
  await withAppDatabase(async () => console.log(`${await exportLedger(file)} erasures written to ${file}.`));
}

async function reapplyErasures(args: string[]): Promise<void> {
  const source = args[0] === "--ledger" ? args[1] : undefined;
  if (!source) throw new Error("usage: npm run db:reapply-erasures -- --ledger <file.json | file.db | postgresql://…>");
  const { readLedger, reapplyErasures: reapply } = await import("../app/privacy/erasure-ledger.server.ts");
  const entries = await readLedger(source);
  await withAppDatabase(async () => {
    const report = await reapply(entries);
    console.log(
      `Ledger: ${entries.length} erasures. Erased again: ${report.reapplied}; already erased: ${report.alreadyErased}; not in this database: ${report.absent}.`,
    );
  });
}

const [command, argument, ...rest] = process.argv.slice(2);
if (command === "generate") generate();
else if (command === "deploy") await deploy();
else if (command === "migrate") await migrate(argument ?? "");
else if (command === "check") await check();
else if (command === "backup") await backup(argument);
else if (command === "export-erasures") await exportErasures(argument);
else if (command === "reapply-erasures") await reapplyErasures([argument ?? "", ...rest]);
else {
  console.error(
    "usage: db.ts generate | deploy | migrate <name> | check | backup <file> | export-erasures <file.json> | reapply-erasures --ledger <source>",
  );
  process.exit(2);
}
