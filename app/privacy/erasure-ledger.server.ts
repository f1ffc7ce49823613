/**
 * The erasure ledger (decision 035): every erasure writes a row (the user id only, a random id
 * that names no one) in its own transaction (erasure.server.ts). A restore from a backup would
 * bring back the people erased since; `npm run db:reapply-erasures -- --ledger <source>` erases
 * them again from the ledger of a newer copy: the database kept aside before the restore (a
 * SQLite file or a postgresql:// URL), or the JSON file `npm run db:export-erasures` wrote.
 */
import { readFile, writeFile } from "node:fs/promises";
import { db, rawDate } from "~/db.server.ts";
import { withOtherDatabase } from "~/operations/other-database.server.ts";
import { erasePerson } from "./erasure.server.ts";

export interface LedgerEntry {
  userId: string;
  erasedAt: Date;
}

const LEDGER_SQL = `SELECT "userId", "erasedAt" FROM "ErasureLedger" ORDER BY "erasedAt", "userId"`;

/** This database's ledger, oldest first. */
export async function ledgerEntries(): Promise<LedgerEntry[]> {
  return db().erasureLedger.findMany({
    orderBy: [{ erasedAt: "asc" }, { userId: "asc" }],
    select: { userId: true, erasedAt: true },
  });
}

export async function exportLedger(file: string): Promise<number> {
  const entries = await ledgerEntries();
  const rows = entries.map((entry) => ({ userId: entry.userId, erasedAt: entry.erasedAt.toISOString() }));
  await writeFile(file, `${JSON.stringify({ erasureLedger: rows }, null, 1)}\n`, { flag: "wx" });
  return rows.length;
}

function entryFrom(row: { userId?: unknown; erasedAt?: unknown }): LedgerEntry {
  const erasedAt = rawDate(row.erasedAt);
  if (typeof row.userId !== "string" || row.userId === "" || !erasedAt || Number.isNaN(erasedAt.getTime()))
    throw new Error("The ledger holds a row that is not an erasure (userId, erasedAt)");
  return { userId: row.userId, erasedAt };
}

/** The ledger of another copy: an exported JSON file (`*.json`), a SQLite file or a postgresql:// URL. */
export async function readLedger(source: string): Promise<LedgerEntry[]> {
  if (source.endsWith(".json")) {
    const parsed = JSON.parse(await readFile(source, "utf8")) as { erasureLedger?: unknown };
    if (!Array.isArray(parsed.erasureLedger)) throw new Error(`${source} is not an exported erasure ledger`);
    return (parsed.erasureLedger as { userId?: unknown; erasedAt?: unknown }[]).map(entryFrom);
  }
  const url = /^(postgres(ql)?:\/\/|file:)/.test(source) ? source : `file:${source}`;
  return withOtherDatabase(url, async (database) => {
    if (!(await database.hasTable("ErasureLedger"))) throw new Error(`${source} holds no erasure ledger`);
    return (await database.rows<{ userId: unknown; erasedAt: unknown }>(LEDGER_SQL)).map(entryFrom);
  });
}

export interface ReapplyReport {
  /** Erased again: the restored database held them as they were before their erasure. */
  reapplied: number;
  alreadyErased: number;
  /** Not in this database (they joined after the backup, and their rows went with it). */
  absent: number;
}

/** Erases again everyone in the ledger whom this (restored) database does not hold as erased. Idempotent. */
export async function reapplyErasures(entries: readonly LedgerEntry[]): Promise<ReapplyReport> {
  const report: ReapplyReport = { reapplied: 0, alreadyErased: 0, absent: 0 };
  for (const entry of entries) {
    const person = await db().user.findUnique({ where: { id: entry.userId }, select: { cityId: true, erasedAt: true } });
    if (!person) report.absent += 1;
    else if (person.erasedAt) report.alreadyErased += 1;
    else {
      const outcome = await erasePerson({ cityId: person.cityId, actorId: null, userId: entry.userId, via: "restore" });
      if (outcome.ok) report.reapplied += 1;
      else if (outcome.reason === "already-erased") report.alreadyErased += 1;
      else throw new Error(`Erasure of ${entry.userId} could not be re-applied: ${outcome.reason}`);
    }
  }
  return report;
}
