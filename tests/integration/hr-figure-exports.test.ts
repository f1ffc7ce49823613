/**
 * The dashboard's department and course tables and the network view as files: the same figures
 * the pages show, the dashboard's filters kept (and a bad one refused), rates as percentages,
 * the network's small groups written as the page writes them, and audit entries.
 */
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { pseudonymFor } from "~/audit/audit.server.ts";
import { createUser, sessionCookie, type TestUser } from "../support/factories.ts";
import { dayEnd, recordAssignment } from "../support/hr-records.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

const ROOT = "Pruebas de Tablas";
let server: TestServer;
let hr: TestUser;
let network: TestUser;
let tables: { id: string };

beforeAll(async () => {
  server = await startTestServer();
  hr = await createUser({ roles: ["HR"], hrDepartment: [ROOT], locale: "es" });
  network = await createUser({ roles: ["NETWORK_ADMIN"], locale: "en" });
  const done = await createUser({ name: "Nuria Tablas Hecho", department: [ROOT, "Hecho"] });
  const late = await createUser({ name: "Lucas Tablas Tarde", department: [ROOT, "Tarde"] });
  // Two assignments due four days ago: one completed yesterday, one not → 50 % for the subtree.
  await recordAssignment({
    userId: done.id,
    courseKey: "ai-fundamentals",
    dueAt: dayEnd(-4),
    enrolment: { completedAt: new Date(Date.now() - 5 * 86_400_000), lessons: 1 },
  });
  await recordAssignment({ userId: late.id, courseKey: "ai-fundamentals", dueAt: dayEnd(-4) });
  tables = await db().department.findFirstOrThrow({ where: { name: ROOT, parentId: null }, select: { id: true } });
});

afterAll(async () => {
  await server.close();
});

async function download(path: string, user: TestUser) {
  const response = await server.request(path, { cookie: await sessionCookie(user.id) });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

const csv = (bytes: Buffer) => parse(bytes.toString("utf8"), { bom: true }) as string[][];

describe("the dashboard's tables as files", () => {
  it("writes the department table of the scoped HR person's subtree, with its total and roll-ups", async () => {
    const { response, bytes } = await download("/hr/export/departments.csv", hr);
    expect(response.status).toBe(200);
    const [header, ...rows] = csv(bytes);
    expect(header?.slice(0, 3)).toEqual(["Departamento", "Personas activas", "Asignaciones abiertas en el periodo"]);
    const rate = header!.indexOf("Tasa de finalización de lo obligatorio (asignaciones con vencimiento en el periodo) (%)");
    expect(rate).toBeGreaterThan(0);
    expect(rows.map((row) => row[0])).toEqual([ROOT, "Hecho", "Tarde"]);
    const byName = new Map(rows.map((row) => [row[0], row]));
    // The total row counts both sub-departments (and the HR person, who has no assignment).
    expect(byName.get(ROOT)?.[rate]).toBe("50");
    expect(byName.get("Hecho")?.[rate]).toBe("100");
    expect(byName.get("Tarde")?.[rate]).toBe("0");
    const audit = await db().auditLog.findFirstOrThrow({
      where: { actorRef: await pseudonymFor(hr.id), action: "hr.export.finished" },
      select: { details: true },
    });
    expect(JSON.parse(audit.details)).toMatchObject({ list: "departments", rows: 3 });
  });

  it("keeps the dashboard's filters, and refuses a foreign one", async () => {
    const { bytes } = await download(`/hr/export/courses.xlsx?department=${tables.id}&mandatory=1`, hr);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const titles = sheet.getColumn(1).values.filter((value) => typeof value === "string");
    expect(titles[0]).toBe("Curso");
    expect(titles.length).toBeGreaterThan(1);
    expect((await download("/hr/export/departments.csv?department=not-a-department", hr)).response.status).toBe(400);
    expect((await download("/hr/export/departments.csv?from=2026-02-30", hr)).response.status).toBe(400);
  });
});

describe("the network view as a file", () => {
  it("lists every city, anonymised, with no person's name, for network admins only", async () => {
    const { response, bytes } = await download("/network/export/cities.csv", network);
    expect(response.status).toBe(200);
    const text = bytes.toString("utf8");
    expect(text).not.toContain("Nuria Tablas Hecho");
    const [header, ...rows] = csv(bytes);
    expect(header?.[0]).toBe("City");
    expect(rows).toHaveLength(await db().city.count());
    // A city with no learners at all shows its small figures as "< 5".
    const quito = rows.find((row) => row[0] === "Quito");
    expect(quito?.[1]).toBe("< 5");
    expect((await download("/network/export/cities.csv", hr)).response.status).toBe(403);
    expect((await download("/network/export/people.csv", network)).response.status).toBe(404);
  });
});
