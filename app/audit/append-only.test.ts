/**
 * The audit log is append-only (decision 028): no source file of the app, the scripts or the
 * database tooling updates or deletes AuditLog rows, through Prisma or in raw SQL.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { auditActions } from "./actions.ts";

const root = path.resolve(import.meta.dirname, "../..");
const SKIP = new Set(["node_modules", "generated", "migrations", "build", ".cache"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|mjs|sql)$/.test(name) && !name.endsWith(".test.ts") ? [full] : [];
  });
}

const files = ["app", "scripts", "prisma"].flatMap((dir) => sourceFiles(path.join(root, dir)));

/** What writing to an audit row looks like: Prisma's auditLog.update/upsert/delete, or SQL on "AuditLog". */
const FORBIDDEN = [
  /auditLog\s*\.\s*(update|updateMany|upsert|delete|deleteMany|updateManyAndReturn)\b/,
  /\bUPDATE\s+"?AuditLog"?/i,
  /\bDELETE\s+FROM\s+"?AuditLog"?/i,
  /\bTRUNCATE\b[^;]*"?AuditLog"?/i,
];

function offences(text: string): string[] {
  return FORBIDDEN.filter((pattern) => pattern.test(text)).map(String);
}

describe("the audit log is append-only", () => {
  it("finds the source files it scans", () => {
    expect(files.some((file) => file.endsWith(path.join("audit", "audit.server.ts")))).toBe(true);
    expect(files.length).toBeGreaterThan(50);
  });

  it("recognises each way of changing an audit row", () => {
    expect(offences("await tx.auditLog.update({ where })")).not.toEqual([]);
    expect(offences("db().auditLog.deleteMany()")).not.toEqual([]);
    expect(offences("db().auditLog . upsert(")).not.toEqual([]);
    expect(offences('UPDATE "AuditLog" SET "details" = ?')).not.toEqual([]);
    expect(offences('delete from "AuditLog" where id = 1')).not.toEqual([]);
    expect(offences("await tx.auditLog.create({ data })")).toEqual([]);
    expect(offences("auditLog.findMany()")).toEqual([]);
  });

  it("has no code path that updates or deletes audit rows", () => {
    const found = files.flatMap((file) =>
      offences(readFileSync(file, "utf8")).map((pattern) => `${path.relative(root, file)}: ${pattern}`),
    );
    expect(found).toEqual([]);
  });

  it("lists every action the code writes, so each has its label and filter entry", () => {
    const written = new Set<string>();
    for (const file of files.filter((name) => /\.tsx?$/.test(name)))
      for (const match of readFileSync(file, "utf8").matchAll(/\baction:\s*"([a-z][a-zA-Z0-9.-]*)"/g)) written.add(match[1]!);
    // Add a new action to app/audit/actions.ts and its label "audit.action.<key>" to the audit messages.
    expect([...written].filter((action) => !(auditActions as readonly string[]).includes(action))).toEqual([]);
  });
});
