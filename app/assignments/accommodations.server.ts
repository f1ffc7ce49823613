/**
 * Accommodations: stored, granted and read (rules in accommodations.ts). HR grants them to a person
 * in its scope; each grant is audited with its reason in the same transaction, and a later due date
 * moves that person-assignment's due date (and its enrolment's) with a conditional write.
 */
import { audit } from "~/audit/audit.server.ts";
import type { CurrentUser } from "~/auth/guards.server.ts";
import { visibleCoursesWhere } from "~/courses/visibility.ts";
import { db } from "~/db.server.ts";
import type { Locale } from "~/i18n/locales.ts";
import type { FieldErrors } from "~/forms/parse-form.ts";
import { scopedPeopleWhere, type HrScope } from "~/reports/scope.server.ts";
import { now } from "~/clock.server.ts";
import { quizExtras, type AccommodationGrant, type QuizExtras } from "./accommodations.ts";
import { courseTitleIn, titledCourseSelect } from "./course-title.ts";
import { dueAfterDays } from "./cycle-dates.ts";
import { openAssignmentWhere } from "./open-rows.ts";

/** What a learner's accommodations add to one course's quiz (read when the quiz page opens and an attempt starts). */
export async function quizExtrasFor(userId: string, courseId: string): Promise<QuizExtras> {
  const granted = await db().accommodation.findMany({
    where: { userId, OR: [{ kind: "EXTRA_ATTEMPTS", courseId }, { kind: "EXTRA_TIME" }] },
    select: { kind: true, amount: true, courseId: true, createdAt: true },
  });
  return quizExtras(granted, courseId);
}

function findPersonInScope(scope: HrScope, personId: string) {
  return db().user.findFirst({
    where: { id: personId, ...scopedPeopleWhere(scope) },
    select: { id: true, name: true, email: true, department: { select: { name: true } } },
  });
}

/** A person-assignment still open (not withdrawn, not completed): its due date may be moved. */
function openRowsWhere(personId: string, cityId: string) {
  return { userId: personId, cityId, ...openAssignmentWhere(now()) };
}

/** Courses whose quiz limits attempts: the ones extra attempts mean something for. */
function limitedQuizCoursesWhere(cityId: string) {
  return { ...visibleCoursesWhere(cityId), currentVersion: { quiz: { attemptLimit: { not: null } } } };
}

/** The accommodations page: the person, what they were granted, and what each form can be about. Null outside the scope. */
export async function accommodationsOf(scope: HrScope, personId: string, locale: Locale) {
  const person = await findPersonInScope(scope, personId);
  if (!person) return null;
  const [granted, rows, courses] = await Promise.all([
    db().accommodation.findMany({
      where: { userId: person.id },
      orderBy: { createdAt: "desc" },
      select: {
        id: true,
        kind: true,
        amount: true,
        reason: true,
        courseId: true,
        personAssignmentId: true,
        createdAt: true,
        createdById: true,
      },
    }),
    db().personAssignment.findMany({
      where: { userId: person.id, cityId: scope.cityId },
      orderBy: { dueAt: "asc" },
      select: {
        id: true,
        cycle: true,
        dueAt: true,
        withdrawnAt: true,
        enrollment: { select: { completedAt: true } },
        assignment: { select: { course: { select: titledCourseSelect } } },
      },
    }),
    db().course.findMany({
      where: limitedQuizCoursesWhere(scope.cityId),
      orderBy: { key: "asc" },
      select: { id: true, ...titledCourseSelect },
    }),
  ]);
  const grantorIds = [...new Set(granted.flatMap((row) => (row.createdById ? [row.createdById] : [])))];
  const grantors = new Map(
    (await db().user.findMany({ where: { id: { in: grantorIds } }, select: { id: true, name: true } })).map((user) => [
      user.id,
      user.name,
    ]),
  );
  const courseTitles = new Map(courses.map((course) => [course.id, courseTitleIn(course, locale)]));
  const rowTitles = new Map(
    rows.map((row) => [row.id, { course: courseTitleIn(row.assignment.course, locale), cycle: row.cycle }]),
  );
  const missingCourseIds = granted.flatMap((row) => (row.courseId && !courseTitles.has(row.courseId) ? [row.courseId] : []));
  for (const course of await db().course.findMany({
    where: { id: { in: missingCourseIds } },
    select: { id: true, ...titledCourseSelect },
  }))
    courseTitles.set(course.id, courseTitleIn(course, locale));
  return {
    person: { id: person.id, name: person.name, email: person.email, department: person.department?.name ?? null },
    granted: granted.map((row) => ({
      id: row.id,
      kind: row.kind,
      amount: row.amount,
      reason: row.reason,
      createdAt: row.createdAt,
      grantedBy: row.createdById ? (grantors.get(row.createdById) ?? null) : null,
      course: row.courseId ? (courseTitles.get(row.courseId) ?? null) : null,
      row: row.personAssignmentId ? (rowTitles.get(row.personAssignmentId) ?? null) : null,
    })),
    courses: courses.map((course) => ({ id: course.id, title: courseTitles.get(course.id)! })),
    openRows: rows
      .filter((row) => !row.withdrawnAt && !row.enrollment?.completedAt)
      .map((row) => ({ id: row.id, course: rowTitles.get(row.id)!.course, cycle: row.cycle, dueAt: row.dueAt })),
  };
}

export type GrantOutcome =
  | { ok: true; kind: AccommodationGrant["kind"] }
  | { ok: false; status: "not-found" }
  | { ok: false; status: "invalid"; fieldErrors: FieldErrors };

/**
 * Grants one accommodation to a person in HR's scope. A person, course or person-assignment outside
 * the scope (or unknown) is "not found", and nothing is written; the grant, its effect and its audit
 * entry are one transaction.
 */
export async function grantAccommodation(
  actor: CurrentUser,
  scope: HrScope,
  personId: string,
  grant: AccommodationGrant,
): Promise<GrantOutcome> {
  const person = await findPersonInScope(scope, personId);
  if (!person) return { ok: false, status: "not-found" };
  const base = { userId: person.id, kind: grant.kind, amount: grant.amount, reason: grant.reason, createdById: actor.id };
  const entry = (details: Record<string, unknown>) => ({
    cityId: scope.cityId,
    actorId: actor.id,
    action: "accommodation.granted",
    subjectId: person.id,
    details: { kind: grant.kind, amount: grant.amount, reason: grant.reason, ...details },
  });

  if (grant.kind === "EXTRA_TIME") {
    await db().$transaction(async (tx) => {
      await tx.accommodation.create({ data: base });
      await audit(entry({}), tx);
    });
    return { ok: true, kind: grant.kind };
  }

  if (grant.kind === "EXTRA_ATTEMPTS") {
    const course = await db().course.findFirst({
      where: { id: grant.courseId, ...limitedQuizCoursesWhere(scope.cityId) },
      select: { id: true, key: true },
    });
    if (!course)
      return { ok: false, status: "invalid", fieldErrors: { attemptsCourse: "reminders.accommodations.courseRequired" } };
    await db().$transaction(async (tx) => {
      await tx.accommodation.create({ data: { ...base, courseId: course.id } });
      await audit(entry({ courseId: course.id, course: course.key }), tx);
    });
    return { ok: true, kind: grant.kind };
  }

  const row = await db().personAssignment.findFirst({
    where: { id: grant.personAssignmentId, ...openRowsWhere(person.id, scope.cityId) },
    select: { id: true, dueAt: true, enrollmentId: true, courseId: true },
  });
  if (!row) return { ok: false, status: "invalid", fieldErrors: { laterRow: "reminders.accommodations.rowRequired" } };
  const dueAt = dueAfterDays(row.dueAt, grant.amount, scope.timeZone);
  const moved = await db().$transaction(async (tx) => {
    // Conditional: a due date moved meanwhile (another grant, a withdrawal) writes nothing.
    const written = await tx.personAssignment.updateMany({
      where: { id: row.id, dueAt: row.dueAt, withdrawnAt: null },
      data: { dueAt },
    });
    if (written.count !== 1) return false;
    await tx.accommodation.create({ data: { ...base, courseId: row.courseId, personAssignmentId: row.id } });
    await audit(entry({ personAssignmentId: row.id, from: row.dueAt.toISOString(), to: dueAt.toISOString() }), tx);
    return true;
  });
  if (!moved) return { ok: false, status: "invalid", fieldErrors: { laterRow: "reminders.accommodations.rowChanged" } };
  return { ok: true, kind: grant.kind };
}
