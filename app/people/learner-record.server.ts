/**
 * A learner's record as HR sees it: assignments and enrolments by course and cycle, lesson
 * progress, attempts, certificates and accommodations. Found only inside the viewer's scope:
 * anyone else (another city, another branch, no such id) is `null`, and the page says 404.
 */
import { db } from "~/db.server.ts";
import type { Locale } from "~/i18n/locales.ts";
import { courseTitles, departmentLabels } from "~/reports/lists.server.ts";
import { scopedPeopleWhere, type HrScope } from "~/reports/scope.server.ts";
import { assignmentState, certificateIsValid, type AssignmentState } from "~/reports/status.ts";

/** A voluntary enrolment has no due date: it is never overdue. */
const NO_DUE_DATE = new Date(8.64e15);

export interface LearnerCycle {
  key: string;
  course: string;
  cycle: number;
  assigned: boolean;
  dueAt: Date | null;
  state: AssignmentState;
  lessonsDone: number;
  lessonsTotal: number;
  attempts: Array<{ number: number; startedAt: Date; submittedAt: Date | null; score: number | null; passed: boolean | null }>;
  certificate: { code: string; issuedAt: Date; expiresAt: Date | null; revokedAt: Date | null; valid: boolean } | null;
}

export interface LearnerRecord {
  id: string;
  name: string;
  email: string;
  active: boolean;
  department: string | null;
  cycles: LearnerCycle[];
  accommodations: Array<{ id: string; kind: string; amount: number; reason: string; course: string | null; createdAt: Date }>;
}

export async function learnerRecord(scope: HrScope, personId: string, now: Date, locale: Locale): Promise<LearnerRecord | null> {
  const person = await db().user.findFirst({
    where: { AND: [{ id: personId }, scopedPeopleWhere(scope)] },
    select: {
      id: true,
      name: true,
      email: true,
      active: true,
      departmentId: true,
      personAssignments: {
        select: { id: true, courseId: true, cycle: true, dueAt: true, withdrawnAt: true, enrollmentId: true },
      },
      enrollments: {
        select: {
          id: true,
          courseId: true,
          cycle: true,
          completedAt: true,
          startedAt: true,
          _count: { select: { lessons: true } },
          attempts: {
            orderBy: { number: "asc" },
            select: { number: true, startedAt: true, submittedAt: true, score: true, passed: true },
          },
          certificate: { select: { code: true, issuedAt: true, expiresAt: true, revokedAt: true } },
          course: { select: { currentVersion: { select: { _count: { select: { lessons: true } } } } } },
        },
      },
      accommodations: {
        orderBy: { createdAt: "desc" },
        select: { id: true, kind: true, amount: true, reason: true, courseId: true, createdAt: true },
      },
    },
  });
  if (!person) return null;
  const [titles, labels] = await Promise.all([courseTitles(locale), departmentLabels(scope.cityId, locale)]);
  const enrollments = new Map(person.enrollments.map((enrollment) => [`${enrollment.courseId}:${enrollment.cycle}`, enrollment]));
  const cycles = new Map<string, LearnerCycle>();
  const cycleOf = (
    key: string,
    courseId: string,
    cycle: number,
    assignment: { dueAt: Date; withdrawnAt: Date | null } | null,
  ): LearnerCycle => {
    const enrollment = enrollments.get(key) ?? null;
    // The enrolment's start is kept by the database (decision 045): a first lesson or attempt.
    const facts = enrollment ? { completedAt: enrollment.completedAt, started: enrollment.startedAt !== null } : null;
    const state = assignmentState(
      { dueAt: assignment?.dueAt ?? NO_DUE_DATE, withdrawnAt: assignment?.withdrawnAt ?? null, enrollment: facts },
      now,
    );
    const certificate = enrollment?.certificate ?? null;
    return {
      key,
      course: titles.get(courseId) ?? "",
      cycle,
      assigned: assignment !== null,
      dueAt: assignment?.dueAt ?? null,
      state,
      lessonsDone: enrollment?._count.lessons ?? 0,
      lessonsTotal: enrollment?.course.currentVersion?._count.lessons ?? 0,
      attempts: enrollment?.attempts ?? [],
      certificate: certificate ? { ...certificate, valid: certificateIsValid(certificate, now) } : null,
    };
  };
  for (const row of person.personAssignments) {
    const key = `${row.courseId}:${row.cycle}`;
    // Of two rows for one course and cycle (withdrawn and reassigned), the open one is shown.
    if (cycles.has(key) && row.withdrawnAt) continue;
    cycles.set(key, cycleOf(key, row.courseId, row.cycle, row));
  }
  for (const enrollment of person.enrollments) {
    const key = `${enrollment.courseId}:${enrollment.cycle}`;
    if (!cycles.has(key)) cycles.set(key, cycleOf(key, enrollment.courseId, enrollment.cycle, null));
  }
  const collator = new Intl.Collator(locale);
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    active: person.active,
    department: person.departmentId ? (labels.get(person.departmentId) ?? null) : null,
    cycles: [...cycles.values()].sort((a, b) => collator.compare(a.course, b.course) || a.cycle - b.cycle),
    accommodations: person.accommodations.map((row) => ({
      id: row.id,
      kind: row.kind,
      amount: row.amount,
      reason: row.reason,
      course: row.courseId ? (titles.get(row.courseId) ?? null) : null,
      createdAt: row.createdAt,
    })),
  };
}
