import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./database-availability.ts";
import { migratesOnStart } from "./start-rule.ts";
import { unavailableAnswer } from "./unavailable-page.ts";

describe("migrations on start", () => {
  it("always for the embedded SQLite default; on PostgreSQL only when told to", () => {
    expect(migratesOnStart({})).toBe(true);
    expect(migratesOnStart({ DATABASE_URL: "file:./data/aula.db" })).toBe(true);
    expect(migratesOnStart({ DATABASE_URL: "postgresql://db/aula" })).toBe(false);
    expect(migratesOnStart({ DATABASE_URL: "postgres://db/aula", MIGRATE_ON_START: "false" })).toBe(false);
    expect(migratesOnStart({ DATABASE_URL: "postgresql://db/aula", MIGRATE_ON_START: "true" })).toBe(true);
    expect(migratesOnStart({ DATABASE_URL: "postgresql://db/aula", MIGRATE_ON_START: " YES " })).toBe(true);
  });
});

describe("a database that cannot answer", () => {
  it("is told from the errors Prisma and its drivers throw when it is unreachable, gone or locked", () => {
    const prisma = (code: string, cause: object) =>
      Object.assign(new Error("x"), { code, meta: { driverAdapterError: { cause } } });
    expect(isDatabaseUnavailable(prisma("P1001", { kind: "DatabaseNotReachable" }))).toBe(true);
    expect(isDatabaseUnavailable(prisma("P1008", { kind: "SocketTimeout", originalCode: "SQLITE_BUSY" }))).toBe(true);
    expect(isDatabaseUnavailable(prisma("P2010", { kind: "ConnectionClosed" }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("terminating"), { code: "57P01" }))).toBe(true);
    expect(isDatabaseUnavailable(new Error("outer", { cause: Object.assign(new Error("x"), { code: "ECONNREFUSED" }) }))).toBe(
      true,
    );
  });

  it("is not every error: a broken rule, a missing row or a bug stays a 500 (or what the route answers)", () => {
    expect(isDatabaseUnavailable(Object.assign(new Error("unique"), { code: "P2002", meta: { target: ["email"] } }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("not found"), { code: "P2025" }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("undefined is not a function"))).toBe(false);
    expect(isDatabaseUnavailable(new Response(null, { status: 404 }))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});

describe("the page while the database cannot answer", () => {
  it("speaks the switcher's language, else the browser's, else Spanish", () => {
    expect(unavailableAnswer({ cookie: "aula_lang=en", acceptLanguage: "pt-BR" }, { document: true }).body).toContain(
      '<html lang="en">',
    );
    const portuguese = unavailableAnswer({ acceptLanguage: "pt-BR,pt;q=0.9" }, { document: true });
    expect(portuguese.contentType).toBe("text/html; charset=utf-8");
    expect(portuguese.body).toContain('<html lang="pt-BR">');
    expect(portuguese.body).toContain("<h1>Serviço indisponível no momento</h1>");
    expect(unavailableAnswer({}, { document: true }).body).toContain('<html lang="es">');
    const data = unavailableAnswer({ acceptLanguage: "en" }, { document: false });
    expect(data.contentType).toBe("text/plain; charset=utf-8");
    expect(data.body).toBe(
      "Aula IA cannot reach its data right now. Nothing you sent was saved: please try again in a few minutes.\n",
    );
  });
});
