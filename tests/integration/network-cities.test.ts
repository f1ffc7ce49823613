/**
 * The network admin's cities: a new city with its first admin's one-time link (who then sets a
 * password and signs in), every kind of bad input refused with its message and nothing written,
 * settings edited, a city deactivated (its people's sessions and logins stop; data kept) and
 * reactivated, the network's own audit view, and no city's people shown to a network admin
 * without a role in that city. Everything audited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { pseudonymFor } from "~/audit/audit.server.ts";
import { mainContent, parseHtml, visibleText } from "../support/html.ts";
import { createUser, sessionCookie, TEST_PASSWORD, type TestUser } from "../support/factories.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

let server: TestServer;
let network: TestUser;
let cookie: string;

const lima = {
  name: "Lima",
  slug: "lima",
  defaultLocale: "es",
  timeZone: "America/Lima",
  certificatePrefix: "LIM",
  emailDomains: "lima.gob.pe, munlima.gob.pe",
  primaryColor: "#1d4ed8",
  accentColor: "#f59e0b",
  adminName: "Rosa Quispe",
  adminEmail: "rosa.quispe@lima.gob.pe",
};

async function post(path: string, form: Record<string, string>, as = cookie) {
  const response = await server.request(path, { cookie: as, form });
  return { status: response.status, text: visibleText(mainContent(parseHtml(await response.text()))) };
}

async function counts() {
  const [cities, users, domains, audit, resets] = await Promise.all([
    db().city.count(),
    db().user.count(),
    db().cityEmailDomain.count(),
    db().auditLog.count(),
    db().passwordReset.count(),
  ]);
  return { cities, users, domains, audit, resets };
}

beforeAll(async () => {
  server = await startTestServer();
  network = await createUser({ roles: ["NETWORK_ADMIN"], name: "Red Administradora" });
  cookie = await sessionCookie(network.id);
});

afterAll(async () => {
  await server.close();
});

describe("creating a city", () => {
  it("creates the city with no departments and a first admin who sets a password through the link", async () => {
    const created = await post("/network/cities/new", lima);
    expect(created.status).toBe(200);
    expect(created.text).toContain("Lima está creada");
    expect(created.text).toContain("Una ciudad nueva empieza sin departamentos");
    const link = /http:\/\/localhost:3000(\/reset-password\/[\w-]+)/.exec(created.text)![1]!;
    const city = await db().city.findUniqueOrThrow({
      where: { slug: "lima" },
      include: { emailDomains: true, departments: true },
    });
    expect(city).toMatchObject({ name: "Lima", timeZone: "America/Lima", certificatePrefix: "LIM", deactivatedAt: null });
    expect(city.emailDomains.map((row) => row.domain).sort()).toEqual(["lima.gob.pe", "munlima.gob.pe"]);
    expect(city.departments).toEqual([]);
    const rosa = await db().user.findUniqueOrThrow({ where: { email: lima.adminEmail }, include: { roleGrants: true } });
    expect(rosa.cityId).toBe(city.id);
    expect(rosa.roleGrants.map((grant) => grant.role)).toEqual(["CITY_ADMIN"]);
    const entries = await db().auditLog.findMany({ where: { cityId: city.id }, orderBy: { action: "asc" } });
    expect(entries.map((row) => row.action)).toEqual(["admin.create", "network.city.create"]);
    expect(entries.every((row) => row.actorRef === entries[0]!.actorRef)).toBe(true);
    expect(entries[0]!.actorRef).toBe(await pseudonymFor(network.id));
    expect(entries.map((row) => row.details).join()).not.toContain("rosa");

    // The new admin opens the link, chooses a password, and signs in to their city's pages.
    expect((await server.request(link)).status).toBe(200);
    const set = await server.request(link, { form: { password: "una frase larga de Rosa", confirm: "una frase larga de Rosa" } });
    expect(set.status).toBe(302);
    const login = await server.request("/login", {
      form: { email: lima.adminEmail, password: "una frase larga de Rosa", redirectTo: "/" },
    });
    expect(login.status).toBe(302);
    const session = login.headers.get("set-cookie")!.split(";")[0]!;
    expect((await server.request("/admin/people", { cookie: session })).status).toBe(200);
    // The link worked once.
    expect(
      (await server.request(link, { form: { password: "otra frase larga más", confirm: "otra frase larga más" } })).status,
    ).toBe(400);
  });

  it("refuses each kind of bad input with its message, writing nothing", async () => {
    const before = await counts();
    const cases: Array<[Record<string, string>, string]> = [
      [{ slug: "madrid" }, "Ya hay una ciudad con el identificador «madrid»."],
      [{ certificatePrefix: "mad" }, "El prefijo MAD ya lo usa Madrid."],
      [{ timeZone: "America/Atlantis" }, "Esa zona horaria no existe."],
      [{ primaryColor: "azul" }, "Escribe un color con el formato #rrggbb."],
      [{ primaryColor: "#ffff00" }, "se necesita al menos 4,5:1"],
      [{ emailDomains: "asuncion.gov.py, madrid.es" }, "El dominio madrid.es ya pertenece a Madrid."],
      [{ adminEmail: network.email }, "Ese correo ya tiene una cuenta en otra ciudad."],
      [{ emailDomains: "no-es-un-dominio" }, "Algún dominio no es válido"],
    ];
    for (const [change, message] of cases) {
      const refused = await post("/network/cities/new", {
        ...lima,
        slug: "asuncion",
        certificatePrefix: "ASU",
        emailDomains: "asuncion.gov.py",
        adminEmail: "admin@asuncion.gov.py",
        ...change,
      });
      expect(refused.status, JSON.stringify(change)).toBe(400);
      expect(refused.text).toContain(message);
    }
    expect(await counts()).toEqual(before);
  });
});

describe("a city's settings", () => {
  it("change and are audited; a domain of another city is refused", async () => {
    const saved = await post("/network/cities/lima", {
      intent: "settings",
      name: "Lima Metropolitana",
      defaultLocale: "en",
      timeZone: "America/Bogota",
      certificatePrefix: "LMA",
      emailDomains: "lima.gob.pe, lima.pe",
    });
    expect(saved.status).toBe(200);
    expect(saved.text).toContain("Ajustes guardados.");
    const city = await db().city.findUniqueOrThrow({ where: { slug: "lima" }, include: { emailDomains: true } });
    expect(city).toMatchObject({
      name: "Lima Metropolitana",
      defaultLocale: "en",
      timeZone: "America/Bogota",
      certificatePrefix: "LMA",
    });
    expect(city.emailDomains.map((row) => row.domain).sort()).toEqual(["lima.gob.pe", "lima.pe"]);
    expect(await db().auditLog.count({ where: { cityId: city.id, action: "network.city.update" } })).toBe(1);

    const before = await counts();
    const refused = await post("/network/cities/lima", {
      intent: "settings",
      name: "Lima",
      defaultLocale: "es",
      timeZone: "America/Lima",
      certificatePrefix: "LIM",
      emailDomains: "lima.gob.pe, alcaldiabogota.gov.co",
    });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("El dominio alcaldiabogota.gov.co ya pertenece a Bogotá.");
    expect(await counts()).toEqual(before);
    expect((await db().city.findUniqueOrThrow({ where: { slug: "lima" } })).name).toBe("Lima Metropolitana");
    expect((await server.request("/network/cities/atlantis", { cookie })).status).toBe(404);
  });
});

describe("deactivating a city", () => {
  it("ends its people's sessions and logins at once, keeps its data, and reactivates", async () => {
    const person = await createUser({ city: "bogota", name: "Persona de Bogotá" });
    const personCookie = await sessionCookie(person.id);
    expect((await server.request("/profile", { cookie: personCookie })).status).toBe(200);
    const login = () => server.request("/login", { form: { email: person.email, password: TEST_PASSWORD, redirectTo: "/" } });

    const done = await post("/network/cities/bogota", { intent: "deactivate" });
    expect(done.text).toContain("Ciudad desactivada");
    expect((await server.request("/profile", { cookie: personCookie })).status).toBe(302);
    expect((await login()).status).toBe(400);
    expect(await db().user.count({ where: { id: person.id } })).toBe(1);
    // A second click changes nothing and writes no second entry.
    await post("/network/cities/bogota", { intent: "deactivate" });
    const bogota = await db().city.findUniqueOrThrow({ where: { slug: "bogota" }, select: { id: true } });
    expect(await db().auditLog.count({ where: { cityId: bogota.id, action: "network.city.deactivate" } })).toBe(1);
    const list = await server.request("/network/cities", { cookie });
    expect(visibleText(mainContent(parseHtml(await list.text())))).toContain("Desactivada desde");

    const back = await post("/network/cities/bogota", { intent: "reactivate" });
    expect(back.text).toContain("Ciudad reactivada");
    expect((await login()).status).toBe(302);
    expect(await db().auditLog.count({ where: { cityId: bogota.id, action: "network.city.reactivate" } })).toBe(1);
  });

  it("does not let a network admin deactivate their own city", async () => {
    const refused = await post(`/network/cities/${network.citySlug}`, { intent: "deactivate" });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain("No puedes desactivar tu propia ciudad");
    expect((await db().city.findUniqueOrThrow({ where: { slug: network.citySlug } })).deactivatedAt).toBeNull();
  });
});

describe("what a network admin sees", () => {
  it("the network's audit view shows the network's actions and no city's own", async () => {
    const hr = await createUser({ roles: ["CITY_ADMIN"], name: "Admin De Madrid Auditada" });
    await db().auditLog.create({
      data: { cityId: hr.cityId, actorRef: await pseudonymFor(hr.id), action: "certificate.revoke" },
    });
    const response = await server.request("/network/audit", { cookie });
    expect(response.status).toBe(200);
    const html = await response.text();
    const rows = visibleText(parseHtml(/<tbody>[\s\S]*<\/tbody>/.exec(html)![0]));
    expect(rows).toContain("Ciudad creada");
    expect(rows).toContain("Ciudad desactivada");
    expect(rows).toContain("Red Administradora");
    expect(rows).not.toContain("Certificado revocado");
    expect(rows).not.toContain("Admin De Madrid Auditada");
    const filtered = await server.request("/network/audit?action=network.city.update", { cookie });
    const filteredRows = visibleText(parseHtml(/<tbody>[\s\S]*<\/tbody>/.exec(await filtered.text())![0]));
    expect(filteredRows).toContain("Ajustes de la ciudad cambiados");
    expect(filteredRows).not.toContain("Ciudad creada");
  });

  it("a city's people only with a role in that city", async () => {
    const madrileña = await createUser({ name: "Vecina Madrileña Oculta", email: "vecina.oculta@madrid.example" });
    expect((await server.request("/admin/people", { cookie })).status).toBe(403);
    expect((await server.request("/admin/audit", { cookie })).status).toBe(403);
    for (const path of ["/network/cities", "/network/cities/madrid", "/network/audit"]) {
      const text = await (await server.request(path, { cookie })).text();
      expect(text).not.toContain(madrileña.name);
      expect(text).not.toContain(madrileña.email);
    }
    // With the city admin role in their own city, the same person sees that city's people (the list
    // is paged, so they search), and still no other city's.
    const both = await createUser({ roles: ["NETWORK_ADMIN", "CITY_ADMIN"] });
    const saoPaulo = await createUser({ city: "sao-paulo", name: "Paulistana Oculta" });
    const people = await (await server.request("/admin/people?q=oculta", { cookie: await sessionCookie(both.id) })).text();
    expect(people).toContain(madrileña.name);
    expect(people).not.toContain(saoPaulo.name);
  });
});
