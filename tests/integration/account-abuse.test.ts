/**
 * What an attacker tries on a fresh install, through the real HTTP server: hostile names,
 * guessing a password behind a stolen session, rendering PDFs in a loop, signing up with
 * someone else's address. Each limit is shown holding, with its message in the person's language.
 */
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { backgroundWorkDone } from "~/http/after-response.server.ts";
import { enroll, markLessonComplete } from "~/learning/enrollments.server.ts";
import { startAttempt } from "~/quiz/attempts.server.ts";
import { createUser, sessionCookie, TEST_PASSWORD } from "../support/factories.ts";
import { currentUserFor, importSampleCourse, SAMPLE_COURSE, takeAttempt } from "../support/learning.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

let server: TestServer;
beforeAll(async () => {
  // Behind a trusted proxy, so each test picks the address its requests come from.
  server = await startTestServer({ trustProxy: true });
});
afterAll(async () => {
  await server.close();
});

const from = (ip: string, language = "es") => ({ "X-Forwarded-For": ip, "Accept-Language": language });

async function departmentOf(slug: string) {
  const city = await db().city.findUniqueOrThrow({ where: { slug }, select: { departments: { select: { id: true }, take: 1 } } });
  return city.departments[0]!.id;
}

function mailsTo(address: string): Array<{ subject: string; text: string }> {
  const dir = process.env.OUTBOX_DIR!;
  return readdirSync(dir)
    .map((file) => JSON.parse(readFileSync(path.join(dir, file), "utf8")) as { to: string; subject: string; text: string })
    .filter((mail) => mail.to === address);
}

describe("sign-up", () => {
  const form = async (email: string, name = "Ana Pérez") => ({
    name,
    email,
    city: "madrid",
    department: await departmentOf("madrid"),
    locale: "es",
    privacy: "on",
  });

  it("gives an existing and a new address the same answer, and asks no password", async () => {
    const owner = await createUser();
    const page = await (await server.request("/signup", { headers: from("10.8.0.1") })).text();
    expect(page).not.toContain('type="password"');
    const existing = await server.request("/signup", { form: await form(owner.email), headers: from("10.8.0.1") });
    const fresh = await server.request("/signup", {
      form: await form("nueva.persona@madrid.example"),
      headers: from("10.8.0.1"),
    });
    expect([existing.status, existing.headers.get("location")]).toEqual([fresh.status, fresh.headers.get("location")]);
    expect(existing.status).toBe(302);
    expect(existing.headers.get("location")).toBe("/confirm-email");
    await backgroundWorkDone();
    expect(mailsTo(owner.email).map((mail) => mail.subject)).toEqual(["Aula IA: alguien intentó registrarse con tu correo"]);
  });

  it("has the owner choose the password on the link's page, which signs them in", async () => {
    await server.request("/signup", { form: await form("elige.clave@madrid.example"), headers: from("10.8.0.2") });
    await backgroundWorkDone();
    const link = mailsTo("elige.clave@madrid.example")[0]!.text.match(/\/confirm-email\/[\w-]+/)![0];
    const page = await (await server.request(link, { headers: from("10.8.0.2") })).text();
    expect(page).toContain('name="password"');
    expect(page).toContain('name="confirm"');
    const mismatch = await server.request(link, {
      form: { password: "mi frase de acceso", confirm: "otra frase" },
      headers: from("10.8.0.2"),
    });
    expect(mismatch.status).toBe(400);
    expect(await mismatch.text()).toContain("Las contraseñas no coinciden.");
    const confirmed = await server.request(link, {
      form: { password: "mi frase de acceso", confirm: "mi frase de acceso" },
      headers: from("10.8.0.2"),
    });
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("set-cookie")).toContain("aula_session=");
    const login = await server.request("/login", {
      form: { email: "elige.clave@madrid.example", password: "mi frase de acceso", redirectTo: "/" },
      headers: from("10.8.0.2"),
    });
    expect(login.status).toBe(302);
  });

  it("refuses a name with a bidi override or a line break, in the person's language, and saves nothing", async () => {
    for (const [name, language, message] of [
      ["Ana \u202eZEREP", "es", "Escribe el nombre solo con letras"],
      ["Ana\nhttps://evil.example", "en", "Write the name with letters, spaces"],
    ] as const) {
      const email = `hostil.${language}@madrid.example`;
      const response = await server.request("/signup", { form: await form(email, name), headers: from("10.8.0.3", language) });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(message);
      await backgroundWorkDone();
      expect(await db().user.count({ where: { email } })).toBe(0);
    }
  });
});

describe("profile", () => {
  it("refuses a name with control characters and keeps the old one", async () => {
    const user = await createUser({ name: "Nombre Sencillo", locale: "pt" });
    const response = await server.request("/profile", {
      cookie: await sessionCookie(user.id),
      form: { intent: "profile", name: "Nombre\u0007\u200fSencillo", locale: "pt" },
      headers: from("10.8.1.1", "pt"),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Escreva o nome só com letras");
    expect(await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true } })).toEqual({
      name: "Nombre Sencillo",
    });
  });

  it("stops a stolen session from guessing the current password, saying how long to wait", async () => {
    const user = await createUser({ locale: "en" });
    const cookie = await sessionCookie(user.id);
    const attempt = (currentPassword: string) =>
      server.request("/profile", {
        cookie,
        form: { intent: "password", currentPassword, password: "a brand new long phrase", confirm: "a brand new long phrase" },
        headers: from("10.8.1.2", "en"),
      });
    for (let guess = 0; guess < 5; guess += 1) expect((await attempt(`guess ${guess}`)).status).toBe(400);
    const refused = await attempt(TEST_PASSWORD);
    expect(refused.status).toBe(429);
    expect(await refused.text()).toContain("Too many attempts. Wait 15 minutes and try again.");
  });
});

describe("certificate PDFs", () => {
  async function holder() {
    const user = await currentUserFor();
    await enroll(user, SAMPLE_COURSE);
    for (const lesson of ["first-steps", "next-steps"]) await markLessonComplete(user, SAMPLE_COURSE, lesson);
    const attempt = await startAttempt(user, SAMPLE_COURSE);
    if (!attempt.ok) throw new Error("attempt refused");
    await takeAttempt(user, attempt.attemptId, true);
    const certificate = await db().certificate.findFirstOrThrow({ where: { userId: user.id }, select: { code: true } });
    return { cookie: await sessionCookie(user.id), path: `/certificates/${certificate.code}/pdf` };
  }

  beforeAll(async () => {
    await importSampleCourse();
  });

  it("renders at most 20 PDFs per holder in ten minutes, then says how long to wait", async () => {
    const { cookie, path: pdf } = await holder();
    const statuses = [];
    for (let download = 0; download < 21; download += 1)
      statuses.push((await server.request(pdf, { cookie, headers: from(`10.8.2.${download}`) })).status);
    expect(statuses.slice(0, 20).every((status) => status === 200)).toBe(true);
    const refused = await server.request(pdf, { cookie, headers: from("10.8.2.99") });
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("600");
    expect(await refused.text()).toBe(
      "Has descargado demasiados certificados seguidos. Espera 10 minutos y vuelve a intentarlo.",
    );
  });

  it("renders at most 60 PDFs per address in ten minutes, whoever asks", async () => {
    const { cookie, path: pdf } = await holder();
    await db().throttle.create({ data: { key: "pdf:ip:10.8.3.1", count: 60, windowStart: new Date() } });
    expect((await server.request(pdf, { cookie, headers: from("10.8.3.1") })).status).toBe(429);
    expect((await server.request(pdf, { cookie, headers: from("10.8.3.2") })).status).toBe(200);
  });
});

describe("admin:create", () => {
  it("refuses a name that is not plain text and creates nobody", () => {
    expect(() =>
      execFileSync(
        "node_modules/.bin/tsx",
        ["scripts/create-admin.ts", "--city", "madrid", "--email", "jefa@madrid.example", "--name", "Jefa\u202e Evil"],
        { env: process.env, stdio: "pipe" },
      ),
    ).toThrow();
    return expect(db().user.count({ where: { email: "jefa@madrid.example" } })).resolves.toBe(0);
  }, 60_000);
});
