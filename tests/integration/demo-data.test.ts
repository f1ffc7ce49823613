/**
 * The demo seed's year of activity (loaded into every test database by global-setup) and the
 * benchmark's generator at a small scale: shapes a newcomer's HR dashboard needs, and every row
 * consistent with the product's rules.
 */
import { describe, expect, it } from "vitest";
import { certificateExpiry, isoWeekIn, windowOpensAt } from "~/assignments/cycle-dates.ts";
import { getCurrentUser } from "~/auth/guards.server.ts";
import { seedDemoActivity, seedNetworkActivity } from "~/cities/demo-activity.server.ts";
import { demoAccounts, seedCities, seedDemoAccounts, seedDemoLearning } from "~/cities/seed.server.ts";
import { db } from "~/db.server.ts";
import { learnerDashboard } from "~/learning/enrollments.server.ts";
import { readAnswerCounts } from "~/analysis/answer-counts.server.ts";
import { answerCounts } from "~/analysis/question-answers.ts";
import { attemptView, backfillQuestionAnswers } from "~/quiz/attempts.server.ts";
import { assignmentState, certificateIsExpiring, certificateIsValid } from "~/reports/status.ts";
import { rowCounts } from "../support/row-counts.ts";
import { sessionCookie } from "../support/factories.ts";

const DAY = 86_400_000;
const now = new Date();

async function cityOf(slug: string) {
  return db().city.findUniqueOrThrow({ where: { slug }, select: { id: true, timeZone: true } });
}

/** Every way a generated (or any) row could contradict the product's rules; empty when all agree. */
async function inconsistencies(): Promise<string[]> {
  const problems: string[] = [];
  const enrollments = await db().enrollment.findMany({
    select: {
      id: true,
      userId: true,
      courseId: true,
      cycle: true,
      enrolledAt: true,
      completedAt: true,
      course: { select: { currentVersionId: true, currentVersion: { select: { quiz: { select: { attemptLimit: true } } } } } },
      lessons: { select: { lessonKey: true, completedAt: true } },
      attempts: {
        orderBy: { number: "asc" },
        select: { number: true, versionId: true, passed: true, score: true, submittedAt: true },
      },
      certificate: { select: { userId: true, issuedAt: true, expiresAt: true, score: true } },
      assignedAs: {
        select: { userId: true, courseId: true, cycle: true, assignment: { select: { validityMonths: true } } },
      },
      user: { select: { city: { select: { timeZone: true } } } },
    },
  });
  const lessonKeys = new Map(
    (await db().lesson.findMany({ select: { versionId: true, key: true } })).map((lesson) => [
      `${lesson.versionId}:${lesson.key}`,
      true,
    ]),
  );
  for (const enrollment of enrollments) {
    const where = `enrolment ${enrollment.id}`;
    const { certificate, completedAt } = enrollment;
    if (certificate && !completedAt) problems.push(`${where}: a certificate without completion`);
    if (certificate && certificate.userId !== enrollment.userId) problems.push(`${where}: certificate of another person`);
    if (certificate && completedAt && certificate.issuedAt.getTime() !== completedAt.getTime())
      problems.push(`${where}: certificate not issued at completion`);
    for (const row of enrollment.assignedAs) {
      if (row.userId !== enrollment.userId || row.courseId !== enrollment.courseId || row.cycle !== enrollment.cycle)
        problems.push(`${where}: linked to another person's, course's or cycle's assignment`);
    }
    if (certificate && completedAt) {
      const validity =
        enrollment.assignedAs.map((row) => row.assignment.validityMonths).find((months) => months !== null) ?? null;
      const expected = validity ? certificateExpiry(completedAt, validity, enrollment.user.city.timeZone).getTime() : null;
      if ((certificate.expiresAt?.getTime() ?? null) !== expected) problems.push(`${where}: expiry is not certificateExpiry`);
    }
    const limit = enrollment.course.currentVersion?.quiz?.attemptLimit ?? Infinity;
    if (enrollment.attempts.length > limit) problems.push(`${where}: more attempts than the limit`);
    for (const [index, attempt] of enrollment.attempts.entries()) {
      if (attempt.number !== index + 1) problems.push(`${where}: attempt numbers not 1, 2, 3…`);
      if (attempt.versionId !== enrollment.course.currentVersionId) problems.push(`${where}: attempt not on the current version`);
      if (attempt.submittedAt && attempt.submittedAt.getTime() > now.getTime()) problems.push(`${where}: attempt in the future`);
    }
    const passes = enrollment.attempts.filter((attempt) => attempt.passed);
    if (passes.length > 1) problems.push(`${where}: passed twice`);
    if (completedAt && passes.length > 0 && enrollment.attempts.at(-1)?.passed !== true)
      problems.push(`${where}: an attempt after the pass`);
    if (certificate && passes[0] && certificate.score !== passes[0].score)
      problems.push(`${where}: certificate score is not the pass`);
    for (const lesson of enrollment.lessons) {
      if (!lessonKeys.has(`${enrollment.course.currentVersionId}:${lesson.lessonKey}`)) problems.push(`${where}: unknown lesson`);
      if (lesson.completedAt.getTime() < enrollment.enrolledAt.getTime()) problems.push(`${where}: lesson before enrolment`);
    }
  }
  // A next cycle opens when the previous cycle's certificate window opened, due at its expiry.
  const rows = await db().personAssignment.findMany({
    select: {
      assignmentId: true,
      userId: true,
      cycle: true,
      assignedAt: true,
      dueAt: true,
      assignment: { select: { windowDays: true, city: { select: { timeZone: true } } } },
      enrollment: { select: { certificate: { select: { expiresAt: true } } } },
    },
  });
  const byKey = new Map(rows.map((row) => [`${row.assignmentId}:${row.userId}:${row.cycle}`, row]));
  for (const row of rows.filter((candidate) => candidate.cycle > 1)) {
    const previous = byKey.get(`${row.assignmentId}:${row.userId}:${row.cycle - 1}`);
    const expiry = previous?.enrollment?.certificate?.expiresAt;
    if (!expiry || !row.assignment.windowDays) {
      problems.push(`cycle ${row.cycle} of ${row.userId} without a certificate that expires`);
      continue;
    }
    if (row.dueAt.getTime() !== expiry.getTime()) problems.push(`cycle ${row.cycle} of ${row.userId}: not due at the expiry`);
    const opens = windowOpensAt(expiry, row.assignment.windowDays, row.assignment.city.timeZone);
    if (row.assignedAt.getTime() !== opens.getTime())
      problems.push(`cycle ${row.cycle} of ${row.userId}: not opened with the window`);
  }
  return problems;
}

describe("the demo's year of activity", () => {
  it.each(["madrid", "sao-paulo"])("gives %s a department tree of 2–3 levels that keeps the seeded roots", async (slug) => {
    const city = await cityOf(slug);
    const departments = await db().department.findMany({
      where: { cityId: city.id },
      select: { name: true, depth: true, parentId: true },
    });
    const depths = departments.map((department) => department.depth);
    expect(Math.max(...depths)).toBe(3);
    expect(departments.filter((department) => department.depth > 1).length).toBeGreaterThanOrEqual(8);
    const roots = departments.filter((department) => department.parentId === null).map((department) => department.name);
    const seeded = slug === "madrid" ? ["Servicios Sociales", "Contratación"] : ["Saúde", "Central 156"];
    expect(roots).toEqual(expect.arrayContaining(seeded));
  });

  it.each(["madrid", "sao-paulo"])("gives %s a few hundred people across the tree, with plain names", async (slug) => {
    const city = await cityOf(slug);
    const people = await db().user.findMany({
      where: { cityId: city.id },
      select: { name: true, email: true, department: true },
    });
    expect(people.length).toBeGreaterThanOrEqual(200);
    expect(people.length).toBeLessThanOrEqual(400);
    expect(people.every((person) => person.email.endsWith(`@${slug}.example`))).toBe(true);
    expect(new Set(people.map((person) => person.department?.depth)).size).toBeGreaterThanOrEqual(3);
  });

  it.each(["madrid", "sao-paulo"])(
    "gives %s overdue people, certificates expiring within 60 days and expired ones",
    async (slug) => {
      const city = await cityOf(slug);
      const rows = await db().personAssignment.findMany({
        where: { cityId: city.id },
        select: {
          dueAt: true,
          withdrawnAt: true,
          enrollment: { select: { completedAt: true, _count: { select: { lessons: true, attempts: true } } } },
        },
      });
      const states = rows.map((row) =>
        assignmentState(
          {
            dueAt: row.dueAt,
            withdrawnAt: row.withdrawnAt,
            enrollment: row.enrollment && {
              completedAt: row.enrollment.completedAt,
              started: row.enrollment._count.lessons + row.enrollment._count.attempts > 0,
            },
          },
          now,
        ),
      );
      for (const state of ["overdue", "completed", "in-progress", "not-started"] as const)
        expect(states.filter((candidate) => candidate === state).length, state).toBeGreaterThanOrEqual(10);
      const certificates = await db().certificate.findMany({
        where: { cityId: city.id },
        select: { expiresAt: true, revokedAt: true },
      });
      expect(certificates.filter((certificate) => certificateIsExpiring(certificate, now, 60)).length).toBeGreaterThanOrEqual(3);
      expect(certificates.filter((certificate) => !certificateIsValid(certificate, now)).length).toBeGreaterThanOrEqual(3);
      expect(await db().personAssignment.count({ where: { cityId: city.id, cycle: 2 } })).toBeGreaterThan(0);
      expect(
        await db().quizAttempt.count({ where: { passed: false, enrollment: { user: { cityId: city.id } } } }),
      ).toBeGreaterThan(20);
    },
  );

  it.each(["madrid", "sao-paulo"])("spreads %s's completions over at least 40 weeks of the past year", async (slug) => {
    const city = await cityOf(slug);
    const completed = await db().enrollment.findMany({
      where: { user: { cityId: city.id }, completedAt: { gte: new Date(now.getTime() - 365 * DAY) } },
      select: { completedAt: true },
    });
    expect(new Set(completed.map((row) => isoWeekIn(row.completedAt!, city.timeZone))).size).toBeGreaterThanOrEqual(40);
  });

  it("writes every row consistently with the product's rules", async () => {
    expect(await inconsistencies()).toEqual([]);
  });

  it("lets a generated learner's pages render their attempts and dashboard", async () => {
    const attempt = await db().quizAttempt.findFirstOrThrow({
      where: { passed: false, enrollment: { user: { id: { startsWith: "demo" } } } },
      select: { id: true, score: true, enrollment: { select: { userId: true } } },
    });
    const request = new Request("http://localhost/", { headers: { Cookie: await sessionCookie(attempt.enrollment.userId) } });
    const user = (await getCurrentUser(request))!;
    const view = await attemptView(user, attempt.id, "es");
    expect(view).toMatchObject({ state: "failed", result: { score: attempt.score, passed: false } });
    expect(view!.questions.every((question) => question.selected.length > 0 && question.feedback !== null)).toBe(true);
    await expect(learnerDashboard(user, "es")).resolves.toBeTruthy();
  });

  it("leaves the demo accounts as they were and adds a subtree-scoped HR person per demo city", async () => {
    const ana = await db().user.findUniqueOrThrow({
      where: { email: "ana.garcia@madrid.example" },
      select: { _count: { select: { enrollments: true, certificates: true } } },
    });
    expect(ana._count).toEqual({ enrollments: 0, certificates: 0 });
    for (const [email, department] of [
      ["rrhh.sociales@madrid.example", "Servicios Sociales"],
      ["rh.saude@sao-paulo.example", "Saúde"],
    ]) {
      const grant = await db().roleGrant.findFirstOrThrow({
        where: { user: { email }, role: "HR" },
        select: { department: { select: { name: true, parentId: true } } },
      });
      expect(grant.department).toEqual({ name: department, parentId: null });
    }
    expect(demoAccounts.filter((account) => account.hrDepartment).length).toBe(2);
  });

  it("adds nothing when the seed runs again", async () => {
    const before = await rowCounts(["Session"]);
    await seedCities({ demo: true });
    expect(await seedDemoAccounts()).toBe(false);
    await seedDemoLearning();
    expect(await seedDemoActivity(process.env.DATABASE_URL!, new Date())).toBe(false);
    expect(await rowCounts(["Session"])).toEqual(before);
  });
});

describe("the benchmark's generator at a small scale", () => {
  it("writes 2 000 learners over the network, the largest city 30 %, every row consistent", async () => {
    const written = await seedNetworkActivity(process.env.DATABASE_URL!, { learners: 2000, now, seed: 5, tag: "bt" });
    const generated = { id: { startsWith: "bt" } };
    expect(written.User).toBe(2000);
    expect(await db().user.count({ where: generated })).toBe(2000);
    expect(await db().user.count({ where: { ...generated, city: { slug: "ciudad-de-mexico" } } })).toBe(600);
    expect(await db().personAssignment.count({ where: generated })).toBe(written.PersonAssignment);
    expect(await db().enrollment.count({ where: generated })).toBe(written.Enrollment);
    expect(await db().lessonProgress.count({ where: generated })).toBe(written.LessonProgress);
    expect(await db().quizAttempt.count({ where: generated })).toBe(written.QuizAttempt);
    expect(await db().certificate.count({ where: generated })).toBe(written.Certificate);
    // About 1.5 assignments or enrolments per learner, on 7 courses.
    const voluntary = await db().enrollment.count({ where: { ...generated, assignedAs: { none: {} } } });
    const perLearner = (written.PersonAssignment + voluntary) / 2000;
    expect(perLearner).toBeGreaterThan(1.2);
    expect(perLearner).toBeLessThan(2);
    const courses = await db().enrollment.groupBy({ by: ["courseId"], where: generated });
    expect(courses.length).toBe(7);
    expect(await inconsistencies()).toEqual([]);
  });

  it("gives every generated graded attempt the item-analysis rows grading writes, and counts equal to those rows", async () => {
    const generated = { id: { startsWith: "bt" }, submittedAt: { not: null } };
    expect(await db().quizAttempt.count({ where: { ...generated, answers: { none: {} } } })).toBe(0);
    // The count tables item analysis reads, as the generator added them, agree with the rows, version by
    // version (checked before the backfill below, which rebuilds the counts of the versions it fills).
    const canonical = (groups: readonly object[]) => groups.map((group) => JSON.stringify(Object.entries(group).sort())).sort();
    const versions = await db().quizAttempt.findMany({ where: generated, distinct: ["versionId"], select: { versionId: true } });
    expect(versions.length).toBe(7);
    for (const { versionId } of versions) {
      const fromRows = answerCounts(await db().questionAnswer.findMany({ where: { versionId } }));
      const kept = await readAnswerCounts(versionId);
      expect(canonical(kept.answers)).toEqual(canonical(fromRows.answers));
      expect(canonical(kept.choices)).toEqual(canonical(fromRows.choices));
    }
    // The product's own grader, re-run from the stored snapshots (deploy's backfill), writes the same rows.
    const sample = await db().quizAttempt.findMany({ where: generated, select: { id: true }, orderBy: { id: "asc" }, take: 40 });
    const ids = sample.map((attempt) => attempt.id);
    const rowsOf = () =>
      db().questionAnswer.findMany({ where: { attemptId: { in: ids } }, orderBy: [{ attemptId: "asc" }, { questionId: "asc" }] });
    const written = await rowsOf();
    expect(written.length).toBeGreaterThan(ids.length);
    expect(written.some((row) => row.firstAttempt) && written.some((row) => !row.firstAttempt)).toBe(true);
    await db().questionAnswer.deleteMany({ where: { attemptId: { in: ids } } });
    expect(await backfillQuestionAnswers()).toBe(ids.length);
    expect(await rowsOf()).toEqual(written);
  });
});
