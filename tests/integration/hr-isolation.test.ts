/**
 * HR isolation: a marker person in a sibling department of Madrid and one in São Paulo, each
 * overdue and with an expiring certificate so that every list would show them. HR limited to the
 * other branch, city-wide HR of Madrid and HR of São Paulo search for each marker's name and
 * email in every HR page and export; ids and filter values of the other branch or city give 404
 * or the filter message, never the data, never the name.
 */
import ExcelJS from "exceljs";
import { beforeAll, afterAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createUser, sessionCookie, type TestUser } from "../support/factories.ts";
import { dayEnd, recordAssignment } from "../support/hr-records.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

const ROOT = "Aislamiento";
let server: TestServer;
const hr: Record<"scoped" | "madrid" | "saoPaulo", TestUser | null> = { scoped: null, madrid: null, saoPaulo: null };
const markers: Record<"sibling" | "saoPaulo" | "inBranch", TestUser | null> = { sibling: null, saoPaulo: null, inBranch: null };

async function overdueAndExpiring(user: TestUser, timeZone: string) {
  await recordAssignment({ userId: user.id, courseKey: "ai-fundamentals", dueAt: dayEnd(-3, timeZone) });
  await recordAssignment({
    userId: user.id,
    courseKey: "personal-data-and-privacy",
    dueAt: dayEnd(-30, timeZone),
    enrolment: { completedAt: new Date(Date.now() - 31 * 86_400_000), certificate: { expiresAt: dayEnd(10, timeZone) } },
  });
}

beforeAll(async () => {
  server = await startTestServer();
  hr.scoped = await createUser({ roles: ["HR"], hrDepartment: [ROOT, "Rama Visible"] });
  hr.madrid = await createUser({ roles: ["HR"] });
  hr.saoPaulo = await createUser({ city: "sao-paulo", roles: ["HR"], locale: "pt" });
  markers.sibling = await createUser({
    name: "Hermana Marcadorísima",
    email: "hermana.marcadora@madrid.example",
    department: [ROOT, "Rama Hermana"],
  });
  markers.saoPaulo = await createUser({
    city: "sao-paulo",
    name: "Paulista Marcadoríssima",
    email: "paulista.marcadora@sao-paulo.example",
  });
  markers.inBranch = await createUser({
    name: "Visible Enlarama",
    email: "visible.enlarama@madrid.example",
    department: [ROOT, "Rama Visible", "Hoja"],
  });
  await overdueAndExpiring(markers.sibling, "Europe/Madrid");
  await overdueAndExpiring(markers.saoPaulo, "America/Sao_Paulo");
  await overdueAndExpiring(markers.inBranch, "Europe/Madrid");
});

afterAll(async () => {
  await server.close();
});

const pages = ["/hr/people", "/hr/people?status=overdue", "/hr/people?status=expiring", "/hr/overdue", "/hr/expiring"];
const exports = ["people", "overdue", "expiring"].flatMap((list) => [`/hr/export/${list}.csv`, `/hr/export/${list}.xlsx`]);

/** A response as text: an XLSX's cells read back, anything else as it came. */
async function bodyText(response: Response): Promise<string> {
  const bytes = await response.arrayBuffer();
  if (!(response.headers.get("content-type") ?? "").includes("spreadsheetml")) return new TextDecoder().decode(bytes);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  const cells: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value)))));
  return cells.join("\n");
}

async function fetchAs(viewer: TestUser, path: string): Promise<{ status: number; text: string }> {
  const response = await server.request(path, { cookie: await sessionCookie(viewer.id) });
  return { status: response.status, text: await bodyText(response) };
}

const withQuery = (path: string, query: string) => `${path}${path.includes("?") ? "&" : "?"}q=${encodeURIComponent(query)}`;

/**
 * Searches every page and export for the marker's name (the answer must not hold the email) and
 * for its email (it must not hold the name); and with no search at all (neither).
 */
async function expectHidden(viewer: TestUser, marker: TestUser) {
  for (const path of [...pages, ...exports]) {
    const plain = await fetchAs(viewer, path);
    expect(plain.status, path).toBe(200);
    expect(plain.text, path).not.toContain(marker.email);
    expect(plain.text, path).not.toContain(marker.name);
    const byName = await fetchAs(viewer, withQuery(path, marker.name));
    expect(byName.status, path).toBe(200);
    expect(byName.text, `${path} searched by name`).not.toContain(marker.email);
    const byEmail = await fetchAs(viewer, withQuery(path, marker.email));
    expect(byEmail.status, path).toBe(200);
    expect(byEmail.text, `${path} searched by email`).not.toContain(marker.name);
  }
}

/** The same searches find the marker for a viewer who may see them: the checks above can fail. */
async function expectShown(viewer: TestUser, marker: TestUser) {
  for (const path of [...pages, ...exports]) {
    // Unfiltered, a page shows fifty people; an export holds them all.
    if (path.startsWith("/hr/export/")) expect((await fetchAs(viewer, path)).text, path).toContain(marker.name);
    const byEmail = await fetchAs(viewer, withQuery(path, marker.email));
    expect(byEmail.text, path).toContain(marker.name);
  }
}

describe("HR isolation", () => {
  it("HR limited to a branch sees its branch, and neither the sibling branch nor another city", async () => {
    await expectShown(hr.scoped!, markers.inBranch!);
    await expectHidden(hr.scoped!, markers.sibling!);
    await expectHidden(hr.scoped!, markers.saoPaulo!);
  });

  it("city-wide HR of Madrid sees both Madrid markers and not São Paulo's", async () => {
    await expectShown(hr.madrid!, markers.sibling!);
    await expectShown(hr.madrid!, markers.inBranch!);
    await expectHidden(hr.madrid!, markers.saoPaulo!);
  });

  it("HR of São Paulo sees São Paulo's marker and no one of Madrid", async () => {
    await expectShown(hr.saoPaulo!, markers.saoPaulo!);
    await expectHidden(hr.saoPaulo!, markers.sibling!);
    await expectHidden(hr.saoPaulo!, markers.inBranch!);
  });

  it("a learner's page outside the scope is 404 and names no one", async () => {
    const cases: Array<[TestUser, TestUser]> = [
      [hr.scoped!, markers.sibling!],
      [hr.scoped!, markers.saoPaulo!],
      [hr.madrid!, markers.saoPaulo!],
      [hr.saoPaulo!, markers.sibling!],
    ];
    for (const [viewer, marker] of cases) {
      const { status, text } = await fetchAs(viewer, `/hr/people/${marker.id}`);
      expect(status).toBe(404);
      expect(text).not.toContain(marker.name);
      expect(text).not.toContain(marker.email);
    }
    expect((await fetchAs(hr.scoped!, `/hr/people/${markers.inBranch!.id}`)).status).toBe(200);
  });

  it("a department of the sibling branch or of another city is refused with the filter message, naming nothing", async () => {
    const sibling = await db().department.findFirstOrThrow({ where: { name: "Rama Hermana" }, select: { id: true, name: true } });
    const abroad = await db().department.findFirstOrThrow({
      where: { city: { slug: "sao-paulo" } },
      select: { id: true, name: true },
    });
    const madrid = await db().department.findFirstOrThrow({
      where: { city: { slug: "madrid" }, name: ROOT },
      select: { id: true, name: true },
    });
    const cases: Array<[TestUser, { id: string; name: string }, string]> = [
      [hr.scoped!, sibling, "Ese departamento no existe o no está en tu ámbito."],
      [hr.scoped!, madrid, "Ese departamento no existe o no está en tu ámbito."],
      [hr.madrid!, abroad, "Ese departamento no existe o no está en tu ámbito."],
      [hr.saoPaulo!, sibling, "Esse departamento não existe ou não está no seu escopo."],
    ];
    for (const [viewer, department, message] of cases) {
      for (const path of ["/hr/people", "/hr/overdue", "/hr/expiring"]) {
        const { status, text } = await fetchAs(viewer, `${path}?department=${department.id}`);
        expect(status, path).toBe(400);
        expect(text, path).toContain(message);
        expect(text, path).not.toContain(`>${department.name}<`);
        for (const marker of [markers.sibling!, markers.saoPaulo!]) expect(text, path).not.toContain(marker.email);
      }
      for (const path of exports) expect((await fetchAs(viewer, `${path}?department=${department.id}`)).status, path).toBe(400);
    }
  });
});
