/**
 * Accommodations HR grants: extra attempts change the start policy, extra time the deadline fixed
 * when an attempt starts, a later due date moves one person-assignment; each audited; refused
 * input (out of range, outside the scope, another city, someone else's row) writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { grantAccommodation } from "~/assignments/accommodations.server.ts";
import { endOfDayIn } from "~/assignments/cycle-dates.ts";
import type { CurrentUser } from "~/auth/guards.server.ts";
import { db } from "~/db.server.ts";
import { pseudonymFor } from "~/audit/audit.server.ts";
import { enroll } from "~/learning/enrollments.server.ts";
import { quizOverview, startAttempt } from "~/quiz/attempts.server.ts";
import { hrScopeOf, type HrScope } from "~/reports/scope.server.ts";
import { assignmentRow } from "../support/assignment-rows.ts";
import { createUser, sessionCookie } from "../support/factories.ts";
import { decodeEntities } from "../support/html.ts";
import { currentUserFor, importSampleCourse, SAMPLE_COURSE, takeAttempt } from "../support/learning.ts";
import { rowCounts } from "../support/row-counts.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

let server: TestServer;
let hr: CurrentUser;
let hrScope: HrScope;
let courseId: string;

const setQuiz = (data: { timeLimitMinutes?: number | null; cooldownMinutes?: number }) =>
  db().quiz.updateMany({ where: { version: { course: { key: SAMPLE_COURSE } } }, data });

beforeAll(async () => {
  await importSampleCourse();
  await setQuiz({ cooldownMinutes: 0 });
  courseId = (await db().course.findUniqueOrThrow({ where: { key: SAMPLE_COURSE }, select: { id: true } })).id;
  hr = await currentUserFor({ roles: ["HR"] });
  hrScope = await hrScopeOf(hr);
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

async function lastAudit(personId: string) {
  const entry = await db().auditLog.findFirst({
    where: { subjectRef: await pseudonymFor(personId), action: "accommodation.granted" },
    orderBy: { createdAt: "desc" },
    select: { actorRef: true, cityId: true, details: true },
  });
  return entry ? { ...entry, details: JSON.parse(entry.details) as Record<string, unknown> } : null;
}

describe("extra attempts", () => {
  it("let a learner who used up the quiz's attempts try again, keeping every attempt, and are audited", async () => {
    const learner = await currentUserFor();
    await enroll(learner, SAMPLE_COURSE);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const started = await startAttempt(learner, SAMPLE_COURSE);
      if (!started.ok) throw new Error("attempt refused");
      await takeAttempt(learner, started.attemptId, false);
    }
    expect(await startAttempt(learner, SAMPLE_COURSE)).toEqual({ ok: false, decision: { allowed: false, reason: "limit" } });

    const granted = await grantAccommodation(hr, hrScope, learner.id, {
      kind: "EXTRA_ATTEMPTS",
      courseId,
      amount: 2,
      reason: "Baja médica durante el plazo",
    });
    expect(granted).toEqual({ ok: true, kind: "EXTRA_ATTEMPTS" });
    const overview = await quizOverview(learner, SAMPLE_COURSE);
    expect(overview).toMatchObject({ settings: { attemptLimit: 5 }, decision: { allowed: true } });
    const fourth = await startAttempt(learner, SAMPLE_COURSE);
    expect(fourth.ok).toBe(true);
    expect(await db().quizAttempt.count({ where: { enrollment: { userId: learner.id } } })).toBe(4);
    expect(await lastAudit(learner.id)).toEqual({
      actorRef: await pseudonymFor(hr.id),
      cityId: hr.city.id,
      details: { kind: "EXTRA_ATTEMPTS", amount: 2, reason: "Baja médica durante el plazo", courseId, course: SAMPLE_COURSE },
    });
  });
});

describe("extra time", () => {
  it("lengthens the limit the learner is shown and the deadline fixed when the attempt starts", async () => {
    await setQuiz({ timeLimitMinutes: 30 });
    try {
      const learner = await currentUserFor();
      await enroll(learner, SAMPLE_COURSE);
      expect(await quizOverview(learner, SAMPLE_COURSE)).toMatchObject({
        settings: { timeLimitMinutes: 30, extraTimePercent: 0 },
      });
      expect(await grantAccommodation(hr, hrScope, learner.id, { kind: "EXTRA_TIME", amount: 50, reason: "Dislexia" })).toEqual({
        ok: true,
        kind: "EXTRA_TIME",
      });
      expect(await quizOverview(learner, SAMPLE_COURSE)).toMatchObject({
        settings: { timeLimitMinutes: 45, extraTimePercent: 50 },
      });

      const page = await server.request(`/learn/${SAMPLE_COURSE}/quiz`, { cookie: await sessionCookie(learner.id) });
      expect(page.status).toBe(200);
      expect(decodeEntities(await page.text()).replace(/\s/g, " ")).toContain(
        "Tiempo para cada intento: 45 minutos, con 50 % de tiempo adicional.",
      );

      const started = await startAttempt(learner, SAMPLE_COURSE);
      if (!started.ok) throw new Error("attempt refused");
      const attempt = await db().quizAttempt.findUniqueOrThrow({
        where: { id: started.attemptId },
        select: { startedAt: true, deadline: true },
      });
      expect(attempt.deadline!.getTime() - attempt.startedAt.getTime()).toBe(45 * 60_000);
      expect(await lastAudit(learner.id)).toMatchObject({ details: { kind: "EXTRA_TIME", amount: 50, reason: "Dislexia" } });
    } finally {
      await setQuiz({ timeLimitMinutes: null });
    }
  });
});

describe("a later due date", () => {
  it("moves that person-assignment's due date by calendar days, keeping what it changed", async () => {
    const learner = await currentUserFor();
    const enrollment = (await enroll(learner, SAMPLE_COURSE))!;
    const dueAt = endOfDayIn("2027-03-20", "Europe/Madrid");
    const row = await assignmentRow({
      userId: learner.id,
      courseKey: SAMPLE_COURSE,
      assignedAt: new Date(),
      dueAt,
      enrollmentId: enrollment.id,
    });

    // Across the change to summer time (28 March 2027): still the end of the day in Madrid.
    const granted = await grantAccommodation(hr, hrScope, learner.id, {
      kind: "LATER_DUE",
      personAssignmentId: row.id,
      amount: 10,
      reason: "Permiso parental",
    });
    expect(granted).toEqual({ ok: true, kind: "LATER_DUE" });
    const later = endOfDayIn("2027-03-30", "Europe/Madrid");
    expect((await db().personAssignment.findUniqueOrThrow({ where: { id: row.id }, select: { dueAt: true } })).dueAt).toEqual(
      later,
    );
    expect(
      await db().accommodation.findFirstOrThrow({
        where: { userId: learner.id },
        select: { kind: true, amount: true, personAssignmentId: true, courseId: true, reason: true, createdById: true },
      }),
    ).toEqual({
      kind: "LATER_DUE",
      amount: 10,
      personAssignmentId: row.id,
      courseId,
      reason: "Permiso parental",
      createdById: hr.id,
    });
    expect(await lastAudit(learner.id)).toMatchObject({
      details: { kind: "LATER_DUE", personAssignmentId: row.id, from: dueAt.toISOString(), to: later.toISOString() },
    });
  });
});

describe("refused grants", () => {
  it("write nothing: a person outside the scope or in another city, an unknown course, someone else's or a withdrawn row", async () => {
    const scopedHr = await currentUserFor({ roles: ["HR"], hrDepartment: "Servicios Sociales" });
    const scoped = await hrScopeOf(scopedHr);
    const elsewhere = await createUser({ department: "Urbanismo" });
    const paulistana = await createUser({ city: "sao-paulo" });
    const learner = await createUser({ department: "Servicios Sociales" });
    const other = await createUser({ department: "Servicios Sociales" });
    const othersRow = await assignmentRow({
      userId: other.id,
      courseKey: SAMPLE_COURSE,
      assignedAt: new Date(),
      dueAt: endOfDayIn("2027-06-30", "Europe/Madrid"),
    });
    const withdrawn = await assignmentRow({
      userId: learner.id,
      courseKey: SAMPLE_COURSE,
      assignedAt: new Date(),
      dueAt: endOfDayIn("2027-06-30", "Europe/Madrid"),
    });
    await db().personAssignment.update({ where: { id: withdrawn.id }, data: { withdrawnAt: new Date() } });
    const before = await rowCounts();

    const time = { kind: "EXTRA_TIME", amount: 50, reason: "Dislexia" } as const;
    expect(await grantAccommodation(scopedHr, scoped, elsewhere.id, time)).toEqual({ ok: false, status: "not-found" });
    expect(await grantAccommodation(hr, hrScope, paulistana.id, time)).toEqual({ ok: false, status: "not-found" });
    expect(await grantAccommodation(scopedHr, scoped, "no-such-person", time)).toEqual({ ok: false, status: "not-found" });
    expect(
      await grantAccommodation(scopedHr, scoped, learner.id, {
        kind: "EXTRA_ATTEMPTS",
        courseId: "no-such-course",
        amount: 1,
        reason: "Baja",
      }),
    ).toMatchObject({ ok: false, status: "invalid", fieldErrors: { attemptsCourse: "reminders.accommodations.courseRequired" } });
    for (const personAssignmentId of [othersRow.id, withdrawn.id])
      expect(
        await grantAccommodation(scopedHr, scoped, learner.id, {
          kind: "LATER_DUE",
          personAssignmentId,
          amount: 5,
          reason: "Permiso",
        }),
      ).toMatchObject({ ok: false, status: "invalid", fieldErrors: { laterRow: "reminders.accommodations.rowRequired" } });

    expect(await rowCounts()).toEqual(before);
  });
});

describe("the accommodations page", () => {
  it("is not found for a person outside the scope, shows an out-of-range amount's message and writes nothing, then grants", async () => {
    const scopedHr = await createUser({ roles: ["HR"], hrDepartment: "Servicios Sociales" });
    const learner = await createUser({ department: ["Servicios Sociales", "Mayores"], name: "Lucía Núñez" });
    const elsewhere = await createUser({ department: "Urbanismo" });
    const cookie = await sessionCookie(scopedHr.id);
    expect((await server.request(`/hr/people/${elsewhere.id}/accommodations`, { cookie })).status).toBe(404);
    expect(
      (
        await server.request(`/hr/people/${elsewhere.id}/accommodations`, {
          cookie,
          form: { intent: "EXTRA_TIME", extraTime: "50", timeReason: "Dislexia" },
        })
      ).status,
    ).toBe(404);

    const path = `/hr/people/${learner.id}/accommodations`;
    const empty = await server.request(path, { cookie });
    expect(empty.status).toBe(200);
    expect(decodeEntities(await empty.text())).toContain("Aún no tiene adaptaciones.");

    const before = await rowCounts(["Session"]);
    const refused = await server.request(path, {
      cookie,
      form: { intent: "EXTRA_TIME", extraTime: "500", timeReason: "Dislexia" },
    });
    expect(refused.status).toBe(400);
    expect(decodeEntities(await refused.text())).toContain("Escribe un porcentaje entero entre 10 y 300.");
    expect(await rowCounts(["Session"])).toEqual(before);

    const granted = await server.request(path, {
      cookie,
      form: { intent: "EXTRA_TIME", extraTime: "25", timeReason: "Dislexia" },
    });
    expect(granted.status).toBe(302);
    expect(granted.headers.get("location")).toBe(`${path}?saved=EXTRA_TIME`);
    const page = decodeEntities(await (await server.request(`${path}?saved=EXTRA_TIME`, { cookie })).text());
    expect(page).toContain("Adaptación concedida: Tiempo adicional.");
    expect(page).toContain("Dislexia");
    expect(page).toContain("Todos los cuestionarios con tiempo");
  });
});
