/**
 * The city admin's audit log: entries of their city only, newest first, actors resolved through
 * the pseudonym mapping (an erased person's entries stay, shown as erased), filters by actor,
 * action and the city's calendar days, keyset pages that visit every entry once, the CSV export
 * (itself audited), and no deletion cascade that removes audit rows.
 */
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audit, pseudonymFor } from "~/audit/audit.server.ts";
import { encodeCursor } from "~/audit/audit-filters.ts";
import { auditPage } from "~/audit/audit-log.server.ts";
import { createCity } from "~/cities/network-cities.server.ts";
import { db } from "~/db.server.ts";
import { mainContent, parseHtml, visibleText } from "../support/html.ts";
import { createUser, sessionCookie, type TestUser } from "../support/factories.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

let server: TestServer;
let admin: TestUser;
let adminCookie: string;
let ana: TestUser;
let erased: TestUser;
let madridId: string;
const ZONE = "Europe/Madrid";

async function entry(at: string, actorId: string | null, action: string, extra: { cityId?: string; subjectId?: string } = {}) {
  await db().auditLog.create({
    data: {
      cityId: extra.cityId ?? madridId,
      actorRef: actorId ? await pseudonymFor(actorId) : null,
      subjectRef: extra.subjectId ? await pseudonymFor(extra.subjectId) : null,
      action,
      targetType: "Certificate",
      targetId: `MAD-${action.length}`,
      details: JSON.stringify({ reason: "prueba" }),
      createdAt: new Date(at),
    },
  });
}

/** The page's status, its main text, and the text of the entries' table alone. */
async function page(query: string) {
  const response = await server.request(`/admin/audit${query}`, { cookie: adminCookie });
  const html = await response.text();
  const body = /<tbody>[\s\S]*<\/tbody>/.exec(html)?.[0] ?? "";
  return { status: response.status, text: visibleText(mainContent(parseHtml(html))), rows: visibleText(parseHtml(body)) };
}

beforeAll(async () => {
  server = await startTestServer();
  admin = await createUser({ roles: ["CITY_ADMIN"], name: "Admin Auditora" });
  adminCookie = await sessionCookie(admin.id);
  madridId = admin.cityId;
  ana = await createUser({ name: "Ana Núñez Auditada", email: "ana.nunez.audit@madrid.example" });
  erased = await createUser({ name: "Persona Borrada Auditoría", email: "borrada.audit@madrid.example" });
  const other = await createUser({ city: "sao-paulo", roles: ["CITY_ADMIN"], name: "Outra Cidade Auditora" });
  // 23:30 Madrid on 10 November (22:30 UTC) and 00:30 Madrid on 11 November (23:30 UTC the 10th).
  await entry("2026-11-10T22:30:00Z", ana.id, "certificate.revoke", { subjectId: erased.id });
  await entry("2026-11-10T23:30:00Z", admin.id, "invitation.create");
  await entry("2026-11-12T09:00:00Z", erased.id, "assignment.create", { subjectId: ana.id });
  await entry("2026-11-12T09:30:00Z", other.id, "certificate.revoke", { cityId: other.cityId });
  await entry("2026-11-13T09:30:00Z", null, "hr.export.finished");
  // Erasure deletes the mapping; the entries stay as they are.
  await db().pseudonym.delete({ where: { userId: erased.id } });
});

afterAll(async () => {
  await server.close();
});

describe("the audit log page", () => {
  it("lists the city's entries newest first, with names, the system and erased people", async () => {
    const { status, rows: text } = await page("");
    expect(status).toBe(200);
    // The system's export; the erased person's assignment about Ana; the admin's invitation; Ana's revocation.
    const order = ["el sistema", "persona suprimida", "Ana Núñez Auditada", "Admin Auditora", "Certificado revocado"].map(
      (name) => text.indexOf(name),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(text.lastIndexOf("Ana Núñez Auditada")).toBeGreaterThan(text.indexOf("Admin Auditora"));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain("Certificado revocado");
    expect(text).toContain("reason: prueba");
    // Another city's entries are not shown, nor an erased person's name.
    expect(text).not.toContain("Outra Cidade Auditora");
    expect(text).not.toContain("Persona Borrada");
  });

  it("filters by a person (accent-insensitive), by pseudonym and by action", async () => {
    const byName = await page("?actor=nunez");
    expect(byName.rows).toContain("Ana Núñez Auditada");
    expect(byName.rows).not.toContain("Admin Auditora");
    const ref = await pseudonymFor(admin.id);
    const byRef = await page(`?actor=${ref}`);
    expect(byRef.rows).toContain("Invitación creada");
    expect(byRef.rows).not.toContain("Certificado revocado");
    const byAction = await page("?action=assignment.create");
    expect(byAction.rows).toContain("Asignación creada");
    expect(byAction.rows).not.toContain("Invitación creada");
    const nobody = await page("?actor=zzzz");
    expect(nobody.text).toContain("Ninguna persona coincide con «zzzz»");
  });

  it("reads the date range as the city's calendar days", async () => {
    const tenth = await auditPage({ kind: "city", cityId: madridId, timeZone: ZONE }, { from: "2026-11-10", to: "2026-11-10" });
    expect(tenth.rows.map((row) => row.action)).toEqual(["certificate.revoke"]);
    const eleventh = await auditPage(
      { kind: "city", cityId: madridId, timeZone: ZONE },
      { from: "2026-11-11", to: "2026-11-11" },
    );
    expect(eleventh.rows.map((row) => row.action)).toEqual(["invitation.create"]);
  });

  it("refuses bad filters with a message and lists nothing", async () => {
    const bad = await page("?action=drop.tables&from=2026-13-01");
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("Esa acción no existe en el registro.");
    expect(bad.text).toContain("Escribe una fecha real con el formato AAAA-MM-DD.");
    expect(bad.text).not.toContain("Ana Núñez Auditada");
    expect((await page("?after=nope")).text).toContain("El enlace de página no es válido");
  });
});

describe("keyset pages", () => {
  it("visit every entry once, newest first, ties broken by id", async () => {
    const crowd = await createUser({ name: "Multitud Auditoría" });
    const at = new Date("2026-10-01T08:00:00Z").getTime();
    // 125 entries, some sharing the same instant.
    for (let index = 0; index < 125; index += 1)
      await entry(new Date(at + Math.floor(index / 3) * 1000).toISOString(), crowd.id, "assignment.withdraw");
    const scope = { kind: "city", cityId: madridId, timeZone: ZONE } as const;
    const seen: string[] = [];
    let after: { createdAt: Date; id: string } | undefined;
    let pages = 0;
    for (;;) {
      const result = await auditPage(scope, { action: "assignment.withdraw", ...(after ? { after } : {}) }, 20);
      seen.push(...result.rows.map((row) => `${row.createdAt.getTime()}.${row.id}`));
      pages += 1;
      if (!result.next) break;
      after = result.next;
    }
    expect(pages).toBe(7);
    expect(new Set(seen).size).toBe(125);
    const sorted = [...seen].sort((a, b) => {
      const [ta, ia] = a.split(".");
      const [tb, ib] = b.split(".");
      return Number(tb) - Number(ta) || (ib! < ia! ? -1 : ib! > ia! ? 1 : 0);
    });
    expect(seen).toEqual(sorted);
    // The page links carry the cursor and keep the filters.
    const first = await page("?action=assignment.withdraw");
    expect(first.text).toContain("Entradas anteriores");
    const html = await (await server.request("/admin/audit?action=assignment.withdraw", { cookie: adminCookie })).text();
    const next = /href="([^"]*after=[^"]*)"/.exec(html)![1]!.replaceAll("&amp;", "&");
    expect(next).toContain("action=assignment.withdraw");
    const second = await server.request(next.startsWith("/") ? next : `/admin/audit${next}`, { cookie: adminCookie });
    expect(second.status).toBe(200);
    expect(encodeCursor({ createdAt: new Date(0), id: "x" })).toBe("0.x");
  });
});

describe("the export", () => {
  it("writes the filtered list as CSV in the admin's language, and is itself audited", async () => {
    const response = await server.request("/admin/audit/export/audit.csv?action=certificate.revoke", { cookie: adminCookie });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const rows = parse((await response.text()).replace(/^\uFEFF/, ""), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      Quién: "Ana Núñez Auditada",
      Acción: "Certificado revocado",
      "Sobre quién": "persona suprimida",
      Detalles: "reason: prueba",
    });
    const logged = await db().auditLog.findMany({
      where: {
        cityId: madridId,
        action: { in: ["hr.export.started", "hr.export.finished"] },
        actorRef: await pseudonymFor(admin.id),
      },
    });
    expect(logged.map((row) => row.action).sort()).toEqual(["hr.export.finished", "hr.export.started"]);
    expect(JSON.parse(logged.find((row) => row.action === "hr.export.started")!.details)).toMatchObject({
      list: "audit",
      filters: { action: "certificate.revoke" },
    });
    expect((await server.request("/admin/audit/export/audit.csv?from=nope", { cookie: adminCookie })).status).toBe(400);
    expect((await server.request("/admin/audit/export/people.csv", { cookie: adminCookie })).status).toBe(404);
  });
});

describe("deletions keep the audit rows", () => {
  it("deleting a person or a whole city leaves every audit row in place", async () => {
    const created = await createCity(admin.id, {
      name: "Ciudad Borrable",
      slug: "borrable",
      defaultLocale: "es",
      timeZone: "Europe/Madrid",
      certificatePrefix: "BRR",
      emailDomains: ["borrable.example"],
      primaryColor: "#1d4ed8",
      accentColor: "#f59e0b",
      adminName: "Admin Borrable",
      adminEmail: "admin@borrable.example",
    });
    expect(created.ok).toBe(true);
    const city = await db().city.findUniqueOrThrow({ where: { slug: "borrable" }, select: { id: true } });
    const person = await db().user.findUniqueOrThrow({ where: { email: "admin@borrable.example" }, select: { id: true } });
    await audit({ cityId: city.id, actorId: person.id, action: "invitation.create" });
    const before = await db().auditLog.count();
    const ofCity = await db().auditLog.findMany({ where: { cityId: city.id }, select: { id: true } });
    expect(ofCity.length).toBe(3);
    await db().user.delete({ where: { id: person.id } });
    expect(await db().auditLog.count()).toBe(before);
    await db().city.delete({ where: { id: city.id } });
    expect(await db().auditLog.count()).toBe(before);
    const kept = await db().auditLog.findMany({ where: { id: { in: ofCity.map((row) => row.id) } } });
    expect(kept).toHaveLength(3);
    expect(kept.every((row) => row.cityId === null)).toBe(true);
  });
});
