/**
 * `npm run db:backup -- <file>`: a consistent copy of the SQLite database while the app runs
 * (decision 035). SQLite's online backup API copies the pages of one read snapshot; in WAL mode a
 * reader does not block the app's writers, and the copy holds exactly the transactions committed
 * before it began. The copy is written beside the target and renamed once it passed
 * `PRAGMA integrity_check`, so a backup file is never half a database. PostgreSQL: pg_dump
 * (docs/operations.md).
 */
import { existsSync, renameSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import { databaseKind, sqlitePath } from "../../prisma/driver-adapters.ts";

export class BackupError extends Error {}

export async function backupSqlite(databaseUrl: string, target: string): Promise<{ pages: number }> {
  if (databaseKind(databaseUrl) !== "sqlite")
    throw new BackupError("db:backup copies a SQLite database; for PostgreSQL use pg_dump (docs/operations.md).");
  if (existsSync(target)) throw new BackupError(`${target} exists already; a backup never overwrites a file.`);
  const source = new Database(sqlitePath(databaseUrl), { fileMustExist: true, readonly: true, timeout: 5000 });
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  try {
    // Every page in one step: a step reads one snapshot, and a write by the app between two
    // smaller steps would restart the copy (forever, under a steady stream of writes).
    const { totalPages } = await source.backup(partial, { progress: () => Number.MAX_SAFE_INTEGER });
    const copy = new Database(partial, { readonly: true });
    try {
      const result = copy.pragma("integrity_check", { simple: true });
      if (result !== "ok") throw new BackupError(`The copy failed its integrity check: ${String(result)}`);
    } finally {
      copy.close();
    }
    renameSync(partial, target);
    return { pages: totalPages };
  } finally {
    source.close();
    rmSync(partial, { force: true });
  }
}
