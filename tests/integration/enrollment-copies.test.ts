/**
 * What database triggers keep (decisions 044, 045, 046), whatever writes: an enrolment's `startedAt` is
 * its first lesson completed or first quiz attempt started, whichever came first; its best passing
 * score and first submitted attempt (when, whether it passed) are those of its attempts; a
 * person-assignment's `completedAt` and `startedAt` are its enrolment's. Random sequences of what
 * the app, raw batched inserts and erasure do (rows inserted with or without a link, linked later,
 * unlinked; enrolments completed, reopened and deleted; lessons and attempts added, moved and
 * removed; attempts inserted graded, graded, ungraded and renumbered), after which every copy equals what it is computed from here, on both databases. Then
 * the same through the app's own start and grading.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db, Prisma } from "~/db.server.ts";
import { enroll } from "~/learning/enrollments.server.ts";
import { assignmentStateWhere } from "~/reports/status-where.ts";
import { createUser } from "../support/factories.ts";
import { completeSampleCourse, currentUserFor, importSampleCourse, SAMPLE_COURSE } from "../support/learning.ts";

const DAY = 86_400_000;

const operation = fc.oneof(
  fc.record({ kind: fc.constant("enrol" as const), complete: fc.boolean() }),
  fc.record({ kind: fc.constant("row" as const), enrolment: fc.nat(), linked: fc.boolean(), raw: fc.boolean() }),
  fc.record({ kind: fc.constant("link" as const), row: fc.nat(), enrolment: fc.nat() }),
  fc.record({ kind: fc.constant("unlink" as const), row: fc.nat() }),
  fc.record({ kind: fc.constant("complete" as const), enrolment: fc.nat(), done: fc.boolean() }),
  fc.record({ kind: fc.constant("delete" as const), enrolment: fc.nat() }),
  fc.record({
    kind: fc.constant("lesson" as const),
    enrolment: fc.nat(),
    daysAgo: fc.integer({ min: 0, max: 60 }),
    raw: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant("attempt" as const),
    enrolment: fc.nat(),
    daysAgo: fc.integer({ min: 0, max: 60 }),
    // Inserted already graded, as the seeds write attempts (plain SQL).
    graded: fc.option(fc.record({ score: fc.integer({ min: 0, max: 100 }), passed: fc.boolean() }), { nil: null }),
  }),
  fc.record({
    kind: fc.constant("grade" as const),
    attempt: fc.nat(),
    daysAgo: fc.integer({ min: 0, max: 60 }),
    score: fc.integer({ min: 0, max: 100 }),
    passed: fc.boolean(),
    // A submission withdrawn again (only tests do that; the triggers must not care).
    clear: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("renumber" as const), attempt: fc.nat() }),
  fc.record({ kind: fc.constant("moveLesson" as const), lesson: fc.nat(), daysAgo: fc.integer({ min: 0, max: 60 }) }),
  fc.record({ kind: fc.constant("removeLesson" as const), lesson: fc.nat() }),
  fc.record({ kind: fc.constant("removeAttempt" as const), attempt: fc.nat() }),
);

async function courseAndCity() {
  const course = await db().course.findUniqueOrThrow({
    where: { key: "ai-fundamentals" },
    select: { id: true, currentVersionId: true },
  });
  const city = await db().city.findUniqueOrThrow({ where: { slug: "madrid" }, select: { id: true } });
  return { courseId: course.id, versionId: course.currentVersionId!, cityId: city.id };
}

const time = (date: Date | null | undefined) => date?.getTime() ?? null;

/** Enrolments whose start is not their first lesson or attempt, computed here from their rows. */
async function startsDisagree(enrollmentIds: string[]) {
  const enrolments = await db().enrollment.findMany({
    where: { id: { in: enrollmentIds } },
    select: { id: true, startedAt: true, lessons: { select: { completedAt: true } }, attempts: { select: { startedAt: true } } },
  });
  return enrolments.filter((enrolment) => {
    const starts = [...enrolment.lessons.map((lesson) => lesson.completedAt), ...enrolment.attempts.map((a) => a.startedAt)];
    const first = starts.length === 0 ? null : Math.min(...starts.map((date) => date.getTime()));
    return time(enrolment.startedAt) !== first;
  });
}

/** Enrolments whose attempt facts are not those of their submitted attempts, computed here. */
async function attemptFactsDisagree(enrollmentIds: string[]) {
  const enrolments = await db().enrollment.findMany({
    where: { id: { in: enrollmentIds } },
    select: {
      id: true,
      bestPassingScore: true,
      firstSubmittedAt: true,
      firstPassed: true,
      attempts: { select: { number: true, submittedAt: true, score: true, passed: true } },
    },
  });
  return enrolments.filter((enrolment) => {
    const submitted = enrolment.attempts.filter((a) => a.submittedAt !== null).sort((a, b) => a.number - b.number);
    // As SQL's MAX: scores that are null do not count.
    const passing = submitted.filter((a) => a.passed === true && a.score !== null).map((a) => a.score!);
    const best = passing.length === 0 ? null : Math.max(...passing);
    const first = submitted[0] ?? null;
    return (
      enrolment.bestPassingScore !== best ||
      time(enrolment.firstSubmittedAt) !== time(first?.submittedAt) ||
      enrolment.firstPassed !== (first?.passed ?? null)
    );
  });
}

async function copiesDisagree(rowIds: string[]) {
  const rows = await db().personAssignment.findMany({
    where: { id: { in: rowIds } },
    select: { id: true, completedAt: true, startedAt: true, enrollment: { select: { completedAt: true, startedAt: true } } },
  });
  return rows.filter(
    (row) =>
      time(row.completedAt) !== time(row.enrollment?.completedAt) || time(row.startedAt) !== time(row.enrollment?.startedAt),
  );
}

describe("an enrolment's start and a person-assignment's copies of its enrolment's facts", () => {
  it("equal what they are computed from after any sequence of inserts, links, completions, lessons, attempts and deletions", async () => {
    const { courseId, versionId, cityId } = await courseAndCity();
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 12 }), async (operations) => {
        const person = await createUser();
        const assignment = await db().assignment.create({
          data: { cityId, courseId, dueAt: new Date(Date.now() + 30 * DAY) },
          select: { id: true },
        });
        const enrolments: string[] = [];
        const rows: string[] = [];
        const lessons: string[] = [];
        const attempts: string[] = [];
        const ever: string[] = [];
        let cycles = 0;
        let numbers = 0;
        const ago = (days: number) => new Date(Date.now() - days * DAY - Math.floor(Math.random() * 1000));
        const pick = (list: string[], index: number) => (list.length === 0 ? null : list[index % list.length]!);
        for (const step of operations) {
          if (step.kind === "enrol") {
            const created = await db().enrollment.create({
              data: {
                userId: person.id,
                courseId,
                cycle: (cycles += 1),
                completedAt: step.complete ? new Date(Date.now() - DAY) : null,
              },
              select: { id: true },
            });
            enrolments.push(created.id);
            ever.push(created.id);
          } else if (step.kind === "row") {
            const enrollmentId = step.linked ? pick(enrolments, step.enrolment) : null;
            const id = `pa${rows.length}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
            const values = {
              id,
              assignmentId: assignment.id,
              userId: person.id,
              cityId,
              courseId,
              cycle: rows.length + 1,
              assignedAt: new Date(),
              dueAt: new Date(Date.now() + 30 * DAY),
              enrollmentId,
            };
            if (step.raw) {
              // As the batched inserts of assignment fills and seeds write rows: plain SQL.
              await db().$executeRaw(Prisma.sql`
                INSERT INTO "PersonAssignment" ("id", "assignmentId", "userId", "cityId", "courseId", "cycle", "assignedAt", "dueAt", "enrollmentId")
                VALUES (${id}, ${values.assignmentId}, ${values.userId}, ${values.cityId}, ${values.courseId}, ${values.cycle},
                        ${values.assignedAt}, ${values.dueAt}, ${enrollmentId})`);
            } else await db().personAssignment.create({ data: values });
            rows.push(id);
          } else if (step.kind === "link") {
            const row = pick(rows, step.row);
            const enrollmentId = pick(enrolments, step.enrolment);
            if (row && enrollmentId) await db().personAssignment.updateMany({ where: { id: row }, data: { enrollmentId } });
          } else if (step.kind === "unlink") {
            const row = pick(rows, step.row);
            if (row) await db().personAssignment.updateMany({ where: { id: row }, data: { enrollmentId: null } });
          } else if (step.kind === "complete") {
            const enrollmentId = pick(enrolments, step.enrolment);
            if (enrollmentId)
              await db().enrollment.update({ where: { id: enrollmentId }, data: { completedAt: step.done ? new Date() : null } });
          } else if (step.kind === "delete") {
            const enrollmentId = pick(enrolments, step.enrolment);
            if (enrollmentId) {
              await db().enrollment.delete({ where: { id: enrollmentId } });
              enrolments.splice(enrolments.indexOf(enrollmentId), 1);
            }
          } else if (step.kind === "lesson") {
            const enrollmentId = pick(enrolments, step.enrolment);
            if (!enrollmentId) continue;
            const id = `lp${lessons.length}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
            const lessonKey = `lesson-${id}`;
            if (step.raw) {
              await db().$executeRaw(Prisma.sql`
                INSERT INTO "LessonProgress" ("id", "enrollmentId", "lessonKey", "completedAt")
                VALUES (${id}, ${enrollmentId}, ${lessonKey}, ${ago(step.daysAgo)})`);
            } else await db().lessonProgress.create({ data: { id, enrollmentId, lessonKey, completedAt: ago(step.daysAgo) } });
            lessons.push(id);
          } else if (step.kind === "attempt") {
            const enrollmentId = pick(enrolments, step.enrolment);
            if (!enrollmentId) continue;
            if (step.graded) {
              const id = `qa${attempts.length}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
              await db().$executeRaw(Prisma.sql`
                INSERT INTO "QuizAttempt" ("id", "enrollmentId", "versionId", "number", "step", "questions", "snapshot", "startedAt", "submittedAt", "score", "passed")
                VALUES (${id}, ${enrollmentId}, ${versionId}, ${(numbers += 1)}, 0, '[]', '{}', ${ago(step.daysAgo)}, ${ago(step.daysAgo)},
                        ${step.graded.score}, ${step.graded.passed})`);
              attempts.push(id);
              continue;
            }
            const created = await db().quizAttempt.create({
              data: {
                enrollmentId,
                versionId,
                number: (numbers += 1),
                questions: "[]",
                snapshot: "{}",
                startedAt: ago(step.daysAgo),
              },
              select: { id: true },
            });
            attempts.push(created.id);
          } else if (step.kind === "grade") {
            const attempt = pick(attempts, step.attempt);
            if (attempt)
              await db().quizAttempt.updateMany({
                where: { id: attempt },
                data: step.clear
                  ? { submittedAt: null, score: null, passed: null }
                  : { submittedAt: ago(step.daysAgo), score: step.score, passed: step.passed },
              });
          } else if (step.kind === "renumber") {
            // A later number than any: the attempt becomes the enrolment's last.
            const attempt = pick(attempts, step.attempt);
            if (attempt) await db().quizAttempt.updateMany({ where: { id: attempt }, data: { number: (numbers += 1) } });
          } else if (step.kind === "moveLesson") {
            const lesson = pick(lessons, step.lesson);
            if (lesson) await db().lessonProgress.updateMany({ where: { id: lesson }, data: { completedAt: ago(step.daysAgo) } });
          } else if (step.kind === "removeLesson") {
            const lesson = pick(lessons, step.lesson);
            if (lesson) {
              await db().lessonProgress.deleteMany({ where: { id: lesson } });
              lessons.splice(lessons.indexOf(lesson), 1);
            }
          } else {
            const attempt = pick(attempts, step.attempt);
            if (attempt) {
              await db().quizAttempt.deleteMany({ where: { id: attempt } });
              attempts.splice(attempts.indexOf(attempt), 1);
            }
          }
        }
        expect(await startsDisagree(ever)).toEqual([]);
        expect(await attemptFactsDisagree(ever)).toEqual([]);
        expect(await copiesDisagree(rows)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it("follows the learner's start and graded completion through the app", async () => {
    await importSampleCourse();
    const user = await currentUserFor();
    const course = await db().course.findUniqueOrThrow({ where: { key: SAMPLE_COURSE }, select: { id: true } });
    const assignment = await db().assignment.create({
      data: { cityId: user.city.id, courseId: course.id, dueAt: new Date(Date.now() - DAY) },
      select: { id: true },
    });
    const row = await db().personAssignment.create({
      data: {
        assignmentId: assignment.id,
        userId: user.id,
        cityId: user.city.id,
        courseId: course.id,
        assignedAt: new Date(Date.now() - 10 * DAY),
        dueAt: new Date(Date.now() - DAY),
      },
      select: { id: true },
    });
    const copy = () =>
      db().personAssignment.findUniqueOrThrow({
        where: { id: row.id },
        select: { enrollmentId: true, completedAt: true, startedAt: true },
      });
    const overdue = () => db().personAssignment.count({ where: { id: row.id, ...assignmentStateWhere("overdue", new Date()) } });

    const enrollment = await enroll(user, SAMPLE_COURSE);
    expect(await copy()).toEqual({ enrollmentId: enrollment!.id, completedAt: null, startedAt: null });
    expect(await overdue()).toBe(1);

    await completeSampleCourse(user);
    const { completedAt, startedAt } = await db().enrollment.findUniqueOrThrow({
      where: { id: enrollment!.id },
      select: { completedAt: true, startedAt: true },
    });
    expect(completedAt).not.toBeNull();
    // Started at its first lesson, before the quiz that completed it.
    const firstLesson = await db().lessonProgress.findFirstOrThrow({
      where: { enrollmentId: enrollment!.id },
      orderBy: { completedAt: "asc" },
      select: { completedAt: true },
    });
    expect(startedAt).toEqual(firstLesson.completedAt);
    expect(await copy()).toEqual({ enrollmentId: enrollment!.id, completedAt, startedAt });
    expect(await overdue()).toBe(0);
    // The graded attempt that completed it is its first submitted and its best passing one.
    const graded = await db().quizAttempt.findFirstOrThrow({
      where: { enrollmentId: enrollment!.id, submittedAt: { not: null } },
      orderBy: { number: "asc" },
      select: { submittedAt: true, score: true, passed: true },
    });
    expect(graded.passed).toBe(true);
    expect(
      await db().enrollment.findUniqueOrThrow({
        where: { id: enrollment!.id },
        select: { bestPassingScore: true, firstSubmittedAt: true, firstPassed: true },
      }),
    ).toEqual({ bestPassingScore: graded.score, firstSubmittedAt: graded.submittedAt, firstPassed: true });
  });
});
