/**
 * A staff import, a publish and an HR export, each killed at its boundary (FAULT_AT,
 * app/faults.server.ts, decision 038) with the real server as a child process, then done again on
 * a server started without the hook. Killed, nothing is half-written (the database is as it was,
 * but for the export's start entry) and a cut download errors for the client; done again, each
 * operation completes exactly once.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser } from "~/auth/guards.server.ts";
import { pseudonymFor } from "~/audit/audit.server.ts";
import { copyNetworkCourse, filesHash, readDraft, saveDraft, type AuthorScope } from "~/authoring/drafts.server.ts";
import { publishDraft } from "~/authoring/publish.server.ts";
import { ensureDepartmentChain } from "~/cities/departments.server.ts";
import { db } from "~/db.server.ts";
import type { FaultBoundary } from "~/faults.server.ts";
import { dryRunImport, IMPORT_BATCH_ROWS } from "~/people/staff-import.server.ts";
import { createUser, sessionCookie, type TestUser } from "../support/factories.ts";
import { currentUserFor, importSampleCourse, SAMPLE_COURSE } from "../support/learning.ts";
import { rowCounts } from "../support/row-counts.ts";
import { killedHard, startServer, type RunningServer } from "../support/server-process.ts";

const tag = `f${Date.now().toString(36)}`;
const DEPARTMENT = "Fallos";
/** Six people: the import's first group of five is written when it is killed, the sixth is not. */
const emails = ["ana", "bea", "carla", "dora", "eva", "flor"].map((local) => `${local}.${tag}@madrid.es`);
const importFile = new TextEncoder().encode(
  [
    "nombre,correo,departamento,roles,idioma,número de empleado,estado",
    ...emails.map((email, index) => `Persona ${"ABCDEF"[index]} Fallo,${email},${DEPARTMENT},,,${tag}-${index},activo`),
  ].join("\n") + "\n",
);

/** 0 → "a", 25 → "z", 26 → "ba": names are letters. */
const lettersOf = (index: number): string =>
  (index >= 26 ? lettersOf(Math.floor(index / 26)) : "") + "abcdefghijklmnopqrstuvwxyz"[index % 26];
/** More people than one write transaction takes (IMPORT_BATCH_ROWS), each a trainer. */
const batchEmails = Array.from({ length: IMPORT_BATCH_ROWS + 10 }, (_, index) => `lote${index}.${tag}@madrid.es`);
const batchFile = new TextEncoder().encode(
  [
    "nombre,correo,departamento,roles,idioma,número de empleado,estado",
    ...batchEmails.map(
      (email, index) => `Persona ${lettersOf(index)} Lote,${email},${DEPARTMENT},TRAINER,,${tag}-L${index},activo`,
    ),
  ].join("\n") + "\n",
);

let admin: CurrentUser;
let trainer: TestUser;
let hr: TestUser;
let courseKey: string;

const scopeOf = (user: TestUser): AuthorScope => ({ cityId: user.cityId, citySlug: user.citySlug, userId: user.id });

const cookies = new Map<string, string>();

/** One session per person for the whole test, so that a request writes no session row. */
async function send(server: RunningServer, user: { id: string }, pathname: string, form?: Record<string, string>) {
  if (!cookies.has(user.id)) cookies.set(user.id, await sessionCookie(user.id));
  const headers: Record<string, string> = { Cookie: cookies.get(user.id)! };
  if (form) Object.assign(headers, { Origin: server.origin, "Content-Type": "application/x-www-form-urlencoded" });
  return fetch(`${server.origin}${pathname}`, {
    method: form ? "POST" : "GET",
    headers,
    body: form ? new URLSearchParams(form).toString() : undefined,
    redirect: "manual",
  });
}

async function auditActions(actorId: string, prefix: string) {
  const rows = await db().auditLog.findMany({
    where: { actorRef: await pseudonymFor(actorId), action: { startsWith: prefix } },
    orderBy: { createdAt: "asc" },
    select: { action: true, details: true },
  });
  return rows.map((row) => ({ action: row.action, details: JSON.parse(row.details) as Record<string, unknown> }));
}

async function publishedState() {
  const course = await db().course.findUniqueOrThrow({
    where: { key: courseKey },
    select: { id: true, currentVersion: { select: { number: true } } },
  });
  const draft = (await readDraft({ cityId: trainer.cityId }, courseKey))!;
  return {
    current: course.currentVersion?.number,
    versions: await db().courseVersion.count({ where: { courseId: course.id } }),
    draft: { revision: draft.revision, baseVersionId: draft.baseVersionId, files: filesHash(draft.files) },
  };
}

/** Runs `operation` on a server armed at `boundary`: the request fails, and the server died there. */
async function killedAt(boundary: FaultBoundary, operation: (server: RunningServer) => Promise<void>) {
  const server = await startServer(boundary);
  await operation(server);
  expect(killedHard(await server.exited)).toBe(true);
  expect(server.stderr()).toContain(`fault-point reached: ${boundary}`);
}

beforeAll(async () => {
  await importSampleCourse();
  admin = await currentUserFor({ roles: ["CITY_ADMIN"] });
  await db().$transaction((tx) => ensureDepartmentChain(tx, admin.city.id, [DEPARTMENT]));
  trainer = await createUser({ roles: ["TRAINER"] });
  const copy = await copyNetworkCourse(scopeOf(trainer), SAMPLE_COURSE);
  if (!copy.ok) throw new Error(copy.problem);
  courseKey = copy.key;
  const first = await publishDraft(scopeOf(trainer), courseKey, (await readDraft(scopeOf(trainer), courseKey))!.revision);
  expect(first).toEqual({ ok: true, version: 1 });
  // The draft then changes: the first lesson's text, in its three languages.
  const draft = (await readDraft(scopeOf(trainer), courseKey))!;
  const decoder = new TextDecoder();
  const changes = new Map(
    (["es", "pt", "en"] as const).map((locale) => {
      const file = `01-first-steps/${locale}.md`;
      const text = decoder.decode(draft.files.get(file)!).replace(`(${locale}).`, `(${locale}), revisado.`);
      return [file, new TextEncoder().encode(text)] as const;
    }),
  );
  expect(await saveDraft(scopeOf(trainer), courseKey, draft.revision, changes)).toMatchObject({ ok: true });
  hr = await createUser({ roles: ["HR"], hrDepartment: [`${DEPARTMENT} ${tag}`] });
  await createUser({ department: [`${DEPARTMENT} ${tag}`] });
});

describe("an import, a publish and an export killed at their boundaries", () => {
  it("leave nothing half-written, and once the server is back each completes exactly once", async () => {
    const people = () => db().user.count({ where: { email: { in: emails } } });
    const planned = await dryRunImport(admin, importFile);
    if (!planned.ok) throw new Error(JSON.stringify(planned.problem));
    expect(planned.plan.create).toHaveLength(emails.length);
    const applyForm = { intent: "apply", hash: planned.hash, digest: planned.digest };
    const publishForm = async () => ({ intent: "publish", revision: String((await publishedState()).draft.revision) });

    for (const user of [admin, trainer, hr]) cookies.set(user.id, await sessionCookie(user.id));

    // The import, killed after its first five people were written in its transaction.
    const beforeImport = await rowCounts();
    await killedAt("import-rows-written", async (server) => {
      await expect(send(server, admin, "/admin/import", applyForm)).rejects.toThrow();
    });
    expect(await rowCounts()).toEqual(beforeImport);

    // The publish, killed after the new version's rows, before the course points at them.
    const beforePublish = await publishedState();
    expect(beforePublish).toMatchObject({ current: 1, versions: 1 });
    const rowsBeforePublish = await rowCounts(["StoredFile"]);
    const form = await publishForm();
    await killedAt("version-rows-written", async (server) => {
      await expect(send(server, trainer, `/author/${courseKey}/publish`, form)).rejects.toThrow();
    });
    expect(await publishedState()).toEqual(beforePublish);
    expect(await rowCounts(["StoredFile"])).toEqual(rowsBeforePublish);

    // The export, killed once its header was sent: the client gets a 200 whose body errors.
    // Only the start entry is written (with the HR person's first pseudonym).
    const rowsBeforeExport = await rowCounts(["AuditLog", "Pseudonym"]);
    await killedAt("export-part-sent", async (server) => {
      const response = await send(server, hr, "/hr/export/people.csv");
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Length")).toBeNull();
      await expect(response.text()).rejects.toThrow();
    });
    // The same for the XLSX export: its zip is cut, so the client cannot open it as a whole file.
    await killedAt("export-part-sent", async (server) => {
      const response = await send(server, hr, "/hr/export/people.xlsx");
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Length")).toBeNull();
      await expect(response.arrayBuffer()).rejects.toThrow();
    });
    expect(await rowCounts(["AuditLog", "Pseudonym"])).toEqual(rowsBeforeExport);
    expect((await auditActions(hr.id, "hr.export.")).map((row) => row.action)).toEqual([
      "hr.export.started",
      "hr.export.started",
    ]);

    const server = await startServer();
    try {
      const imported = await send(server, admin, "/admin/import", applyForm);
      expect(imported.status).toBe(200);
      expect(await people()).toBe(emails.length);
      // (On a busy machine the import may take two transactions, and log that it began first.)
      expect((await auditActions(admin.id, "staff.import")).filter((entry) => entry.action === "staff.import")).toEqual([
        { action: "staff.import", details: { created: emails.length, updated: 0, deactivated: 0, unchanged: 0 } },
      ]);

      const published = await send(server, trainer, `/author/${courseKey}/publish`, await publishForm());
      expect(published.status).toBe(302);
      expect(published.headers.get("Location")).toContain("version=2");
      expect(await publishedState()).toMatchObject({ current: 2, versions: 2 });
      expect((await auditActions(trainer.id, "course.published")).map((row) => row.details.version)).toEqual([1, 2]);

      const exported = await send(server, hr, "/hr/export/people.csv");
      expect(exported.status).toBe(200);
      const lines = (await exported.text()).trim().split("\r\n");
      expect(lines).toHaveLength(2);
      await expect
        .poll(async () => await auditActions(hr.id, "hr.export."))
        .toEqual([
          { action: "hr.export.started", details: expect.objectContaining({ list: "people", format: "csv" }) },
          { action: "hr.export.started", details: expect.objectContaining({ list: "people", format: "xlsx" }) },
          { action: "hr.export.started", details: expect.objectContaining({ list: "people", format: "csv" }) },
          { action: "hr.export.finished", details: { list: "people", format: "csv", rows: 1 } },
        ]);
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }
  }, 120_000);
});

describe("a staff import longer than one transaction, killed between two of them", () => {
  it("keeps the committed people whole, logs an import that began, and a new dry run imports the rest", async () => {
    const imported = () =>
      db().user.findMany({
        where: { email: { in: batchEmails } },
        select: { email: true, departmentId: true, employeeId: true, roleGrants: { select: { role: true } } },
      });
    const planned = await dryRunImport(admin, batchFile);
    if (!planned.ok) throw new Error(JSON.stringify(planned.problem));
    expect(planned.plan.create).toHaveLength(batchEmails.length);
    const applyForm = { intent: "apply", hash: planned.hash, digest: planned.digest };
    cookies.set(admin.id, await sessionCookie(admin.id));
    const importEntries = () => auditActions(admin.id, "staff.import");
    const entriesBefore = (await importEntries()).length;

    await killedAt("import-transaction-committed", async (server) => {
      await expect(send(server, admin, "/admin/import", applyForm)).rejects.toThrow();
    });
    const kept = await imported();
    // The first transaction's people are there, each whole (department, employee number, role); the rest are not.
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(batchEmails.length);
    const { departmentId } = kept[0]!;
    for (const person of kept) {
      expect(person.departmentId).toBe(departmentId);
      expect(person.employeeId).toMatch(new RegExp(`^${tag}-L\\d+$`));
      expect(person.roleGrants.map((row) => row.role)).toContain("TRAINER");
    }
    expect((await importEntries()).slice(entriesBefore)).toEqual([
      {
        action: "staff.import.started",
        details: { file: planned.hash, created: batchEmails.length, updated: 0, deactivated: 0, unchanged: 0 },
      },
    ]);

    const server = await startServer();
    try {
      // The plan the admin saw is no longer the file's: refused as changed, nothing written.
      const stale = await send(server, admin, "/admin/import", applyForm);
      expect(stale.status).toBe(409);
      expect(await imported()).toHaveLength(kept.length);
      // A new dry run shows what is left, and applying it imports exactly that.
      const rest = await dryRunImport(admin, batchFile);
      if (!rest.ok) throw new Error(JSON.stringify(rest.problem));
      expect(rest.plan.create).toHaveLength(batchEmails.length - kept.length);
      expect(rest.plan.unchanged).toHaveLength(kept.length);
      const applied = await send(server, admin, "/admin/import", { intent: "apply", hash: rest.hash, digest: rest.digest });
      expect(applied.status).toBe(200);
      expect(await imported()).toHaveLength(batchEmails.length);
      const finished = (await importEntries()).slice(entriesBefore).filter((entry) => entry.action === "staff.import");
      expect(finished).toEqual([
        {
          action: "staff.import",
          details: { created: batchEmails.length - kept.length, updated: 0, deactivated: 0, unchanged: kept.length },
        },
      ]);
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }
  }, 120_000);
});
