/**
 * People's data rights (decision 027): the export (everything, never an answer key), erasure (a
 * marker name and email in no text column of any table afterwards, certificates revoked, no more
 * sign-in, past figures unchanged and current ones without the person), the erasure request, and
 * retention (dry run, run, idempotent, never the last city admin).
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseKind } from "../../prisma/driver-adapters.ts";
import { logIn } from "~/auth/accounts.server.ts";
import { audit, pseudonymFor } from "~/audit/audit.server.ts";
import { db } from "~/db.server.ts";
import { enroll, markLessonComplete } from "~/learning/enrollments.server.ts";
import { foldForSearch } from "~/people/search-text.ts";
import { erasePerson, ERASURE_REVOCATION_REASON } from "~/privacy/erasure.server.ts";
import { runRetention } from "~/privacy/retention.server.ts";
import { startAttempt } from "~/quiz/attempts.server.ts";
import { computeFigures } from "~/reports/figures.ts";
import { loadFigureFacts } from "~/reports/figures.server.ts";
import { createUser, sessionCookie, TEST_PASSWORD, type TestUser } from "../support/factories.ts";
import { dayEnd, recordAssignment } from "../support/hr-records.ts";
import { answerKeyOf, currentUserFor, importSampleCourse, SAMPLE_COURSE, takeAttempt } from "../support/learning.ts";
import { rowCounts } from "../support/row-counts.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

const run = promisify(execFile);
const DAY = 86_400_000;
let server: TestServer;
let admin: TestUser;

beforeAll(async () => {
  await importSampleCourse();
  await db().quiz.updateMany({ where: { version: { course: { key: SAMPLE_COURSE } } }, data: { cooldownMinutes: 0 } });
  admin = await createUser({ roles: ["CITY_ADMIN"] });
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

const adminCookie = () => sessionCookie(admin.id);

/** Every text column of every table, read from the database's own catalogue (a new column is covered by itself). */
async function textColumns(): Promise<Array<{ table: string; column: string }>> {
  if (databaseKind(process.env.DATABASE_URL ?? "") === "postgres")
    return db().$queryRawUnsafe(
      `SELECT table_name::text AS "table", column_name::text AS "column" FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name NOT LIKE '\\_prisma%'
         AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')`,
    );
  return db().$queryRawUnsafe(
    `SELECT m.name AS "table", p.name AS "column" FROM sqlite_master m JOIN pragma_table_info(m.name) p
     WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND m.name NOT LIKE '\\_prisma%' ESCAPE '\\'
       AND (upper(p.type) LIKE '%TEXT%' OR upper(p.type) LIKE '%CHAR%' OR upper(p.type) LIKE '%CLOB%' OR upper(p.type) LIKE '%JSON%')`,
  );
}

/** "Table.column" of every text column holding any of the strings, exactly as written (one query). */
async function columnsHolding(needles: readonly string[]): Promise<string[]> {
  const postgres = databaseKind(process.env.DATABASE_URL ?? "") === "postgres";
  const literal = (text: string) => `'${text.replace(/'/g, "''")}'`;
  const holds = (column: string, needle: string) =>
    postgres ? `strpos(CAST("${column}" AS TEXT), ${literal(needle)}) > 0` : `instr("${column}", ${literal(needle)}) > 0`;
  const sql = (await textColumns())
    .map(
      ({ table, column }) =>
        `SELECT CAST(${literal(`${table}.${column}`)} AS TEXT) AS "found" WHERE EXISTS (SELECT 1 FROM "${table}" WHERE ${needles
          .map((needle) => holds(column, needle))
          .join(" OR ")})`,
    )
    .join(" UNION ALL ");
  const rows = await db().$queryRawUnsafe<Array<{ found: string }>>(sql);
  return rows.map((row) => row.found).sort();
}

/** A person with a unique, accented marker name and address. */
async function markerPerson(options: Parameters<typeof createUser>[0] = {}) {
  const tag = randomBytes(4)
    .toString("hex")
    .replace(/\d/g, (digit) => "qwxyzjkvhg"[Number(digit)]!);
  const name = `Zéfira Ñandú ${tag}`;
  const email = `zefira.${tag}@madrid.example`;
  const user = await currentUserFor({ ...options, name, email });
  // The forms erasure must remove: as typed, accent-folded, the address and its local part.
  const needles = [name, foldForSearch(name), email, `zefira.${tag}`, `Ñandú ${tag}`, `nandu ${tag}`];
  return { user, needles };
}

async function passSampleCourse(user: Awaited<ReturnType<typeof currentUserFor>>) {
  await enroll(user, SAMPLE_COURSE);
  for (const lesson of ["first-steps", "next-steps"]) await markLessonComplete(user, SAMPLE_COURSE, lesson);
  const failed = await startAttempt(user, SAMPLE_COURSE);
  if (!failed.ok) throw new Error("attempt refused");
  await takeAttempt(user, failed.attemptId, false);
  const passed = await startAttempt(user, SAMPLE_COURSE);
  if (!passed.ok) throw new Error("attempt refused");
  await takeAttempt(user, passed.attemptId, true);
  return db().certificate.findFirstOrThrow({ where: { userId: user.id }, select: { code: true } });
}

describe("the data export", () => {
  it("gives a person all their data as a JSON attachment, their answers and results without the answer keys, audited", async () => {
    const { user } = await markerPerson();
    const certificate = await passSampleCourse(user);
    await db().notice.create({ data: { userId: user.id, kind: "reminder", params: JSON.stringify({ course: SAMPLE_COURSE }) } });
    const response = await server.request("/profile/data", { cookie: await sessionCookie(user.id) });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment; filename=".+\.json"$/);
    const text = await response.text();
    const exported = JSON.parse(text);
    expect(exported.account).toMatchObject({ id: user.id, name: user.name, email: user.email });
    expect(exported.certificates.map((row: { code: string }) => row.code)).toEqual([certificate.code]);
    expect(exported.notices).toHaveLength(1);
    const [enrolment] = exported.enrollments;
    expect(enrolment.course).toBe(SAMPLE_COURSE);
    expect(enrolment.quizAttempts.map((attempt: { passed: boolean }) => attempt.passed)).toEqual([false, true]);

    const key = await answerKeyOf(SAMPLE_COURSE);
    for (const attempt of enrolment.quizAttempts) {
      expect(attempt.questions.length).toBeGreaterThan(0);
      for (const question of attempt.questions) {
        // What they chose and whether it was right; nothing else of the question.
        expect(Object.keys(question).sort()).toEqual(["chosen", "correct", "question", "text"]);
        const chosen = question.chosen.map((option: { option: string }) => option.option).sort();
        expect(question.correct).toBe(attempt.passed);
        if (!attempt.passed) expect(chosen).not.toEqual([...key.get(question.question)!].sort());
      }
    }
    // No explanation (they reveal the keys) in any language, and no stored answer key.
    const questions = await db().question.findMany({
      where: { quiz: { version: { course: { key: SAMPLE_COURSE } } } },
      select: { explanation: true, correct: true },
    });
    for (const question of questions) {
      for (const explanation of Object.values(JSON.parse(question.explanation) as Record<string, string>))
        expect(text).not.toContain(explanation);
      expect(text).not.toContain(question.correct);
    }
    expect(text).not.toContain('"explanation"');

    const audited = await db().auditLog.findFirst({
      where: { action: "privacy.export", subjectRef: await pseudonymFor(user.id) },
      select: { actorRef: true, details: true },
    });
    expect(audited?.actorRef).toBe(await pseudonymFor(user.id));
    // A second export shows the first in the person's own audit trail.
    const again = await (await server.request("/profile/data", { cookie: await sessionCookie(user.id) })).json();
    expect(again.auditTrail.map((row: { action: string }) => row.action)).toContain("privacy.export");
  });

  it("is produced by a city admin for a person of their city only, audited as the admin's", async () => {
    const person = await createUser();
    const response = await server.request(`/admin/privacy/export/${person.id}`, { cookie: await adminCookie() });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment;/);
    expect((await response.json()).account.email).toBe(person.email);
    const audited = await db().auditLog.findFirstOrThrow({
      where: { action: "privacy.export", subjectRef: await pseudonymFor(person.id) },
      select: { actorRef: true },
    });
    expect(audited.actorRef).toBe(await pseudonymFor(admin.id));

    const elsewhere = await createUser({ city: "sao-paulo" });
    const before = await db().auditLog.count();
    expect((await server.request(`/admin/privacy/export/${elsewhere.id}`, { cookie: await adminCookie() })).status).toBe(404);
    expect(await db().auditLog.count()).toBe(before);
  });
});

describe("erasure", () => {
  it("leaves the marker name and email in no text column of any table, after finding them in every column that held them", async () => {
    const { user, needles } = await markerPerson();
    const certificate = await passSampleCourse(user);
    const hr = await createUser({ roles: ["HR"] });
    await db().invitation.create({
      data: {
        tokenHash: randomBytes(16).toString("hex"),
        cityId: user.city.id,
        email: user.email,
        createdById: admin.id,
        expiresAt: new Date(Date.now() + DAY),
        acceptedAt: new Date(),
        acceptedById: user.id,
      },
    });
    await db().invitation.create({
      data: {
        tokenHash: randomBytes(16).toString("hex"),
        cityId: user.city.id,
        email: user.email,
        createdById: admin.id,
        expiresAt: new Date(Date.now() + DAY),
      },
    });
    await db().notice.create({ data: { userId: user.id, kind: "reminder", params: JSON.stringify({ name: user.name }) } });
    await db().notice.create({
      data: { userId: hr.id, kind: "summary", params: JSON.stringify({ overdue: [user.name, "Otra Persona"] }) },
    });
    await db().accommodation.create({
      data: { userId: user.id, kind: "EXTRA_ATTEMPTS", amount: 1, reason: `Pedido por ${user.name}`, createdById: hr.id },
    });
    await db().passwordReset.create({
      data: { tokenHash: randomBytes(16).toString("hex"), userId: user.id, expiresAt: new Date(Date.now() + DAY) },
    });
    await audit({ cityId: user.city.id, actorId: admin.id, action: "people.test", subjectId: user.id, details: { step: 1 } });

    const before = await columnsHolding(needles);
    expect(before).toEqual(
      expect.arrayContaining([
        "Accommodation.reason",
        "Certificate.holderName",
        "Invitation.email",
        "Notice.params",
        "User.email",
        "User.name",
        "User.searchText",
      ]),
    );
    // The folded form alone (no accents) is found in the search text.
    expect(await columnsHolding([foldForSearch(user.name)])).toContain("User.searchText");

    expect(await erasePerson({ cityId: user.city.id, actorId: admin.id, userId: user.id, via: "admin" })).toEqual({ ok: true });
    expect(await columnsHolding(needles)).toEqual([]);

    const erased = await db().user.findUniqueOrThrow({
      where: { id: user.id },
      select: { active: true, erasedAt: true, password: true, _count: { select: { sessions: true, passwordResets: true } } },
    });
    expect(erased).toMatchObject({ active: false, password: null, _count: { sessions: 0, passwordResets: 0 } });
    expect(erased.erasedAt).not.toBeNull();
    expect(await db().pseudonym.count({ where: { userId: user.id } })).toBe(0);
    // The audit rows stay, the erasure's own among them, now linked to no one.
    expect(
      await db().auditLog.count({ where: { action: "people.test", targetId: null, details: '{"step":1}' } }),
    ).toBeGreaterThan(0);
    expect(await db().auditLog.count({ where: { action: "privacy.erasure", targetId: user.id } })).toBe(1);
    const revoked = await db().certificate.findUniqueOrThrow({
      where: { code: certificate.code },
      select: { revokedAt: true, revokedReason: true },
    });
    expect(revoked.revokedAt).not.toBeNull();
    expect(revoked.revokedReason).toBe(ERASURE_REVOCATION_REASON);
    // The pending invitation to the address can no longer be used.
    expect(
      await db().invitation.count({
        where: { createdById: admin.id, acceptedAt: null, expiresAt: { gt: new Date() }, email: null },
      }),
    ).toBe(0);
  });

  it("is done once: a second erasure writes nothing", async () => {
    const person = await createUser();
    expect((await erasePerson({ cityId: person.cityId, actorId: admin.id, userId: person.id, via: "admin" })).ok).toBe(true);
    const counts = await rowCounts();
    expect(await erasePerson({ cityId: person.cityId, actorId: admin.id, userId: person.id, via: "admin" })).toEqual({
      ok: false,
      reason: "already-erased",
    });
    expect(await rowCounts()).toEqual(counts);
  });

  it("shows the certificate as revoked on the public verify page, without the name", async () => {
    const { user } = await markerPerson();
    const certificate = await passSampleCourse(user);
    const valid = await (await server.request(`/verify/${certificate.code}`)).text();
    expect(valid).toContain(user.name);
    await erasePerson({ cityId: user.city.id, actorId: admin.id, userId: user.id, via: "admin" });
    const response = await server.request(`/verify/${certificate.code}`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain("Certificado revocado");
    expect(html).not.toContain(user.name);
    expect(html).not.toContain(ERASURE_REVOCATION_REASON);
  });

  it("ends sign-in: the old password opens nothing, nor a session the person had", async () => {
    const { user } = await markerPerson();
    const cookie = await sessionCookie(user.id);
    expect((await server.request("/profile", { cookie })).status).toBe(200);
    await erasePerson({ cityId: user.city.id, actorId: admin.id, userId: user.id, via: "admin" });
    expect((await logIn({ email: user.email, password: TEST_PASSWORD }, "203.0.113.9")).ok).toBe(false);
    const erasedEmail = (await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { email: true } })).email;
    expect((await logIn({ email: erasedEmail, password: TEST_PASSWORD }, "203.0.113.9")).ok).toBe(false);
    expect((await server.request("/profile", { cookie })).status).toBe(302);
  });

  it("never erases the city's last admin", async () => {
    const city = await db().city.create({
      data: {
        slug: "lone-admin-town",
        name: "Lone Admin Town",
        defaultLocale: "es",
        timeZone: "Europe/Madrid",
        primaryColor: "#1e3a8a",
        accentColor: "#b45309",
        certificatePrefix: "LAT",
      },
      select: { id: true },
    });
    const only = await createUser({ city: "lone-admin-town", roles: ["CITY_ADMIN"] });
    const counts = await rowCounts();
    expect(await erasePerson({ cityId: city.id, actorId: only.id, userId: only.id, via: "admin" })).toEqual({
      ok: false,
      reason: "last-admin",
    });
    expect(await rowCounts()).toEqual(counts);
  });

  it("is refused to a city admin for a network admin, allowed for the city's HR and trainers", async () => {
    const staff = await createUser({ roles: ["HR", "TRAINER"] });
    expect(await erasePerson({ cityId: staff.cityId, actorId: admin.id, userId: staff.id, via: "admin" })).toEqual({ ok: true });
    const network = await createUser({ roles: ["NETWORK_ADMIN"] });
    const counts = await rowCounts();
    expect(await erasePerson({ cityId: network.cityId, actorId: admin.id, userId: network.id, via: "admin" })).toEqual({
      ok: false,
      reason: "outranks",
    });
    expect(await rowCounts()).toEqual(counts);
  });

  it("keeps the figures of past periods and drops the person from the current people, compliant and expiring counts", async () => {
    const department = `Cifras ${randomBytes(3).toString("hex").replace(/\d/g, "x")}`;
    const [kept, erased] = [await createUser({ department }), await createUser({ department })];
    for (const person of [kept, erased])
      await recordAssignment({
        userId: person.id,
        courseKey: SAMPLE_COURSE,
        dueAt: dayEnd(20),
        enrolment: {
          lessons: 1,
          attempts: [{ score: person === kept ? 80 : 100, passed: true }],
          completedAt: new Date(Date.now() - DAY),
          certificate: { expiresAt: new Date(Date.now() + 10 * DAY) },
        },
      });
    const path = (
      await db().department.findFirstOrThrow({ where: { cityId: kept.cityId, name: department }, select: { path: true } })
    ).path;
    const selection = { cityId: kept.cityId, subtree: null, department: { path }, courseId: null, mandatoryOnly: false };
    const period = { start: new Date(Date.now() - 7 * DAY), end: new Date(Date.now() + DAY) };
    const figures = async () => computeFigures(await loadFigureFacts(selection), { period, now: new Date() });

    const before = await figures();
    expect(before.people.value).toBe(2);
    expect(before.compliant.value).toBe(2);
    expect(before.expiring.value).toBe(2);
    await erasePerson({ cityId: erased.cityId, actorId: admin.id, userId: erased.id, via: "admin" });
    const after = await figures();

    // What happened in the period stays as it was.
    for (const figure of [
      "assigned",
      "started",
      "completed",
      "completionsInPeriod",
      "averageScore",
      "firstAttemptPassRate",
    ] as const)
      expect(after[figure], figure).toEqual(before[figure]);
    expect(after.averageScore.value).toBe(90);
    // Who is here now does not include the erased person.
    expect(after.people.value).toBe(1);
    expect(after.compliant.value).toBe(1);
    expect(after.compliantShare.value).toBe(1);
    expect(after.expiring.value).toBe(1);
  });
});

describe("the erasure request", () => {
  it("is made from the profile after a confirmation, once, and shows for the city's admins only", async () => {
    const { user } = await markerPerson();
    const cookie = await sessionCookie(user.id);
    const page = await (await server.request("/profile/erasure", { cookie })).text();
    expect(page).toContain("no se puede deshacer");
    const posted = await server.request("/profile/erasure", { cookie, form: { intent: "request" } });
    expect(posted.status).toBe(302);
    expect(posted.headers.get("Location")).toBe("/profile?saved=erasure");
    const { erasureRequestedAt } = await db().user.findUniqueOrThrow({
      where: { id: user.id },
      select: { erasureRequestedAt: true },
    });
    expect(erasureRequestedAt).not.toBeNull();
    await server.request("/profile/erasure", { cookie, form: { intent: "request" } });
    expect(
      await db().auditLog.count({ where: { action: "privacy.erasureRequested", subjectRef: await pseudonymFor(user.id) } }),
    ).toBe(1);

    expect(await (await server.request("/admin/erasure", { cookie: await adminCookie() })).text()).toContain(user.name);
    const other = await createUser({ city: "sao-paulo", roles: ["CITY_ADMIN"] });
    expect(await (await server.request("/admin/erasure", { cookie: await sessionCookie(other.id) })).text()).not.toContain(
      user.name,
    );
  });

  it("is carried out by the admin only with the confirmation ticked; nothing is written without it", async () => {
    const { user } = await markerPerson();
    const cookie = await adminCookie();
    const preview = await (await server.request(`/admin/erasure/${user.id}`, { cookie })).text();
    expect(preview).toContain(user.email);
    const counts = await rowCounts(["Session", "AuditLog", "Pseudonym"]);
    const unconfirmed = await server.request(`/admin/erasure/${user.id}`, { cookie, form: {} });
    expect(unconfirmed.status).toBe(400);
    expect(await rowCounts(["Session", "AuditLog", "Pseudonym"])).toEqual(counts);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { erasedAt: true } })).erasedAt).toBeNull();
    const confirmed = await server.request(`/admin/erasure/${user.id}`, { cookie, form: { confirm: "on" } });
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("Location")).toBe("/admin/erasure?erased=1");
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id }, select: { erasedAt: true } })).erasedAt).not.toBeNull();
    const elsewhere = await createUser({ city: "sao-paulo" });
    expect((await server.request(`/admin/erasure/${elsewhere.id}`, { cookie, form: { confirm: "on" } })).status).toBe(404);
  });
});

describe("the last visit", () => {
  it("is recorded by the session layer at most once a day", async () => {
    const person = await createUser();
    const cookie = await sessionCookie(person.id);
    await server.request("/profile", { cookie });
    const first = (await db().user.findUniqueOrThrow({ where: { id: person.id }, select: { lastSeenAt: true } })).lastSeenAt;
    expect(first).not.toBeNull();
    await server.request("/profile", { cookie });
    const second = (await db().user.findUniqueOrThrow({ where: { id: person.id }, select: { lastSeenAt: true } })).lastSeenAt;
    expect(second).toEqual(first);
    await db().user.update({ where: { id: person.id }, data: { lastSeenAt: new Date(Date.now() - 2 * DAY) } });
    await server.request("/profile", { cookie });
    const third = (await db().user.findUniqueOrThrow({ where: { id: person.id }, select: { lastSeenAt: true } })).lastSeenAt!;
    expect(third.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });
});

describe("retention", () => {
  it("lists counts per city in a dry run without writing, erases on a run, changes nothing when run again, and keeps the last admin", async () => {
    const city = await db().city.create({
      data: {
        slug: "retention-town",
        name: "Retention Town",
        defaultLocale: "es",
        timeZone: "Europe/Madrid",
        primaryColor: "#1e3a8a",
        accentColor: "#b45309",
        certificatePrefix: "RET",
        retentionMonths: 12,
      },
      select: { id: true },
    });
    const long = new Date(Date.now() - 400 * DAY);
    const stale = await createUser({ city: "retention-town" });
    const neverSeen = await createUser({ city: "retention-town" });
    const recent = await createUser({ city: "retention-town" });
    const onlyAdmin = await createUser({ city: "retention-town", roles: ["CITY_ADMIN"] });
    await db().user.update({ where: { id: stale.id }, data: { lastSeenAt: long } });
    await db().user.update({ where: { id: neverSeen.id }, data: { createdAt: long } });
    await db().user.update({ where: { id: recent.id }, data: { lastSeenAt: new Date(Date.now() - 10 * DAY), createdAt: long } });
    await db().user.update({ where: { id: onlyAdmin.id }, data: { lastSeenAt: long } });

    const counts = await rowCounts();
    const { stdout } = await run("node_modules/.bin/tsx", ["scripts/retention.ts", "--dry-run"], { env: process.env });
    const dry = JSON.parse(stdout.trim().split("\n").pop()!);
    expect(dry.dryRun).toBe(true);
    expect(dry.cities).toEqual([
      expect.objectContaining({ city: "retention-town", retentionMonths: 12, wouldErase: 2, kept: 1 }),
    ]);
    expect(await rowCounts()).toEqual(counts);

    const first = await runRetention({ now: new Date(), dryRun: false });
    expect(first.find((row) => row.city.id === city.id)).toMatchObject({ erased: 2, kept: 1 });
    const erased = await db().user.findMany({ where: { cityId: city.id, erasedAt: { not: null } }, select: { id: true } });
    expect(erased.map((row) => row.id).sort()).toEqual([stale.id, neverSeen.id].sort());
    expect(await db().auditLog.count({ where: { cityId: city.id, action: "privacy.erasure", actorRef: null } })).toBe(2);

    const again = await rowCounts();
    const second = await runRetention({ now: new Date(), dryRun: false });
    expect(second.find((row) => row.city.id === city.id)).toMatchObject({ erased: 0, kept: 1 });
    expect(await rowCounts()).toEqual(again);
  });

  it("is set by the city admin on the privacy page (empty turns it off) and refused out of range, audited", async () => {
    const cookie = await adminCookie();
    expect((await server.request("/admin/privacy", { cookie, form: { retentionMonths: "0" } })).status).toBe(400);
    expect((await server.request("/admin/privacy", { cookie, form: { retentionMonths: "121" } })).status).toBe(400);
    expect((await server.request("/admin/privacy", { cookie, form: { retentionMonths: "doce" } })).status).toBe(400);
    const madrid = () => db().city.findUniqueOrThrow({ where: { id: admin.cityId }, select: { retentionMonths: true } });
    expect((await madrid()).retentionMonths).toBeNull();
    expect((await server.request("/admin/privacy", { cookie, form: { retentionMonths: "24" } })).status).toBe(302);
    expect((await madrid()).retentionMonths).toBe(24);
    const notice = await (await server.request("/privacy")).text();
    expect(notice).toContain("24 meses sin visitas");
    expect((await server.request("/admin/privacy", { cookie, form: { retentionMonths: "" } })).status).toBe(302);
    expect((await madrid()).retentionMonths).toBeNull();
    expect(await db().auditLog.count({ where: { cityId: admin.cityId, action: "privacy.retention" } })).toBe(2);
  });
});
