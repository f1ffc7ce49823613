/**
 * A person-assignment's `completedAt` is its enrolment's, kept by database triggers (decision 044)
 * whatever writes: random sequences of what the app, raw batched inserts and erasure do (rows
 * inserted with or without a link, linked later, unlinked, enrolments completed, reopened and
 * deleted), after which every row's copy equals its enrolment's completion, on both databases.
 * Then the same through the app's own start and grading.
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
);

async function courseAndCity() {
  const course = await db().course.findUniqueOrThrow({ where: { key: "ai-fundamentals" }, select: { id: true } });
  const city = await db().city.findUniqueOrThrow({ where: { slug: "madrid" }, select: { id: true } });
  return { courseId: course.id, cityId: city.id };
}

async function copiesDisagree(rowIds: string[]) {
  const rows = await db().personAssignment.findMany({
    where: { id: { in: rowIds } },
    select: { id: true, completedAt: true, enrollment: { select: { completedAt: true } } },
  });
  return rows.filter((row) => (row.completedAt?.getTime() ?? null) !== (row.enrollment?.completedAt?.getTime() ?? null));
}

describe("a person-assignment's copy of its enrolment's completion", () => {
  it("equals the enrolment's after any sequence of inserts, links, completions and deletions", async () => {
    const { courseId, cityId } = await courseAndCity();
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 12 }), async (operations) => {
        const person = await createUser();
        const assignment = await db().assignment.create({
          data: { cityId, courseId, dueAt: new Date(Date.now() + 30 * DAY) },
          select: { id: true },
        });
        const enrolments: string[] = [];
        const rows: string[] = [];
        let cycles = 0;
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
          } else {
            const enrollmentId = pick(enrolments, step.enrolment);
            if (enrollmentId) {
              await db().enrollment.delete({ where: { id: enrollmentId } });
              enrolments.splice(enrolments.indexOf(enrollmentId), 1);
            }
          }
        }
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
      db().personAssignment.findUniqueOrThrow({ where: { id: row.id }, select: { enrollmentId: true, completedAt: true } });
    const overdue = () => db().personAssignment.count({ where: { id: row.id, ...assignmentStateWhere("overdue", new Date()) } });

    const enrollment = await enroll(user, SAMPLE_COURSE);
    expect(await copy()).toEqual({ enrollmentId: enrollment!.id, completedAt: null });
    expect(await overdue()).toBe(1);

    await completeSampleCourse(user);
    const { completedAt } = await db().enrollment.findUniqueOrThrow({
      where: { id: enrollment!.id },
      select: { completedAt: true },
    });
    expect(completedAt).not.toBeNull();
    expect(await copy()).toEqual({ enrollmentId: enrollment!.id, completedAt });
    expect(await overdue()).toBe(0);
  });
});
