/**
 * Mandatory courses: HR (or a city admin) assigns a course to departments, the whole city or named
 * people; the assignment and its targets are one transaction, the people's rows follow in
 * batches (people-rows.server.ts). Listing and the form's choices are scoped (HrScope).
 */
import { z } from "zod";
import { audit } from "~/audit/audit.server.ts";
import type { CurrentUser } from "~/auth/guards.server.ts";
import { activeDepartmentsWhere, subtreeWhere } from "~/cities/departments.server.ts";
import { now } from "~/clock.server.ts";
import { parseLocales, pickLocale, readLocalized } from "~/courses/localized.ts";
import { visibleCoursesWhere } from "~/courses/visibility.ts";
import { db, type Prisma } from "~/db.server.ts";
import type { Locale } from "~/i18n/locales.ts";
import { departmentInScope, scopedPeopleWhere, type HrScope } from "~/reports/scope.server.ts";
import {
  checkAssignmentForm,
  type AssignmentFieldErrors,
  type AssignmentForm,
  type AssignmentRequest,
} from "./assignment-input.ts";
import { endOfDayIn } from "./cycle-dates.ts";
import { openUncompletedWhere } from "./membership.server.ts";
import { fillAssignment } from "./people-rows.server.ts";

/** Courses a city may assign: visible to it, published, not archived. */
function assignableCoursesWhere(cityId: string): Prisma.CourseWhereInput {
  return { ...visibleCoursesWhere(cityId), archivedAt: null };
}

const title = z.string();

function courseTitle(
  course: { sourceLocale: string; currentVersion: { title: string; languages: string } | null },
  locale: Locale,
) {
  if (!course.currentVersion) return "";
  const shown = pickLocale(parseLocales(course.currentVersion.languages), course.sourceLocale, locale);
  return readLocalized(course.currentVersion.title, shown, shown, title);
}

/** What the form offers: assignable courses, the departments in scope (indented by level), whether the whole city may be chosen. */
export async function assignmentFormOptions(scope: HrScope, locale: Locale) {
  const [courses, departments] = await Promise.all([
    db().course.findMany({
      where: assignableCoursesWhere(scope.cityId),
      orderBy: { createdAt: "asc" },
      select: { id: true, sourceLocale: true, currentVersion: { select: { title: true, languages: true } } },
    }),
    db().department.findMany({
      where: { ...activeDepartmentsWhere(scope.cityId), ...(scope.subtree ? subtreeWhere(scope.subtree) : {}) },
      orderBy: { path: "asc" },
      select: { id: true, name: true, depth: true, path: true },
    }),
  ]);
  const top = Math.min(...departments.map((department) => department.depth), Number.MAX_SAFE_INTEGER);
  return {
    courses: courses.map((course) => ({ id: course.id, title: courseTitle(course, locale) })),
    departments: treeOrder(departments).map((department) => ({
      id: department.id,
      name: department.name,
      level: department.depth - top,
    })),
    wholeCityAllowed: scope.subtree === null,
  };
}

/** Parents before children, siblings by name (paths are ids, so their order is not the names'). */
function treeOrder<T extends { id: string; name: string; path: string }>(departments: T[]): T[] {
  const byParent = new Map<string, T[]>();
  const ids = new Set(departments.map((department) => department.id));
  for (const department of departments) {
    const parts = department.path.split("/").filter(Boolean);
    const parent = parts.length > 1 && ids.has(parts.at(-2)!) ? parts.at(-2)! : "";
    byParent.set(parent, [...(byParent.get(parent) ?? []), department]);
  }
  const out: T[] = [];
  const walk = (parent: string) => {
    for (const child of (byParent.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name))) {
      out.push(child);
      walk(child.id);
    }
  };
  walk("");
  return out;
}

export type CreateOutcome =
  { ok: true; id: string; people: number } | { ok: false; fieldErrors: AssignmentFieldErrors; params?: { emails: string } };

/**
 * Creates an assignment after checking what only the database knows: the course (visible to the
 * city, published, not archived), the departments and people (of the city and inside the scope:
 * anything else is "unknown", whatever the reason), the whole city (city-wide HR and admins only).
 * Nothing is written when anything is refused.
 */
export async function createAssignment(actor: CurrentUser, scope: HrScope, request: AssignmentRequest): Promise<CreateOutcome> {
  const fieldErrors: AssignmentFieldErrors = {};
  const course = await db().course.findFirst({
    where: { id: request.courseId, ...assignableCoursesWhere(scope.cityId) },
    select: { id: true },
  });
  if (!course) fieldErrors.course = "assignments.error.course";
  const departmentIds = request.departments.map((department) => department.departmentId);
  const departments = await db().department.findMany({
    where: { id: { in: departmentIds }, ...activeDepartmentsWhere(scope.cityId) },
    select: { id: true, path: true },
  });
  if (departments.length !== departmentIds.length || !departments.every((department) => departmentInScope(scope, department)))
    fieldErrors.departments = "assignments.error.department";
  if (request.wholeCity && scope.subtree) fieldErrors.wholeCity = "assignments.error.wholeCity";
  const people = await db().user.findMany({
    where: { email: { in: request.emails }, active: true, ...scopedPeopleWhere(scope) },
    select: { id: true, email: true },
  });
  const found = new Set(people.map((person) => person.email));
  const unknown = request.emails.filter((email) => !found.has(email));
  if (unknown.length > 0) fieldErrors.emails = "assignments.error.person";
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors, params: { emails: unknown.join(", ") } };

  const at = now();
  const targets: Prisma.AssignmentTargetCreateWithoutAssignmentInput[] = [
    ...(request.wholeCity ? [{}] : []),
    ...request.departments.map((department) => ({
      department: { connect: { id: department.departmentId } },
      includeSubdepartments: department.includeSubdepartments,
    })),
    ...people.map((person) => ({ userId: person.id })),
  ];
  const created = await db().$transaction(async (tx) => {
    const assignment = await tx.assignment.create({
      data: {
        cityId: scope.cityId,
        courseId: request.courseId,
        dueAt: request.due.kind === "date" ? endOfDayIn(request.due.day, scope.timeZone) : null,
        dueDays: request.due.kind === "days" ? request.due.days : null,
        validityMonths: request.validityMonths,
        windowDays: request.windowDays,
        createdById: actor.id,
        createdAt: at,
        targets: { create: targets },
      },
      select: { id: true },
    });
    await audit(
      {
        cityId: scope.cityId,
        actorId: actor.id,
        action: "assignment.create",
        targetType: "Assignment",
        targetId: assignment.id,
        details: {
          courseId: request.courseId,
          departments: request.departments,
          wholeCity: request.wholeCity,
          people: people.length,
          due: request.due,
          validityMonths: request.validityMonths,
          windowDays: request.windowDays,
        },
      },
      tx,
    );
    return assignment;
  });
  const written = await fillAssignment(created.id, at);
  return { ok: true, id: created.id, people: written };
}

/** Assignments HR sees: the city's (city-wide scope), or those reaching the subtree by a target or a person. */
function visibleAssignmentsWhere(scope: HrScope): Prisma.AssignmentWhereInput {
  if (!scope.subtree) return { cityId: scope.cityId };
  return {
    cityId: scope.cityId,
    OR: [
      { targets: { some: { department: subtreeWhere(scope.subtree) } } },
      { people: { some: { user: scopedPeopleWhere(scope) } } },
    ],
  };
}

const listSelect = {
  id: true,
  dueAt: true,
  dueDays: true,
  validityMonths: true,
  windowDays: true,
  createdById: true,
  createdAt: true,
  withdrawnAt: true,
  course: { select: { sourceLocale: true, currentVersion: { select: { title: true, languages: true } } } },
  targets: {
    select: { departmentId: true, includeSubdepartments: true, userId: true, department: { select: { name: true, path: true } } },
  },
} as const;

type Listed = Prisma.AssignmentGetPayload<{ select: typeof listSelect }>;

/** Whether the scope may withdraw it: every target lies inside the scope. */
async function withinScope(scope: HrScope, assignment: Pick<Listed, "targets">): Promise<boolean> {
  if (!scope.subtree) return true;
  const userIds = assignment.targets.flatMap((target) => (target.userId ? [target.userId] : []));
  const departmentsInside = assignment.targets.every(
    (target) => target.userId !== null || (target.department !== null && departmentInScope(scope, target.department)),
  );
  if (!departmentsInside) return false;
  return (await db().user.count({ where: { id: { in: userIds }, ...scopedPeopleWhere(scope) } })) === userIds.length;
}

/** The assignments in scope, newest first: course, whom, due rule, validity and window, people in scope, creator. */
export async function listAssignments(scope: HrScope, locale: Locale) {
  const assignments = await db().assignment.findMany({
    where: visibleAssignmentsWhere(scope),
    orderBy: { createdAt: "desc" },
    take: 200,
    select: listSelect,
  });
  const creatorIds = [...new Set(assignments.flatMap((assignment) => (assignment.createdById ? [assignment.createdById] : [])))];
  const creators = new Map(
    (await db().user.findMany({ where: { id: { in: creatorIds }, cityId: scope.cityId }, select: { id: true, name: true } })).map(
      (user) => [user.id, user.name],
    ),
  );
  return Promise.all(
    assignments.map(async (assignment) => ({
      id: assignment.id,
      course: courseTitle(assignment.course, locale),
      wholeCity: assignment.targets.some((target) => !target.departmentId && !target.userId),
      departments: assignment.targets.flatMap((target) =>
        target.department && departmentInScope(scope, target.department)
          ? [{ name: target.department.name, includeSubdepartments: target.includeSubdepartments }]
          : [],
      ),
      namedPeople: await db().user.count({
        where: {
          id: { in: assignment.targets.flatMap((target) => (target.userId ? [target.userId] : [])) },
          ...scopedPeopleWhere(scope),
        },
      }),
      dueAt: assignment.dueAt,
      dueDays: assignment.dueDays,
      validityMonths: assignment.validityMonths,
      windowDays: assignment.windowDays,
      people: await db().user.count({
        where: { ...scopedPeopleWhere(scope), personAssignments: { some: { assignmentId: assignment.id, withdrawnAt: null } } },
      }),
      createdBy: assignment.createdById ? (creators.get(assignment.createdById) ?? null) : null,
      createdAt: assignment.createdAt,
      withdrawnAt: assignment.withdrawnAt,
      canWithdraw: assignment.withdrawnAt === null && (await withinScope(scope, assignment)),
    })),
  );
}

/** One assignment in scope, for the withdrawal's confirmation step (null: not in scope, or unknown). */
export async function findAssignment(scope: HrScope, assignmentId: string, locale: Locale) {
  const found = await db().assignment.findFirst({
    where: { AND: [{ id: assignmentId }, visibleAssignmentsWhere(scope)] },
    select: listSelect,
  });
  if (!found) return null;
  return {
    id: found.id,
    course: courseTitle(found.course, locale),
    withdrawnAt: found.withdrawnAt,
    canWithdraw: await withinScope(scope, found),
  };
}

export type WithdrawOutcome =
  { ok: true; rows: number } | { ok: false; problem: "assignments.error.notFound" | "assignments.error.outsideScope" };

/**
 * Withdraws an assignment (HR, audited): it and its open, uncompleted rows get withdrawnAt and
 * leave every figure; completed rows stay as history. Withdrawing twice changes nothing.
 */
export async function withdrawAssignment(actor: CurrentUser, scope: HrScope, assignmentId: string): Promise<WithdrawOutcome> {
  const found = await db().assignment.findFirst({
    where: { AND: [{ id: assignmentId }, visibleAssignmentsWhere(scope)] },
    select: { id: true, targets: listSelect.targets },
  });
  if (!found) return { ok: false, problem: "assignments.error.notFound" };
  if (!(await withinScope(scope, found))) return { ok: false, problem: "assignments.error.outsideScope" };
  const at = now();
  const rows = await db().$transaction(async (tx) => {
    const claimed = await tx.assignment.updateMany({
      where: { id: assignmentId, cityId: scope.cityId, withdrawnAt: null },
      data: { withdrawnAt: at, withdrawnById: actor.id },
    });
    if (claimed.count === 0) return 0;
    const withdrawn = await tx.personAssignment.updateMany({
      where: { assignmentId, ...openUncompletedWhere(at) },
      data: { withdrawnAt: at },
    });
    await audit(
      {
        cityId: scope.cityId,
        actorId: actor.id,
        action: "assignment.withdraw",
        targetType: "Assignment",
        targetId: assignmentId,
        details: { rows: withdrawn.count },
      },
      tx,
    );
    return withdrawn.count;
  });
  return { ok: true, rows };
}

/**
 * Archives a course (for the importer and authoring): it can no longer be assigned, and the open,
 * uncompleted rows of its assignments are withdrawn. Completed rows and certificates stay.
 */
export async function archiveCourse(tx: Prisma.TransactionClient, courseId: string): Promise<number> {
  const at = now();
  await tx.course.updateMany({ where: { id: courseId, archivedAt: null }, data: { archivedAt: at } });
  const withdrawn = await tx.personAssignment.updateMany({
    where: { courseId, ...openUncompletedWhere(at) },
    data: { withdrawnAt: at },
  });
  return withdrawn.count;
}

/** The new-assignment form, once parsed: its rules, then the database's checks and the writes. */
export async function assignFromForm(actor: CurrentUser, scope: HrScope, form: AssignmentForm): Promise<CreateOutcome> {
  const checked = checkAssignmentForm(form, { now: now(), timeZone: scope.timeZone });
  if (!checked.ok) return checked;
  return createAssignment(actor, scope, checked.request);
}
