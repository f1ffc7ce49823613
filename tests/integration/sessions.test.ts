/** Sessions, cookies and caching as an attacker would try them (decision 010). */
import { execFileSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantRole, revokeRole } from "~/auth/role-grants.server.ts";
import { hashToken } from "~/auth/tokens.server.ts";
import { db } from "~/db.server.ts";
import { enroll, markLessonComplete } from "~/learning/enrollments.server.ts";
import { startAttempt } from "~/quiz/attempts.server.ts";
import { createUser, sessionCookie, TEST_PASSWORD } from "../support/factories.ts";
import { currentUserFor, importSampleCourse, SAMPLE_COURSE, takeAttempt } from "../support/learning.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const tokenOf = (cookie: string) => cookie.replace(/^aula_session=/, "");

/** Moves a session's clock: when it began and when it would end without use. */
async function ageSession(cookie: string, times: { createdAt: Date; expiresAt: Date }) {
  const moved = await db().session.updateMany({ where: { id: hashToken(tokenOf(cookie)) }, data: times });
  expect(moved.count).toBe(1);
}

async function signedIn(cookie: string): Promise<boolean> {
  const response = await server.request("/profile", { cookie });
  return response.status === 200;
}

describe("public pages never carry a person", () => {
  let code: string;
  beforeAll(async () => {
    await importSampleCourse();
    const holder = await currentUserFor({ name: "Titular Certificada" });
    await enroll(holder, SAMPLE_COURSE);
    for (const lesson of ["first-steps", "next-steps"]) await markLessonComplete(holder, SAMPLE_COURSE, lesson);
    const attempt = await startAttempt(holder, SAMPLE_COURSE);
    if (!attempt.ok) throw new Error("attempt refused");
    await takeAttempt(holder, attempt.attemptId, true);
    ({ code } = await db().certificate.findFirstOrThrow({ where: { userId: holder.id }, select: { code: true } }));
  });

  it("serves the verification page to a signed-in viewer without their name, city or a refreshed cookie", async () => {
    const viewer = await createUser({ name: "Visitante Curiosa", roles: ["CITY_ADMIN"] });
    const cookie = await sessionCookie(viewer.id);
    // Due for extension: any page that read this session would send a new cookie.
    await ageSession(cookie, { createdAt: new Date(Date.now() - HOUR), expiresAt: new Date(Date.now() + HOUR) });
    for (const path of [`/verify/${code}`, `/verify/${code}.data`]) {
      const response = await server.request(path, { cookie });
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("public, max-age=60");
      expect(response.headers.get("vary")).toMatch(/Accept-Language/);
      expect(response.headers.get("set-cookie")).toBeNull();
      const body = await response.text();
      expect(body).toContain("Titular Certificada");
      expect(body).not.toContain("Visitante Curiosa");
      expect(body).not.toContain(viewer.email);
      expect(body).not.toContain("CITY_ADMIN");
    }
  });

  it("marks every page that knows the viewer private and never stored", async () => {
    const user = await createUser({ roles: ["CITY_ADMIN"] });
    const cookie = await sessionCookie(user.id);
    for (const path of ["/", "/_root.data", "/profile", "/profile.data", "/certificates", "/admin/people", "/quiz/none"]) {
      const response = await server.request(path, { cookie });
      expect(response.headers.get("cache-control"), path).toBe("private, no-store");
    }
  });
});

describe("malformed cookies", () => {
  it("are ignored: a cookie that does not decode breaks no page", async () => {
    for (const path of ["/", "/login", "/courses", "/verify", "/_root.data"]) {
      const response = await server.request(path, { cookie: "x=%zz" });
      expect(response.status, path).toBe(200);
    }
  });

  it("do not sign out a person whose own cookie is fine", async () => {
    const user = await createUser({ name: "Persona Con Analítica" });
    const cookie = `x=%zz; ${await sessionCookie(user.id)}; _ga=%E0%A4%A`;
    const response = await server.request("/profile", { cookie });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Persona Con Analítica");
  });

  it("treat a session cookie that is not a token as no session", async () => {
    for (const value of ["%zz", "x".repeat(5000), '\'; DROP TABLE "Session"; --']) {
      const response = await server.request("/profile", { cookie: `aula_session=${encodeURIComponent(value)}` });
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toContain("/login");
    }
  });
});

describe("sessions", () => {
  it("are stored only as a hash of the cookie's token", async () => {
    const user = await createUser();
    const login = await server.request("/login", { form: { email: user.email, password: TEST_PASSWORD, redirectTo: "/" } });
    const token = login.headers.get("set-cookie")?.match(/aula_session=([^;]+)/)?.[1] ?? "";
    expect(token.length).toBeGreaterThan(30);
    const stored = await db().session.findMany({ where: { userId: user.id }, select: { id: true } });
    expect(stored).toEqual([{ id: hashToken(token) }]);
    expect(await signedIn(`aula_session=${token}`)).toBe(true);
    // What a leaked copy of the table holds opens nothing.
    expect(await signedIn(`aula_session=${stored[0]!.id}`)).toBe(false);
  });

  it("end at their absolute lifetime even when used a minute ago", async () => {
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    await ageSession(cookie, {
      createdAt: new Date(Date.now() - 30 * DAY - 60_000),
      expiresAt: new Date(Date.now() + 11 * HOUR),
    });
    const response = await server.request("/profile", { cookie });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/login?redirectTo=%2Fprofile&expired=1");
    expect(response.headers.get("set-cookie")).toMatch(/aula_session=;.*Max-Age=0/);
    expect(await db().session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("are extended by use, but never past their absolute lifetime", async () => {
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    const createdAt = new Date(Date.now() - 30 * DAY + 2 * HOUR);
    await ageSession(cookie, { createdAt, expiresAt: new Date(Date.now() + HOUR) });
    const response = await server.request("/profile", { cookie });
    expect(response.status).toBe(200);
    const maxAge = Number(response.headers.get("set-cookie")?.match(/Max-Age=(\d+)/)?.[1]);
    expect(maxAge).toBeGreaterThan(HOUR / 1000);
    expect(maxAge).toBeLessThanOrEqual((2 * HOUR) / 1000);
    const { expiresAt } = await db().session.findFirstOrThrow({ where: { userId: user.id }, select: { expiresAt: true } });
    expect(expiresAt.getTime()).toBe(createdAt.getTime() + 30 * DAY);
  });

  it("end when the person gains or loses a role, and not when nothing changes", async () => {
    const user = await createUser({ roles: ["TRAINER"] });
    const grantTrainer = () =>
      db().$transaction((tx) => grantRole(tx, { userId: user.id, cityId: user.cityId, role: "TRAINER" }));
    const before = await sessionCookie(user.id);
    expect(await grantTrainer()).toBe(false);
    expect(await signedIn(before)).toBe(true);

    expect(await db().$transaction((tx) => grantRole(tx, { userId: user.id, cityId: user.cityId, role: "HR" }))).toBe(true);
    expect(await signedIn(before)).toBe(false);

    const afterGrant = await sessionCookie(user.id);
    expect(await db().$transaction((tx) => revokeRole(tx, { userId: user.id, role: "HR" }))).toBe(true);
    expect(await signedIn(afterGrant)).toBe(false);
    expect(await db().roleGrant.findMany({ where: { userId: user.id }, select: { role: true } })).toEqual([{ role: "TRAINER" }]);
  });

  it("end when an operator makes an existing person an admin", async () => {
    const user = await createUser({ city: "quito" });
    const cookie = await sessionCookie(user.id);
    execFileSync(
      "node_modules/.bin/tsx",
      ["scripts/create-admin.ts", "--city", "quito", "--email", user.email, "--name", user.name],
      {
        env: process.env,
        stdio: "ignore",
      },
    );
    expect(await signedIn(cookie)).toBe(false);
    expect(await db().roleGrant.count({ where: { userId: user.id, role: "CITY_ADMIN" } })).toBe(1);
  }, 60_000);
});

describe("legacy ?_data= requests", () => {
  it("are refused with a plain-text message in the visitor's language, never a mislabelled body", async () => {
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    for (const path of ["/?_data=root", "/courses?_data=routes%2Fcourses._index", "/profile?x=1&_data=routes%2Fprofile"]) {
      const response = await server.request(path, { cookie, headers: { "Accept-Language": "en" } });
      expect(response.status, path).toBe(400);
      expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(await response.text()).toContain("older version of Aula IA");
    }
  });
});
