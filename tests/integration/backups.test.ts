/**
 * Backups and restores (decision 035, docs/operations.md). SQLite: `npm run db:backup` copies the
 * database while another process writes. PostgreSQL: pg_dump and pg_restore (a PostgreSQL 15
 * server, the version Debian 12's tools accept) bring back every row as it was. Both: erasures
 * made after the backup are re-applied from the erasure ledger, so a restore never brings an
 * erased person back.
 */
import { execFile, execFileSync, spawn } from "node:child_process";
import { copyFileSync, existsSync, renameSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { expect, inject, it } from "vitest";
import { db, resetDb } from "~/db.server.ts";
import { backupSqlite } from "~/operations/backup.server.ts";
import { readLedger, reapplyErasures } from "~/privacy/erasure-ledger.server.ts";
import { erasePerson } from "~/privacy/erasure.server.ts";
import { ERASED_NAME } from "~/privacy/identity.ts";
import { sqlitePath } from "../../prisma/driver-adapters.ts";
import { createUser } from "../support/factories.ts";
import { appTables, copyRows, startPostgres15, withClient, writeSchema } from "../support/postgres-servers.ts";

const kind = inject("databaseKind");
const scratch = (name: string) => path.join(inject("scratchDir"), `${Date.now()}-${name}`);
const tsx = "node_modules/.bin/tsx";
const run = promisify(execFile);

/** Erases a person, then puts the backup in place of the database (the source module's client reconnects after). */
async function eraseAfterBackupThenRestore(backUp: () => Promise<void>, restore: () => Promise<string>) {
  const kept = await createUser({ name: "Rosa Kept" });
  const erased = await createUser({ name: "Lucía Erased" });
  await backUp();
  expect(await erasePerson({ cityId: erased.cityId, actorId: null, userId: erased.id, via: "admin" })).toEqual({ ok: true });
  expect(await db().erasureLedger.count({ where: { userId: erased.id } })).toBe(1);
  await resetDb();
  const ledger = await restore();
  // The restored database holds the person as they were before their erasure.
  expect((await db().user.findUniqueOrThrow({ where: { id: erased.id } })).name).toBe("Lucía Erased");
  await resetDb();
  const { stdout } = await run(tsx, ["scripts/db.ts", "reapply-erasures", "--ledger", ledger], { env: process.env });
  expect(stdout).toContain("Erased again: 1");
  const person = await db().user.findUniqueOrThrow({
    where: { id: erased.id },
    select: { name: true, email: true, erasedAt: true },
  });
  expect(person.name).toBe(ERASED_NAME);
  expect(person.email).not.toContain("@madrid");
  expect(person.erasedAt).not.toBeNull();
  expect(await db().erasureLedger.count({ where: { userId: erased.id } })).toBe(1);
  expect((await db().user.findUniqueOrThrow({ where: { id: kept.id } })).name).toBe("Rosa Kept");
  // Run again, it changes nothing.
  expect(await reapplyErasures(await readLedger(ledger))).toEqual({ reapplied: 0, alreadyErased: 1, absent: 0 });
  await resetDb();
}

if (kind === "sqlite") {
  it("db:backup copies the SQLite database while another process writes: whole, consistent, a prefix of the writes", async () => {
    const file = sqlitePath(process.env.DATABASE_URL!);
    const cityId = (
      new Database(file, { readonly: true }).prepare(`SELECT id FROM "City" WHERE slug = 'madrid'`).get() as { id: string }
    ).id;
    // Another process writes a chain of departments, each the child of the one before, one transaction each.
    const writer = spawn(
      process.execPath,
      [
        "-e",
        `const db = new (require("better-sqlite3"))(process.argv[1], { timeout: 5000 });
         const insert = db.prepare('INSERT INTO "Department" (id, "cityId", "parentId", name, "siblingsKey") VALUES (?, ?, ?, ?, ?)');
         let n = 0;
         const step = () => { for (let i = 0; i < 20; i++, n++) { const parent = n === 0 ? null : "chain-" + (n - 1);
           insert.run("chain-" + n, process.argv[2], parent, "Chain " + n, parent ?? ""); } setImmediate(step); };
         step();`,
        file,
        cityId,
      ],
      { stdio: "ignore" },
    );
    const reader = new Database(file, { readonly: true });
    const written = () =>
      (reader.prepare(`SELECT COUNT(*) AS n FROM "Department" WHERE id LIKE 'chain-%'`).get() as { n: number }).n;
    try {
      while (written() < 200) await new Promise((resolve) => setTimeout(resolve, 20));
      const before = written();
      const target = scratch("backup.db");
      const { stdout } = await run(tsx, ["scripts/db.ts", "backup", target], { env: process.env });
      expect(stdout).toContain("integrity check ok");
      const after = written();
      expect(after).toBeGreaterThan(before);

      const backup = new Database(target, { readonly: true });
      expect(backup.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(backup.pragma("foreign_key_check")).toEqual([]);
      const chain = backup.prepare(`SELECT id, "parentId" FROM "Department" WHERE id LIKE 'chain-%'`).all() as {
        id: string;
        parentId: string | null;
      }[];
      const present = new Set(chain.map((row) => row.id));
      // Every row present references a row present, and the rows are exactly the first k written.
      expect(chain.every((row) => row.parentId === null || present.has(row.parentId))).toBe(true);
      expect(chain.length).toBeGreaterThanOrEqual(before);
      expect(chain.length).toBeLessThanOrEqual(after);
      expect([...present].map((id) => Number(id.slice("chain-".length))).sort((a, b) => a - b)).toEqual([...chain.keys()]);
      expect(backup.prepare(`SELECT COUNT(*) AS n FROM "City"`).get()).toEqual({ n: 10 });
      backup.close();
      await expect(run(tsx, ["scripts/db.ts", "backup", target], { env: process.env })).rejects.toThrow(/exists already/);
    } finally {
      writer.kill();
      reader.close();
    }
  });

  it("after a restore from a SQLite backup, the erasures made since are re-applied from the ledger of the database kept aside", async () => {
    const file = sqlitePath(process.env.DATABASE_URL!);
    const backup = scratch("before-erasure.db");
    const aside = scratch("aside.db");
    await eraseAfterBackupThenRestore(
      async () => {
        await backupSqlite(process.env.DATABASE_URL!, backup);
      },
      async () => {
        for (const suffix of ["", "-wal", "-shm"]) if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
        copyFileSync(backup, file);
        return aside;
      },
    );
    // The ledger also travels as a file, exported before the restore.
    const exported = scratch("ledger.json");
    execFileSync(tsx, ["scripts/db.ts", "export-erasures", exported], { env: { ...process.env, DATABASE_URL: `file:${aside}` } });
    const { stdout } = await run(tsx, ["scripts/db.ts", "reapply-erasures", "--ledger", exported], { env: process.env });
    expect(stdout).toContain("Ledger: 1 erasures. Erased again: 0; already erased: 1");
  });
}

if (kind === "postgres") {
  it("pg_dump, then changes, then pg_restore: every table holds, row by row, what it held at the dump", async () => {
    const server = await startPostgres15();
    try {
      await withClient(server.url("postgres"), (admin) => admin.query(`CREATE DATABASE aula`));
      const url = server.url("aula");
      await writeSchema(url);
      // The run's migrated, seeded data (ten cities, courses, demo accounts and their activity).
      await copyRows(process.env.DATABASE_URL!, url);
      const contents = () =>
        withClient(url, async (client) => {
          const tables: Record<string, string[]> = {};
          for (const table of await appTables(client))
            tables[table] = (await client.query(`SELECT row_to_json(t)::text AS row FROM "${table}" t`)).rows
              .map((r: { row: string }) => r.row)
              .sort();
          return tables;
        });
      const atDump = await contents();
      expect(atDump["City"]).toHaveLength(10);
      expect(atDump["User"]!.length).toBeGreaterThan(0);

      const dump = scratch("aula.dump");
      const tools = "/usr/lib/postgresql/15/bin";
      execFileSync(`${tools}/pg_dump`, ["--format=custom", `--file=${dump}`, url]);
      await withClient(url, async (client) => {
        await client.query(`UPDATE "City" SET name = name || ' (changed)'`);
        await client.query(`DELETE FROM "Session"`);
        await client.query(
          `INSERT INTO "Department" (id, "cityId", name, "siblingsKey") SELECT 'after-dump', id, 'After the dump', '' FROM "City" LIMIT 1`,
        );
      });
      expect(await contents()).not.toEqual(atDump);
      execFileSync(`${tools}/pg_restore`, [
        "--clean",
        "--if-exists",
        "--single-transaction",
        "--exit-on-error",
        `--dbname=${url}`,
        dump,
      ]);
      expect(await contents()).toEqual(atDump);
    } finally {
      await server.stop();
    }
  });

  it("after a restore of a PostgreSQL database, the erasures made since are re-applied from the ledger of the database kept aside", async () => {
    const url = process.env.DATABASE_URL!;
    const name = new URL(url).pathname.slice(1);
    const admin = inject("postgresAdminUrl");
    const other = (database: string) => url.replace(/\/[^/]+$/, `/${database}`);
    await eraseAfterBackupThenRestore(
      async () => {
        await resetDb();
        await withClient(admin, (client) => client.query(`CREATE DATABASE "${name}_backup" TEMPLATE "${name}"`));
      },
      async () => {
        await withClient(admin, async (client) => {
          await client.query(`ALTER DATABASE "${name}" RENAME TO "${name}_aside"`);
          await client.query(`ALTER DATABASE "${name}_backup" RENAME TO "${name}"`);
        });
        return other(`${name}_aside`);
      },
    );
  });
}
