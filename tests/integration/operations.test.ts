/** What an operator runs: a production seed, the first admins, HTTPS behind a proxy. */
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createApp, listen } from "../../server/app.js";
import { createUser, TEST_PASSWORD } from "../support/factories.ts";

const tsx = "node_modules/.bin/tsx";

describe("operations", () => {
  it("a production start loads the ten cities and the courses but no demo accounts", () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "aula-prod-")), "prod.db");
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `file:${file}`, NODE_ENV: "production", DEMO: "false" };
    execFileSync(tsx, ["scripts/db.ts", "deploy"], { env, stdio: "ignore" });
    execFileSync(tsx, ["prisma/seed.ts"], { env, stdio: "ignore" });
    execFileSync(tsx, ["prisma/seed.ts"], { env, stdio: "ignore" });
    const database = new Database(file, { readonly: true });
    const count = (table: string) => (database.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n;
    expect(count("City")).toBe(10);
    expect(count("User")).toBe(0);
    expect(count("CityEmailDomain")).toBeGreaterThanOrEqual(10);
    expect(
      (database.prepare(`SELECT COUNT(*) AS n FROM "CityEmailDomain" WHERE domain LIKE '%.example'`).get() as { n: number }).n,
    ).toBe(0);
    expect(count("Course")).toBeGreaterThanOrEqual(1);
    expect(count("CourseVersion")).toBe(count("Course"));
    database.close();
  }, 60_000);

  it("creates a city's first admin with a one-time link to set the password", async () => {
    const output = execFileSync(
      tsx,
      ["scripts/create-admin.ts", "--city", "quito", "--email", "Jefa.TI@quito.gob.ec", "--name", "María Chávez"],
      {
        env: process.env,
        encoding: "utf8",
      },
    );
    expect(output).toMatch(/\/reset-password\/[\w-]+/);
    const admin = await db().user.findUniqueOrThrow({
      where: { email: "jefa.ti@quito.gob.ec" },
      select: { city: { select: { slug: true } }, roleGrants: { select: { role: true } } },
    });
    expect(admin).toEqual({ city: { slug: "quito" }, roleGrants: [{ role: "CITY_ADMIN" }] });
    expect(() =>
      execFileSync(tsx, ["scripts/create-admin.ts", "--city", "atlantis", "--email", "x@y.org", "--name", "Nadie"], {
        env: process.env,
        stdio: "pipe",
      }),
    ).toThrow();
  }, 60_000);

  it("marks the session cookie Secure behind a trusted HTTPS proxy", async () => {
    const build = await import(pathToFileURL(path.resolve("build/server/index.js")).href);
    const server = listen(createApp({ build, trustProxy: true }), 0, "127.0.0.1");
    await new Promise<void>((resolve) => server.once("listening", () => resolve()));
    try {
      const user = await createUser();
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/login`, {
        method: "POST",
        redirect: "manual",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "X-Forwarded-Proto": "https",
          Origin: `https://127.0.0.1:${port}`,
        },
        body: new URLSearchParams({ email: user.email, password: TEST_PASSWORD }).toString(),
      });
      expect(response.status).toBe(302);
      expect(response.headers.get("set-cookie")).toMatch(/; Secure/i);
      expect(response.headers.get("strict-transport-security")).toContain("max-age");
    } finally {
      await new Promise((resolve) => {
        server.close(resolve);
        server.closeAllConnections();
      });
    }
  });
});
