/**
 * The HR people, overdue and expiring lists and a learner's page, on a hand-built department
 * ("Pruebas de Personas" with "Norte" and "Sur") seen by HR limited to it: search ignores case
 * and accents, every status filter lists exactly the people worked out here, days are counted on
 * the city's calendar, and bad filters are refused with a message.
 */
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updateProfile } from "~/auth/accounts.server.ts";
import { db } from "~/db.server.ts";
import { backfillSearchText } from "~/people/search-text.server.ts";
import { personSearchText } from "~/people/search-text.ts";
import { createUser, sessionCookie, type TestUser } from "../support/factories.ts";
import { decodeEntities } from "../support/html.ts";
import { dayEnd, recordAssignment } from "../support/hr-records.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

const ROOT = "Pruebas de Personas";
let server: TestServer;
let hr: TestUser;
const people: Record<string, TestUser> = {};

const place = (name: string, department: string[], email?: string) =>
  createUser({ name, department, email }).then((user) => (people[name] = user));

beforeAll(async () => {
  server = await startTestServer();
  hr = await createUser({ roles: ["HR"], hrDepartment: [ROOT], locale: "es" });
  await place("Ana García", [ROOT, "Norte"], "ana.garcia.pruebas@madrid.example");
  await place("João Núñez", [ROOT, "Sur"]);
  await place("Zoë Müller", [ROOT, "Norte"]);
  await place("Óscar Pérez", [ROOT, "Sur"]);
  await place("Eva Retirada", [ROOT, "Norte"]);
  await place("Inés Inactiva", [ROOT, "Sur"]);
  await place("Raúl Raíz", [ROOT]);
  await db().user.update({ where: { id: people["Inés Inactiva"]!.id }, data: { active: false } });

  const course = "ai-fundamentals";
  await recordAssignment({ userId: people["Ana García"]!.id, courseKey: course, dueAt: dayEnd(10) });
  await recordAssignment({ userId: people["João Núñez"]!.id, courseKey: course, dueAt: dayEnd(10), enrolment: { lessons: 1 } });
  await recordAssignment({
    userId: people["Zoë Müller"]!.id,
    courseKey: course,
    dueAt: dayEnd(-5),
    enrolment: {
      lessons: 2,
      attempts: [
        { score: 40, passed: false },
        { score: 90, passed: true },
      ],
      completedAt: new Date(Date.now() - 6 * 86_400_000),
      certificate: { expiresAt: dayEnd(20) },
    },
  });
  await recordAssignment({ userId: people["Óscar Pérez"]!.id, courseKey: course, dueAt: dayEnd(-3) });
  await recordAssignment({
    userId: people["Óscar Pérez"]!.id,
    courseKey: "personal-data-and-privacy",
    dueAt: dayEnd(30),
    enrolment: { attempts: [{ score: 20, passed: false }] },
  });
  await recordAssignment({ userId: people["Eva Retirada"]!.id, courseKey: course, dueAt: dayEnd(-3), withdrawn: true });
  await recordAssignment({ userId: people["Inés Inactiva"]!.id, courseKey: course, dueAt: dayEnd(-3) });
});

afterAll(async () => {
  await server.close();
});

async function page(path: string, user: TestUser = hr): Promise<{ status: number; html: string }> {
  const response = await server.request(path, { cookie: await sessionCookie(user.id) });
  return { status: response.status, html: decodeEntities(await response.text()) };
}

/** The people a list page shows: the row headers' links to a learner's page. */
function listed(html: string): string[] {
  return [...html.matchAll(/<th scope="row"[^>]*><a [^>]*href="\/hr\/people\/[^"]+"[^>]*>([^<]*)<\/a>/g)]
    .map((m) => m[1]!)
    .sort();
}

const everyone = ["Ana García", "Eva Retirada", "João Núñez", "Raúl Raíz", "Zoë Müller", "Óscar Pérez"].sort();

describe("the HR people list", () => {
  it("lists the active people of the scope, and not the deactivated one", async () => {
    const { status, html } = await page("/hr/people");
    expect(status).toBe(200);
    expect(listed(html)).toEqual(everyone);
    expect(html).toContain("6 personas");
  });

  it.each([
    ["garcia", ["Ana García"]],
    ["GARCÍA", ["Ana García"]],
    ["JOAO", ["João Núñez"]],
    ["nunez", ["João Núñez"]],
    ["zoe muller", ["Zoë Müller"]],
    ["oscar", ["Óscar Pérez"]],
    ["ana.garcia.pruebas@madrid", ["Ana García"]],
    ["100%_", []],
  ])("search %j finds %j", async (query, expected) => {
    const { status, html } = await page(`/hr/people?q=${encodeURIComponent(query)}`);
    expect(status).toBe(200);
    expect(listed(html)).toEqual([...expected].sort());
  });

  it.each([
    ["not-started", ["Ana García"]],
    ["in-progress", ["João Núñez", "Óscar Pérez"]],
    ["completed", ["Zoë Müller"]],
    ["overdue", ["Óscar Pérez"]],
    ["expiring", ["Zoë Müller"]],
  ])("status %s lists exactly %j", async (status, expected) => {
    const result = await page(`/hr/people?status=${status}`);
    expect(result.status).toBe(200);
    expect(listed(result.html)).toEqual([...expected].sort());
  });

  it("narrows by a sub-department and by course", async () => {
    const norte = await db().department.findFirstOrThrow({
      where: { name: "Norte", parent: { name: ROOT } },
      select: { id: true },
    });
    expect(listed((await page(`/hr/people?department=${norte.id}`)).html)).toEqual(["Ana García", "Eva Retirada", "Zoë Müller"]);
    expect(listed((await page("/hr/people?course=personal-data-and-privacy")).html)).toEqual(["Óscar Pérez"]);
    expect(listed((await page("/hr/people?course=personal-data-and-privacy&status=overdue")).html)).toEqual([]);
  });

  it("shows each person's counts by state", async () => {
    const { html } = await page("/hr/people?q=oscar");
    const row = /<tr[^>]*>(?:(?!<\/tr>).)*Óscar Pérez(?:(?!<\/tr>).)*<\/tr>/s.exec(html)![0];
    const cells = [...row.matchAll(/<td class="p-2 text-right tabular-nums">(\d+)<\/td>/g)].map((m) => Number(m[1]));
    // not started, in progress, completed, overdue, expiring
    expect(cells).toEqual([0, 1, 0, 1, 0]);
  });

  it.each([
    ["status=lost", "Ese estado no existe"],
    ["department=not-a-real-id", "Ese departamento no existe o no está en tu ámbito."],
    ["course=no-such-course", "Ese curso no existe"],
    ["page=0", "El número de página no es válido."],
    ["q=a&q=b", "más de una vez"],
  ])("refuses %s with a message and lists no one", async (query, message) => {
    const { status, html } = await page(`/hr/people?${query}`);
    expect(status).toBe(400);
    expect(html).toContain(message);
    expect(listed(html)).toEqual([]);
  });

  it("refuses a department outside the HR person's subtree like an unknown one", async () => {
    const outside = await db().department.findFirstOrThrow({
      where: { city: { slug: "madrid" }, parentId: null, name: { not: ROOT } },
      select: { id: true },
    });
    const { status, html } = await page(`/hr/people?department=${outside.id}`);
    expect(status).toBe(400);
    expect(html).toContain("Ese departamento no existe o no está en tu ámbito.");
  });

  it("pages through fifty people at a time, keeping the filters in the links", async () => {
    const crowd = await db().$transaction((tx) =>
      tx.department.findFirstOrThrow({ where: { name: "Sur", parent: { name: ROOT } }, select: { id: true, cityId: true } }),
    );
    await db().user.createMany({
      data: Array.from({ length: 55 }, (_, index) => {
        const name = `Multitud ${String.fromCharCode(97 + Math.floor(index / 26))}${String.fromCharCode(97 + (index % 26))}`;
        const email = `multitud${index}@madrid.example`;
        return {
          name,
          email,
          searchText: personSearchText({ name, email }),
          locale: "es",
          cityId: crowd.cityId,
          departmentId: crowd.id,
        };
      }),
    });
    const first = await page("/hr/people?q=multitud");
    expect(listed(first.html)).toHaveLength(50);
    expect(first.html).toContain("Filas 1 a 50 de 55");
    expect(first.html).toContain('href="/hr/people?q=multitud&page=2"');
    const second = await page("/hr/people?q=multitud&page=2");
    expect(listed(second.html)).toHaveLength(5);
    expect(second.html).toContain("Página 2 de 2");
    expect(new Set([...listed(first.html), ...listed(second.html)]).size).toBe(55);
  });
});

describe("the overdue and expiring lists", () => {
  it("lists the overdue assignment with its department and days overdue on the city's calendar", async () => {
    const { status, html } = await page("/hr/overdue");
    expect(status).toBe(200);
    expect(listed(html)).toEqual(["Óscar Pérez"]);
    expect(html).toContain(`${ROOT} › Sur`);
    expect(html).toMatch(/tabular-nums">3<\/td>/);
    expect(html).toContain("1 asignación vencida");
  });

  it("lists the expiring certificate with the days left", async () => {
    const { status, html } = await page("/hr/expiring");
    expect(status).toBe(200);
    expect(listed(html)).toEqual(["Zoë Müller"]);
    expect(html).toContain(`${ROOT} › Norte`);
    expect(html).toMatch(/tabular-nums">20<\/td>/);
  });

  it("applies the same filters and refusals", async () => {
    expect(listed((await page("/hr/overdue?q=ana")).html)).toEqual([]);
    expect(listed((await page("/hr/expiring?course=personal-data-and-privacy")).html)).toEqual([]);
    const refused = await page("/hr/overdue?course=no-such-course");
    expect(refused.status).toBe(400);
    expect(refused.html).toContain("Ese curso no existe");
  });
});

describe("a learner's page", () => {
  it("shows assignments by cycle, lessons, attempts, certificate and the accommodations link", async () => {
    const zoe = people["Zoë Müller"]!;
    await db().accommodation.create({ data: { userId: zoe.id, kind: "EXTRA_ATTEMPTS", amount: 2, reason: "Baja médica" } });
    const { status, html } = await page(`/hr/people/${zoe.id}`);
    expect(status).toBe(200);
    expect(html).toMatch(/<h1[^>]*>Zoë Müller<\/h1>/);
    expect(html).toContain("ciclo 1");
    expect(html).toContain("Completado");
    expect(html).toContain("No aprobado");
    expect(html).toContain("Aprobado");
    expect(html).toMatch(/TST-[0-9A-F]{12}/);
    expect(html).toContain("2 intentos más");
    expect(html).toContain("Baja médica");
    expect(html).toContain(`href="/hr/people/${zoe.id}/accommodations"`);
  });

  it("is 404 for a person outside the scope, of another city, or unknown", async () => {
    const outside = await createUser({ name: "Fuera Delámbito", department: ["Otra Rama de Pruebas"] });
    const abroad = await createUser({ city: "sao-paulo", name: "Longe Daqui" });
    for (const id of [outside.id, abroad.id, "no-such-person"]) {
      const { status, html } = await page(`/hr/people/${id}`);
      expect(status).toBe(404);
      expect(html).not.toContain("Fuera Delámbito");
      expect(html).not.toContain("Longe Daqui");
    }
  });
});

describe("search text", () => {
  it("is filled by the backfill for people written without it, and only for them", async () => {
    const old = await createUser({ name: "Ágata Antigua", email: "agata.antigua@madrid.example" });
    await db().user.update({ where: { id: old.id }, data: { searchText: "" } });
    const keptBefore = await db().user.findUniqueOrThrow({ where: { id: hr.id }, select: { searchText: true } });
    expect(await backfillSearchText()).toBeGreaterThanOrEqual(1);
    expect(await db().user.count({ where: { searchText: "" } })).toBe(0);
    const filled = await db().user.findUniqueOrThrow({ where: { id: old.id }, select: { searchText: true } });
    expect(filled.searchText).toBe("agata antigua agata.antigua@madrid.example");
    expect(await db().user.findUniqueOrThrow({ where: { id: hr.id }, select: { searchText: true } })).toEqual(keptBefore);
    expect(await backfillSearchText()).toBe(0);
  });

  it("follows a name changed on the profile page", async () => {
    const person = await createUser({ name: "Nombre Viejo", email: "renombrada@madrid.example" });
    await updateProfile(person.id, { name: "Begoña Nueva", locale: "es" });
    const { searchText } = await db().user.findUniqueOrThrow({ where: { id: person.id }, select: { searchText: true } });
    expect(searchText).toBe("begona nueva renombrada@madrid.example");
  });
});

describe("a person's expiring count", () => {
  it("counts only valid certificates that expire within 60 days, of the filtered course", async () => {
    const lia = await place("Lía Certificada", [ROOT, "Norte"]);
    const certified = (courseKey: string, certificate: { expiresAt: Date; revokedAt?: Date }) =>
      recordAssignment({
        userId: lia.id,
        courseKey,
        dueAt: dayEnd(40),
        enrolment: { lessons: 1, attempts: [{ score: 90, passed: true }], completedAt: new Date(), certificate },
      });
    await certified("ai-fundamentals", { expiresAt: dayEnd(10) });
    await certified("bias-rights-and-equity", { expiresAt: dayEnd(12), revokedAt: new Date() });
    await certified("generative-ai-at-work", { expiresAt: dayEnd(-2) });
    await certified("security-and-ai-threats", { expiresAt: dayEnd(90) });
    await certified("personal-data-and-privacy", { expiresAt: dayEnd(30) });
    const counts = async (query: string) => {
      const { html } = await page(`/hr/people?q=lia+certificada${query}`);
      const row = /<tr[^>]*>(?:(?!<\/tr>).)*Lía Certificada(?:(?!<\/tr>).)*<\/tr>/s.exec(html)![0];
      return [...row.matchAll(/<td class="p-2 text-right tabular-nums">(\d+)<\/td>/g)].map((m) => Number(m[1]));
    };
    // not started, in progress, completed, overdue, expiring
    expect(await counts("")).toEqual([0, 0, 5, 0, 2]);
    expect(await counts("&course=ai-fundamentals")).toEqual([0, 0, 1, 0, 1]);
    expect(await counts("&course=bias-rights-and-equity")).toEqual([0, 0, 1, 0, 0]);
    expect(await counts("&course=personal-data-and-privacy")).toEqual([0, 0, 1, 0, 1]);
    // The export counts the same way (its last column).
    const exported = await server.request("/hr/export/people.csv?q=lia+certificada", { cookie: await sessionCookie(hr.id) });
    const [, row] = parse(Buffer.from(await exported.arrayBuffer()), { bom: true }) as string[][];
    expect(row!.slice(3)).toEqual(["0", "0", "5", "0", "2"]);
  });
});
