/**
 * The database stops answering (decision 035): every request that needs it gets the 503 page in
 * the visitor's language, /healthz says so, nothing is half-written, and once the database is
 * back the app answers again by itself, the same server process, no restart.
 */
import Database from "better-sqlite3";
import { afterAll, describe, expect, inject, it } from "vitest";
import { db } from "~/db.server.ts";
import { sqlitePath } from "../../prisma/driver-adapters.ts";
import { startThrowawayPostgres, type ThrowawayPostgres } from "../../scripts/throwaway-postgres.ts";
import { createUser, TEST_PASSWORD } from "../support/factories.ts";
import { writeSchema } from "../support/postgres-servers.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

const kind = inject("databaseKind");
let server: TestServer | undefined;
let postgres: ThrowawayPostgres | undefined;

afterAll(async () => {
  await server?.close();
  await postgres?.stop();
});

const unavailableIn = {
  es: "Servicio no disponible por un momento",
  pt: "Serviço indisponível no momento",
  en: "Service unavailable for a moment",
};

async function expectUnavailablePage(response: Response, language: keyof typeof unavailableIn, htmlLang: string) {
  expect(response.status).toBe(503);
  expect(response.headers.get("cache-control")).toBe("private, no-store");
  expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
  const html = await response.text();
  expect(html).toContain(`<html lang="${htmlLang}">`);
  expect(html).toContain(`<h1>${unavailableIn[language]}</h1>`);
}

describe("the database becomes unavailable", () => {
  if (kind === "postgres")
    it("PostgreSQL stopped and started again: 503 pages in the visitor's language, /healthz 503, then recovery without a restart", async () => {
      // A server of its own: the run's shared one keeps answering the other test files.
      postgres = await startThrowawayPostgres();
      const url = await postgres.createDatabase("aula_outage");
      await writeSchema(url);
      // The built app reads DATABASE_URL once, when it is first loaded (startTestServer).
      process.env.DATABASE_URL = url;
      server = await startTestServer();
      const login = { email: "nadie@madrid.example", password: "not-the-password" };

      expect(await (await server.request("/healthz")).text()).toBe("ok\n");
      const before = await server.request("/login", { form: login, headers: { "Accept-Language": "pt-BR" } });
      expect(before.status).toBe(400);

      await postgres.pause();
      const health = await server.request("/healthz");
      expect(health.status).toBe(503);
      expect(await health.text()).toMatch(/^unavailable: /);
      expect(health.headers.get("cache-control")).toBe("private, no-store");
      // A page (the public certificate check reads the database) and a form post.
      await expectUnavailablePage(
        await server.request("/verify/AULA-0000-0000", { headers: { "Accept-Language": "pt-BR,pt;q=0.9" } }),
        "pt",
        "pt-BR",
      );
      await expectUnavailablePage(await server.request("/login", { form: login, cookie: "aula_lang=en" }), "en", "en");
      // The page's data, as the browser asks for it when it navigates with JavaScript.
      const data = await server.request("/verify/AULA-0000-0000.data", { headers: { "Accept-Language": "es" } });
      expect(data.status).toBe(503);
      expect(await data.text()).toContain("no puede acceder a sus datos");

      await postgres.resume();
      expect(await (await server.request("/healthz")).text()).toBe("ok\n");
      expect((await server.request("/verify/AULA-0000-0000")).status).toBe(404);
      expect((await server.request("/login", { form: login })).status).toBe(400);
    });

  if (kind === "sqlite")
    it("SQLite's write lock held past the busy timeout: a write gets the 503 page and writes nothing, reads go on, then all works", async () => {
      server = await startTestServer();
      const learner = await createUser();
      const sessions = () => db().session.count({ where: { userId: learner.id } });
      const signIn = (headers: Record<string, string> = {}) =>
        server!.request("/login", { form: { email: learner.email, password: TEST_PASSWORD }, headers });
      const signedIn = await signIn();
      expect(signedIn.status).toBe(302);
      const cookie = signedIn.headers.get("set-cookie")!.split(";")[0]!;
      expect(await sessions()).toBe(1);
      // The first visit of the day is recorded (retention counts from it): a write, done before the lock.
      expect((await server.request("/courses", { cookie })).status).toBe(200);

      // Another connection (as another process would) takes the write lock and keeps it.
      const holder = new Database(sqlitePath(process.env.DATABASE_URL!));
      holder.exec("BEGIN IMMEDIATE");
      try {
        // WAL: readers do not wait for the writer, so the database still answers reads (a page
        // that also writes, such as the day's first visit, waits like any write and gets the 503 page).
        expect(await (await server.request("/healthz")).text()).toBe("ok\n");
        const home = await server.request("/courses", { cookie });
        expect(home.status).toBe(200);
        expect(await home.text()).toContain(learner.name);
        // A sign-in writes (a session, the attempt counters): it waits out the busy timeout, then 503.
        await expectUnavailablePage(await signIn({ "Accept-Language": "pt-BR" }), "pt", "pt-BR");
      } finally {
        holder.exec("ROLLBACK");
        holder.close();
      }
      expect(await sessions()).toBe(1);

      const again = await signIn();
      expect(again.status).toBe(302);
      expect(await sessions()).toBe(2);
    });
});
