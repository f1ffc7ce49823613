/**
 * The HR exports: the people, overdue and expiring lists as CSV (UTF-8 with BOM) and XLSX (read
 * back with exceljs), with the page's filters, headers in the viewer's language, texts that a
 * spreadsheet would run neutralised, every row once across keyset chunks, and the audit entries
 * at the start and at the end (or aborted when the client goes away).
 */
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { pseudonymFor } from "~/audit/audit.server.ts";
import { personSearchText } from "~/people/search-text.ts";
import { sendExport } from "~/reports/export.server.ts";
import { EXPORT_CHUNK } from "~/reports/lists.server.ts";
import { createUser, sessionCookie, type TestUser } from "../support/factories.ts";
import { dayEnd, recordAssignment } from "../support/hr-records.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

const ROOT = "Pruebas de Exportación";
const CROWD = "Multitud de Exportación";
let server: TestServer;
let hr: TestUser;
let hrPt: TestUser;

beforeAll(async () => {
  server = await startTestServer();
  hr = await createUser({ roles: ["HR"], hrDepartment: [ROOT], locale: "es" });
  hrPt = await createUser({ roles: ["HR"], hrDepartment: [ROOT], locale: "pt" });
  const ana = await createUser({
    name: "Ana Muñoz Íñiguez",
    department: [ROOT, "Tesorería"],
    email: "ana.munoz.export@madrid.example",
  });
  const formula = await createUser({
    name: '=HYPERLINK("http://x","clic")',
    department: [ROOT],
    email: "formula.export@madrid.example",
  });
  await createUser({ name: "@Arroba Prueba", department: [ROOT], email: "arroba.export@madrid.example" });
  await recordAssignment({ userId: ana.id, courseKey: "ai-fundamentals", dueAt: dayEnd(-4) });
  await recordAssignment({
    userId: formula.id,
    courseKey: "ai-fundamentals",
    dueAt: dayEnd(-40),
    enrolment: { completedAt: new Date(Date.now() - 41 * 86_400_000), certificate: { expiresAt: dayEnd(15) } },
  });
});

afterAll(async () => {
  await server.close();
});

async function download(path: string, user: TestUser = hr) {
  const response = await server.request(path, { cookie: await sessionCookie(user.id) });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

function csvRows(bytes: Buffer): string[][] {
  return parse(bytes.toString("utf8"), { bom: true }) as string[][];
}

async function auditOf(actorId: string) {
  const rows = await db().auditLog.findMany({
    where: { actorRef: await pseudonymFor(actorId), action: { startsWith: "hr.export." } },
    orderBy: { createdAt: "asc" },
    select: { action: true, details: true },
  });
  return rows.map((row) => ({ action: row.action, details: JSON.parse(row.details) as Record<string, unknown> }));
}

const today = () => new Date().toISOString().slice(0, 4);

describe("CSV exports", () => {
  it("writes the people list as UTF-8 with BOM, Spanish headers, accents and neutralised formulas", async () => {
    const { response, bytes } = await download("/hr/export/people.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(
      new RegExp(`^attachment; filename="madrid-personas-${today()}-\\d\\d-\\d\\d\\.csv"$`),
    );
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = csvRows(bytes);
    expect(header).toEqual([
      "Nombre",
      "Correo",
      "Área",
      "Sin empezar",
      "En curso",
      "Completados",
      "Vencidos",
      "Certificados por caducar",
    ]);
    expect(rows.map((row) => row[0]).sort()).toEqual(
      ['\'=HYPERLINK("http://x","clic")', "'@Arroba Prueba", "Ana Muñoz Íñiguez"].sort(),
    );
    const ana = rows.find((row) => row[0] === "Ana Muñoz Íñiguez")!;
    expect(ana).toEqual(["Ana Muñoz Íñiguez", "ana.munoz.export@madrid.example", `${ROOT} › Tesorería`, "0", "0", "0", "1", "0"]);
  });

  it("sends a download uncompressed, so its rows reach the browser as they are written, while pages stay compressed", async () => {
    const asBrowsers = { cookie: await sessionCookie(hr.id), headers: { "accept-encoding": "gzip, deflate, br" } };
    const file = await server.request("/hr/export/people.csv", asBrowsers);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-encoding")).toBeNull();
    await file.arrayBuffer();
    const page = await server.request("/hr", asBrowsers);
    expect(page.headers.get("content-encoding")).toBe("br");
    await page.arrayBuffer();
  });

  it("keeps the filters of the page", async () => {
    const { bytes } = await download("/hr/export/people.csv?status=expiring");
    expect(
      csvRows(bytes)
        .slice(1)
        .map((row) => row[0]),
    ).toEqual(['\'=HYPERLINK("http://x","clic")']);
    const searched = await download(`/hr/export/people.csv?q=${encodeURIComponent("munoz iniguez")}`);
    expect(
      csvRows(searched.bytes)
        .slice(1)
        .map((row) => row[1]),
    ).toEqual(["ana.munoz.export@madrid.example"]);
  });

  it("writes the overdue and expiring lists with days counted on the city's calendar", async () => {
    const overdue = csvRows((await download("/hr/export/overdue.csv")).bytes);
    expect(overdue[0]).toEqual(["Área", "Nombre", "Correo", "Curso", "Fecha límite", "Días de retraso"]);
    expect(overdue.slice(1)).toHaveLength(1);
    expect(overdue[1]![1]).toBe("Ana Muñoz Íñiguez");
    expect(overdue[1]![4]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(overdue[1]![5]).toBe("4");
    const expiring = csvRows((await download("/hr/export/expiring.csv")).bytes);
    expect(expiring.slice(1)).toHaveLength(1);
    expect(expiring[1]![1]).toBe('\'=HYPERLINK("http://x","clic")');
    expect(expiring[1]![4]).toMatch(/^TST-/);
    expect(expiring[1]![6]).toBe("15");
  });

  it("audits who exported which list with which filters, and how many rows were written", async () => {
    const viewer = await createUser({ roles: ["HR"], hrDepartment: [ROOT] });
    await download("/hr/export/people.csv?status=overdue", viewer);
    await expect.poll(async () => (await auditOf(viewer.id)).length).toBe(2);
    const [started, finished] = await auditOf(viewer.id);
    expect(started).toEqual({
      action: "hr.export.started",
      details: { list: "people", format: "csv", filters: { department: null, course: null, status: "overdue", search: null } },
    });
    expect(finished).toEqual({ action: "hr.export.finished", details: { list: "people", format: "csv", rows: 1 } });
  });

  it("refuses a bad filter and an unknown file without exporting or auditing", async () => {
    const viewer = await createUser({ roles: ["HR"], hrDepartment: [ROOT] });
    expect((await download("/hr/export/people.csv?status=lost", viewer)).response.status).toBe(400);
    expect((await download("/hr/export/people.pdf", viewer)).response.status).toBe(404);
    expect((await download("/hr/export/secrets.csv", viewer)).response.status).toBe(404);
    expect(await auditOf(viewer.id)).toEqual([]);
  });

  it("writes every row exactly once across chunks, also among people of the same name", async () => {
    const department = await db().department.findFirstOrThrow({ where: { name: ROOT }, select: { id: true, cityId: true } });
    const count = EXPORT_CHUNK + 150;
    await db().user.createMany({
      data: Array.from({ length: count }, (_, index) => {
        const email = `multitud.export.${index}@madrid.example`;
        return {
          name: CROWD,
          email,
          searchText: personSearchText({ name: CROWD, email }),
          locale: "es",
          cityId: department.cityId,
          departmentId: department.id,
        };
      }),
    });
    const rows = csvRows((await download(`/hr/export/people.csv?q=${encodeURIComponent(CROWD)}`)).bytes).slice(1);
    expect(rows).toHaveLength(count);
    expect(new Set(rows.map((row) => row[1])).size).toBe(count);
  });
});

describe("XLSX exports", () => {
  it("reads back with exceljs: headers in the viewer's language, the rows, formulas kept as text", async () => {
    const { response, bytes } = await download("/hr/export/people.xlsx?q=.export%40", hrPt);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toMatch(/filename="madrid-pessoas-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer);
    const sheet = workbook.worksheets[0]!;
    const values = sheet
      .getSheetValues()
      .filter(Boolean)
      .map((row) => (Array.isArray(row) ? row.slice(1) : []));
    expect(values[0]).toEqual([
      "Nome",
      "E-mail",
      "Área",
      "Não iniciados",
      "Em andamento",
      "Concluídos",
      "Atrasados",
      "Certificados a vencer",
    ]);
    const names = values.slice(1).map((row) => row[0]);
    expect(names).toContain("Ana Muñoz Íñiguez");
    expect(names).toContain('\'=HYPERLINK("http://x","clic")');
    expect(names).toContain("'@Arroba Prueba");
    const ana = values.find((row) => row[0] === "Ana Muñoz Íñiguez")!;
    expect(ana.slice(3)).toEqual([0, 0, 0, 1, 0]);
    // No cell is a formula.
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));
  });

  it("audits an XLSX export's start and end", async () => {
    const viewer = await createUser({ roles: ["HR"], hrDepartment: [ROOT] });
    await download("/hr/export/overdue.xlsx", viewer);
    await expect
      .poll(async () => (await auditOf(viewer.id)).map((row) => row.action))
      .toEqual(["hr.export.started", "hr.export.finished"]);
    expect((await auditOf(viewer.id))[1]!.details).toEqual({ list: "overdue", format: "xlsx", rows: 1 });
  });
});

describe("an export the client abandons", () => {
  async function* endless(): AsyncGenerator<{ n: number }> {
    for (let n = 0; ; n += 1) {
      if (n % 100 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
      yield { n };
    }
  }

  it.each(["csv", "xlsx"] as const)("%s: stops reading rows and audits it as aborted", async (format) => {
    const viewer = await createUser({ roles: ["HR"], hrDepartment: [ROOT] });
    const client = new AbortController();
    const response = await sendExport({
      format,
      filename: "prueba",
      columns: [{ header: "n", value: (row: { n: number }) => row.n }],
      rows: endless(),
      audit: { cityId: viewer.cityId, actorId: viewer.id, list: "test", filters: {} },
      signal: client.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    await reader.read();
    client.abort();
    await reader.cancel().catch(() => undefined);
    await expect
      .poll(async () => (await auditOf(viewer.id)).map((row) => row.action))
      .toEqual(["hr.export.started", "hr.export.aborted"]);
  });
});
