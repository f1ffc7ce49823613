/**
 * HR test data written row by row: a person-assignment with a chosen due date, an enrolment with
 * lessons, attempts, completion and a certificate. Exact states for list, filter and export tests.
 */
import { randomBytes } from "node:crypto";
import { endOfDayIn, calendarDayIn } from "~/assignments/cycle-dates.ts";
import { db } from "~/db.server.ts";

const DAY = 86_400_000;

/** The end of the calendar day `days` from now in the time zone (negative: in the past). */
export function dayEnd(days: number, timeZone = "Europe/Madrid", from = new Date()): Date {
  return endOfDayIn(calendarDayIn(new Date(from.getTime() + days * DAY), timeZone), timeZone);
}

export interface RecordOptions {
  userId: string;
  courseKey: string;
  dueAt: Date;
  withdrawn?: boolean;
  /** Without: no enrolment at all. */
  enrolment?: {
    lessons?: number;
    attempts?: Array<{ score: number; passed: boolean }>;
    completedAt?: Date;
    certificate?: { expiresAt: Date | null; revokedAt?: Date | null };
  };
}

/** One assignment of a course to one person, and what that person did with it. */
export async function recordAssignment(
  options: RecordOptions,
): Promise<{ personAssignmentId: string; enrollmentId: string | null }> {
  const user = await db().user.findUniqueOrThrow({ where: { id: options.userId }, select: { cityId: true, name: true } });
  const course = await db().course.findUniqueOrThrow({
    where: { key: options.courseKey },
    select: { id: true, currentVersionId: true, currentVersion: { select: { lessons: { select: { key: true } } } } },
  });
  return db().$transaction(async (tx) => {
    const assignment = await tx.assignment.create({
      data: { cityId: user.cityId, courseId: course.id, dueAt: options.dueAt, targets: { create: [{ userId: options.userId }] } },
      select: { id: true },
    });
    let enrollmentId: string | null = null;
    const enrolment = options.enrolment;
    if (enrolment) {
      const created = await tx.enrollment.create({
        data: {
          userId: options.userId,
          courseId: course.id,
          completedAt: enrolment.completedAt ?? null,
          lessons: {
            create: (course.currentVersion?.lessons ?? [])
              .slice(0, enrolment.lessons ?? 0)
              .map((lesson) => ({ lessonKey: lesson.key, completedAt: new Date() })),
          },
          attempts: {
            create: (enrolment.attempts ?? []).map((attempt, index) => ({
              versionId: course.currentVersionId!,
              number: index + 1,
              questions: "[]",
              snapshot: "{}",
              startedAt: new Date(Date.now() - DAY),
              submittedAt: new Date(),
              score: attempt.score,
              passed: attempt.passed,
            })),
          },
        },
        select: { id: true },
      });
      enrollmentId = created.id;
      if (enrolment.certificate) {
        await tx.certificate.create({
          data: {
            code: `TST-${randomBytes(6).toString("hex").toUpperCase()}`,
            enrollmentId,
            userId: options.userId,
            cityId: user.cityId,
            holderName: user.name,
            courseTitle: options.courseKey,
            courseVersion: 1,
            score: 90,
            locale: "es",
            citySnapshot: "{}",
            issuedAt: enrolment.completedAt ?? new Date(),
            expiresAt: enrolment.certificate.expiresAt,
            revokedAt: enrolment.certificate.revokedAt ?? null,
          },
        });
      }
    }
    const row = await tx.personAssignment.create({
      data: {
        assignmentId: assignment.id,
        userId: options.userId,
        cityId: user.cityId,
        courseId: course.id,
        assignedAt: new Date(Date.now() - 30 * DAY),
        dueAt: options.dueAt,
        enrollmentId,
        withdrawnAt: options.withdrawn ? new Date() : null,
      },
      select: { id: true },
    });
    return { personAssignmentId: row.id, enrollmentId };
  });
}
