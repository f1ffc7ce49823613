/** The staff import against a real database: dry run, apply, idempotency, all or nothing, bad files. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CurrentUser } from "~/auth/guards.server.ts";
import { ensureDepartmentChain } from "~/cities/departments.server.ts";
import { db } from "~/db.server.ts";
import { backgroundWorkDone } from "~/http/after-response.server.ts";
import { applyImport, dryRunImport } from "~/people/staff-import.server.ts";
import { createUser, sessionCookie } from "../support/factories.ts";
import { currentUserFor } from "../support/learning.ts";
import { rowCounts } from "../support/row-counts.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

const header = "nombre,correo,departamento,roles,idioma,número de empleado,estado";
const csv = (...lines: string[]) => new TextEncoder().encode([header, ...lines].join("\n") + "\n");
const tag = `t${Date.now().toString(36)}`;
const address = (local: string) => `${local}.${tag}@madrid.es`;

let admin: CurrentUser;
let otherAdmin: CurrentUser;
let server: TestServer;
let cookie: string;

beforeAll(async () => {
  admin = await currentUserFor({ roles: ["CITY_ADMIN", "TRAINER"] });
  otherAdmin = await currentUserFor({ city: "sao-paulo", roles: ["CITY_ADMIN", "TRAINER"] });
  const city = await db().city.findUniqueOrThrow({ where: { slug: "madrid" }, select: { id: true } });
  await db().$transaction(async (tx) => {
    await ensureDepartmentChain(tx, city.id, ["Importación", "Equipo A"]);
    await ensureDepartmentChain(tx, city.id, ["Importación", "Equipo B"]);
  });
  server = await startTestServer();
  cookie = await sessionCookie(admin.id);
});

afterAll(async () => {
  await server.close();
});

function mailTo(email: string): Array<{ subject: string; text: string }> {
  const dir = process.env.OUTBOX_DIR!;
  return readdirSync(dir)
    .map((name) => JSON.parse(readFileSync(path.join(dir, name), "utf8")) as { to: string; subject: string; text: string })
    .filter((mail) => mail.to === email);
}

async function dryRun(bytes: Uint8Array, who = admin) {
  const outcome = await dryRunImport(who, bytes);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.problem));
  return outcome;
}

describe("a dry run and its apply", () => {
  const file = csv(
    `Lucía Nueva,${address("lucia")},Importación > Equipo A,TRAINER,pt,IMP-1,activo`,
    `Mario Nuevo,${address("mario")},Importación,,,IMP-2,`,
  );

  it("shows the plan and writes nothing but the stored file", async () => {
    const before = await rowCounts(["StoredFile"]);
    const outcome = await dryRun(file);
    expect(outcome.plan.create.map((row) => row.values.email)).toEqual([address("lucia"), address("mario")]);
    expect(outcome.plan.refused).toEqual([]);
    expect(await rowCounts(["StoredFile"])).toEqual(before);
  });

  it("creates the people with department, roles, language and employee id, audits counts without names, mails a link", async () => {
    const { hash, digest } = await dryRun(file);
    const result = await applyImport(admin, hash, digest);
    expect(result).toMatchObject({ outcome: "applied", counts: { created: 2, updated: 0, deactivated: 0, unchanged: 0 } });
    const lucia = await db().user.findUniqueOrThrow({
      where: { email: address("lucia") },
      select: {
        locale: true,
        employeeId: true,
        emailConfirmedAt: true,
        department: { select: { name: true } },
        roleGrants: true,
      },
    });
    expect(lucia).toMatchObject({ locale: "pt", employeeId: "IMP-1", emailConfirmedAt: null, department: { name: "Equipo A" } });
    expect(lucia.roleGrants.map((grant) => grant.role)).toEqual(["TRAINER"]);
    const mario = await db().user.findUniqueOrThrow({ where: { email: address("mario") }, select: { locale: true } });
    expect(mario.locale).toBe("es");
    const entry = await db().auditLog.findFirstOrThrow({ where: { action: "staff.import" }, orderBy: { createdAt: "desc" } });
    expect(JSON.parse(entry.details)).toEqual({ created: 2, updated: 0, deactivated: 0, unchanged: 0 });
    expect(entry.details).not.toContain(tag);
    await backgroundWorkDone();
    expect(mailTo(address("lucia"))).toHaveLength(1);
    expect(mailTo(address("lucia"))[0]!.text).toContain("/confirm-email/");
    // The stored file, with its names and addresses, is gone once applied.
    expect(await db().storedFile.count({ where: { hash } })).toBe(0);
  });

  it("applied again, the same file changes nothing", async () => {
    const before = await rowCounts(["StoredFile"]);
    const again = await dryRun(file);
    expect(again.plan).toMatchObject({ create: [], update: [], deactivate: [], refused: [] });
    expect(again.plan.unchanged).toHaveLength(2);
    const result = await applyImport(admin, again.hash, again.digest);
    expect(result).toMatchObject({ outcome: "applied", counts: { created: 0, updated: 0, deactivated: 0, unchanged: 2 } });
    expect(await rowCounts(["StoredFile"])).toEqual(before);
  });

  it("matches on the employee id to change an address and move a department, and deactivates a leaver, ending their sessions", async () => {
    const mario = await db().user.findUniqueOrThrow({ where: { email: address("mario") }, select: { id: true } });
    await sessionCookie(mario.id);
    const { hash, digest, plan } = await dryRun(
      csv(
        `Lucía Nueva,${address("lucia.b")},Importación > Equipo B,TRAINER,pt,IMP-1,activo`,
        `Mario Nuevo,${address("mario")},Importación,,,IMP-2,baja`,
      ),
    );
    expect(plan.update).toMatchObject([{ row: 2, fields: ["email", "department"] }]);
    expect(plan.deactivate).toMatchObject([{ row: 3, fields: ["active"] }]);
    expect(await applyImport(admin, hash, digest)).toMatchObject({ outcome: "applied", counts: { updated: 1, deactivated: 1 } });
    const lucia = await db().user.findFirstOrThrow({
      where: { employeeId: "IMP-1", cityId: admin.city.id },
      select: { email: true, searchText: true, department: { select: { name: true } } },
    });
    expect(lucia).toMatchObject({ email: address("lucia.b"), department: { name: "Equipo B" } });
    expect(lucia.searchText).toContain(address("lucia.b"));
    expect(await db().user.findUniqueOrThrow({ where: { id: mario.id }, select: { active: true } })).toEqual({ active: false });
    expect(await db().session.count({ where: { userId: mario.id } })).toBe(0);
  });
});

describe("all or nothing", () => {
  it("writes nothing when row 19 999 of a 20 000-row file is bad", async () => {
    const lines = Array.from({ length: 20_000 }, (_, index) =>
      index + 2 === 19_999
        ? `Fila Mala,${address("mala")},Importación > No Existe,,,,`
        : `Persona Masiva,${address(`p${index}`)},Importación > Equipo A,,,BIG-${index},`,
    );
    const before = await rowCounts(["StoredFile"]);
    const { hash, digest, plan } = await dryRun(csv(...lines));
    expect(plan.refused).toEqual([
      {
        row: 19_999,
        column: "department",
        reason: "staffImport.reason.department",
        params: { value: "Importación > No Existe" },
      },
    ]);
    expect(plan.create).toHaveLength(19_999);
    expect(await applyImport(admin, hash, digest)).toMatchObject({ outcome: "refused" });
    expect(await rowCounts(["StoredFile"])).toEqual(before);
  }, 120_000);

  it("refuses to apply when the city changed after the dry run", async () => {
    const person = await createUser({ email: address("cambia"), name: "Persona Cambia" });
    const { hash, digest } = await dryRun(csv(`Persona Cambiada,${address("cambia")},,,,,`));
    await db().user.update({ where: { id: person.id }, data: { name: "Otro Nombre" } });
    const before = await rowCounts(["StoredFile"]);
    expect(await applyImport(admin, hash, digest)).toEqual({ outcome: "changed" });
    expect(await rowCounts(["StoredFile"])).toEqual(before);
  });

  it("stops, saying so, when a person changes while the batches are written", async () => {
    const later = await createUser({ email: address("tarde"), name: "Persona Tarde" });
    const { hash, digest } = await dryRun(
      csv(`Persona Pronto,${address("pronto")},,,,,`, `Persona Tarde Nueva,${address("tarde")},,,,,`),
    );
    const result = await applyImport(admin, hash, digest, {
      batchRows: 1,
      onBatch: async () => {
        await db().user.updateMany({ where: { id: later.id, name: "Persona Tarde" }, data: { name: "Cambiada Mientras" } });
      },
    });
    expect(result).toMatchObject({ outcome: "partial", counts: { created: 1, updated: 0 } });
    expect(await db().user.findUniqueOrThrow({ where: { id: later.id }, select: { name: true } })).toEqual({
      name: "Cambiada Mientras",
    });
  });

  it("never applies one city's file in another: the plan is built for the applying admin's city", async () => {
    const { hash, digest } = await dryRun(csv(`Persona Ajena,${address("ajena")},Importación,,,,`));
    const result = await applyImport(otherAdmin, hash, digest);
    expect(result.outcome).toBe("refused");
    expect(await db().user.count({ where: { email: address("ajena") } })).toBe(0);
  });
});

describe("bad files through the page", () => {
  // Welcome mail of earlier imports is sent in the background: let it finish before counting rows.
  beforeEach(() => backgroundWorkDone());

  async function upload(bytes: Uint8Array, filename = "personal.csv") {
    const body = new FormData();
    body.append("intent", "dry-run");
    body.append("file", new Blob([Buffer.from(bytes)], { type: "text/csv" }), filename);
    return server.request("/admin/import", { method: "POST", body, cookie, headers: { Origin: server.origin } });
  }

  it("says a Latin-1 file is not UTF-8, and writes nothing", async () => {
    const before = await rowCounts();
    const latin1 = Buffer.from(`${header}\nJos\xe9 Pe\xf1a,jose@madrid.es,,,,,\n`, "latin1");
    const response = await upload(new Uint8Array(latin1));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("UTF-8");
    expect(await rowCounts()).toEqual(before);
  });

  const cases: Array<[string, Uint8Array, number, string]> = [
    ["a missing header", new TextEncoder().encode(`Ana Pérez,${address("x")},,,es\n`), 400, "Falta la línea de encabezado"],
    [
      "duplicate emails",
      csv(`Ana Pérez,${address("d")},,,,,`, `Ana Otra,${address("d")},,,,,`),
      200,
      "Este correo ya aparece en la fila 2",
    ],
    [
      "an email outside the city's domains",
      csv("Ana Pérez,ana@gmail.com,,,,,"),
      200,
      "no es de un dominio de correo de la ciudad",
    ],
    ["an unknown department", csv(`Ana Pérez,${address("dep")},Nada > Nunca,,,,`), 200, "No existe el área «Nada &gt; Nunca»"],
    ["an unknown role", csv(`Ana Pérez,${address("rol")},,JEFA,,,`), 200, "«JEFA» no es una función"],
  ];
  it.each(cases)("refuses %s with its message, writing nothing", async (_what, bytes, status, message) => {
    const before = await rowCounts(["StoredFile"]);
    const response = await upload(bytes);
    expect(response.status).toBe(status);
    const html = await response.text();
    expect(html).toContain(message);
    // A refused row leaves no apply button.
    expect(html).not.toContain('value="apply"');
    expect(await rowCounts(["StoredFile"])).toEqual(before);
  });

  it("refuses a file over the size limit", async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 10).fill(0x41);
    const response = await upload(big);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("más grande de lo permitido");
  });

  it("applies through the page only with the stored file's hash", async () => {
    const forged = await server.request("/admin/import", {
      cookie,
      form: { intent: "apply", hash: "a".repeat(64), digest: "b".repeat(64) },
    });
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain("ya no está disponible");
    const dry = await upload(csv(`Paula Página,${address("paula")},Importación,,,,`));
    const html = await dry.text();
    const hash = /name="hash" value="([0-9a-f]{64})"/.exec(html)?.[1];
    const digest = /name="digest" value="([0-9a-f]{64})"/.exec(html)?.[1];
    expect(hash && digest).toBeTruthy();
    const applied = await server.request("/admin/import", { cookie, form: { intent: "apply", hash: hash!, digest: digest! } });
    expect(applied.status).toBe(200);
    expect(await applied.text()).toContain("Importación aplicada");
    expect(await db().user.count({ where: { email: address("paula") } })).toBe(1);
  });

  it("lists every refused row of a stored file as CSV, beyond the thousand the page shows", async () => {
    const lines = Array.from({ length: 1_005 }, (_, index) => `Fila Mala,sin-arroba-${index},,,,,`);
    const { hash, plan } = await dryRun(csv(...lines));
    expect(plan.refused).toHaveLength(1_005);
    const response = await server.request(`/admin/import/refused.csv?file=${hash}`, { cookie });
    expect(response.status).toBe(200);
    const rows = (await response.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    expect(rows[0]).toBe("Fila,Columna,Error");
    expect(rows).toHaveLength(1_006);
    expect(rows[1_005]).toBe("1006,Correo,«sin-arroba-1004» no es una dirección de correo válida.");
    // A hash that names no stored file is a 404, like any unknown page.
    expect((await server.request(`/admin/import/refused.csv?file=${"0".repeat(64)}`, { cookie })).status).toBe(404);
  });

  it("offers a sample file in the admin's language on the city's departments", async () => {
    const response = await server.request("/admin/import/sample.csv", { cookie });
    expect(response.headers.get("content-type")).toContain("text/csv");
    const text = await response.text();
    expect(text).toContain("nombre;correo;departamento");
    expect(text).toContain("@madrid.es");
  });
});
