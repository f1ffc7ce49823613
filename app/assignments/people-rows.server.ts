/**
 * Person-assignments: who an assignment's targets cover (the one function), the row each person
 * gets (cycle rule, due date) and the batched, idempotent insert of those rows (decision 019).
 */
import { randomUUID } from "node:crypto";
import { db, Prisma } from "~/db.server.ts";
import { cycleForNewRow, type EnrollmentFacts } from "./cycle-rule.ts";
import { dueAfterDays } from "./cycle-dates.ts";

type Tx = Prisma.TransactionClient;

/** Rows per INSERT: each batch is one short statement, so SQLite's write lock is never held long. */
export const FILL_BATCH = 1000;

/** Ids per `IN` list: under SQLite's oldest limit of 999 bound values. */
const IDS_PER_QUERY = 500;

/** Open assignments (of a city, or of every city): not withdrawn, their course not archived. */
export function openAssignmentsWhere(cityId?: string): Prisma.AssignmentWhereInput {
  return { ...(cityId ? { cityId } : {}), withdrawnAt: null, course: { archivedAt: null } };
}

export interface TargetFacts {
  departmentId: string | null;
  includeSubdepartments: boolean;
  userId: string | null;
  department: { path: string } | null;
}

/**
 * The active people of the city an assignment's targets cover: a department (with or without its
 * sub-departments), a named person, or the whole city (a target with neither).
 */
export function coveredPeopleWhere(cityId: string, targets: readonly TargetFacts[]): Prisma.UserWhereInput {
  // A whole-city target covers everyone; said directly, since Prisma matches nothing for `OR: [{}]`.
  if (targets.some((target) => !target.userId && !target.departmentId)) return { cityId, active: true };
  const any: Prisma.UserWhereInput[] = targets.map((target) => {
    if (target.userId) return { id: target.userId };
    if (target.departmentId && target.department)
      return target.includeSubdepartments
        ? { department: { path: { startsWith: target.department.path } } }
        : { departmentId: target.departmentId };
    // A department target whose department is gone covers nobody.
    return { id: { in: [] } };
  });
  return { cityId, active: true, OR: any.length > 0 ? any : [{ id: { in: [] } }] };
}

export const targetFactsSelect = {
  departmentId: true,
  includeSubdepartments: true,
  userId: true,
  department: { select: { path: true } },
} as const;

export interface AssignmentFacts {
  id: string;
  cityId: string;
  courseId: string;
  dueAt: Date | null;
  dueDays: number | null;
  timeZone: string;
}

export const assignmentFactsSelect = {
  id: true,
  cityId: true,
  courseId: true,
  dueAt: true,
  dueDays: true,
  city: { select: { timeZone: true } },
  targets: { select: targetFactsSelect },
} as const;

/** A person's due date on an assignment: the fixed day, or N days after they were assigned. */
export function dueDateFor(assignment: Pick<AssignmentFacts, "dueAt" | "dueDays" | "timeZone">, assignedAt: Date): Date {
  if (assignment.dueAt) return assignment.dueAt;
  return dueAfterDays(assignedAt, assignment.dueDays ?? 0, assignment.timeZone);
}

export interface PersonRow {
  userId: string;
  cycle: number;
  dueAt: Date;
  enrollmentId: string | null;
}

const enrollmentFactsSelect = {
  id: true,
  cycle: true,
  completedAt: true,
  certificate: { select: { expiresAt: true, revokedAt: true } },
} as const;

/** The rows these people get on the assignment now: their enrolments in the course decide the cycle. */
export async function rowsFor(
  client: Tx,
  assignment: AssignmentFacts,
  userIds: readonly string[],
  at: Date,
): Promise<PersonRow[]> {
  if (userIds.length === 0) return [];
  // By lists of ids, each read through the (userId, courseId, cycle) index. A range of ids instead
  // let SQLite read every enrolment of the course for each batch (650 ms a batch at 500 000 learners).
  const enrollments = [];
  for (let index = 0; index < userIds.length; index += IDS_PER_QUERY) {
    enrollments.push(
      ...(await client.enrollment.findMany({
        where: { courseId: assignment.courseId, userId: { in: userIds.slice(index, index + IDS_PER_QUERY) } },
        select: { userId: true, ...enrollmentFactsSelect },
      })),
    );
  }
  const byUser = new Map<string, EnrollmentFacts[]>();
  for (const { userId, ...facts } of enrollments) byUser.set(userId, [...(byUser.get(userId) ?? []), facts]);
  const dueAt = dueDateFor(assignment, at);
  return userIds.map((userId) => ({ userId, dueAt, ...cycleForNewRow(byUser.get(userId) ?? [], at) }));
}

/** One multi-row INSERT; rows that exist (same assignment, person and cycle) are left as they are. */
export async function insertRows(
  client: Tx,
  assignment: Pick<AssignmentFacts, "id" | "cityId" | "courseId">,
  rows: readonly PersonRow[],
  at: Date,
): Promise<number> {
  if (rows.length === 0) return 0;
  const values = rows.map(
    (row) =>
      Prisma.sql`(${randomUUID()}, ${assignment.id}, ${row.userId}, ${assignment.cityId}, ${assignment.courseId}, ${row.cycle}, ${at}, ${row.dueAt}, ${row.enrollmentId})`,
  );
  return client.$executeRaw`
    INSERT INTO "PersonAssignment" ("id", "assignmentId", "userId", "cityId", "courseId", "cycle", "assignedAt", "dueAt", "enrollmentId")
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("assignmentId", "userId", "cycle") DO NOTHING`;
}

export async function assignmentFacts(client: Tx, assignmentId: string) {
  const found = await client.assignment.findUnique({
    where: { id: assignmentId },
    select: { ...assignmentFactsSelect, withdrawnAt: true },
  });
  if (!found) return null;
  const { city, targets, withdrawnAt, ...rest } = found;
  return { facts: { ...rest, timeZone: city.timeZone }, targets, withdrawnAt };
}

/**
 * Writes a row for every person the assignment covers who has none yet, in batches of
 * FILL_BATCH, each its own statement. Idempotent: running it again completes an interrupted fill
 * and writes nothing otherwise. Returns the rows written.
 */
export async function fillAssignment(assignmentId: string, at: Date, batchSize = FILL_BATCH): Promise<number> {
  const found = await assignmentFacts(db(), assignmentId);
  if (!found || found.withdrawnAt) return 0;
  const where: Prisma.UserWhereInput = {
    ...coveredPeopleWhere(found.facts.cityId, found.targets),
    personAssignments: { none: { assignmentId } },
  };
  let written = 0;
  let after: string | null = null;
  for (;;) {
    const people: Array<{ id: string }> = await db().user.findMany({
      where: after ? { AND: [where, { id: { gt: after } }] } : where,
      orderBy: { id: "asc" },
      take: batchSize,
      select: { id: true },
    });
    if (people.length === 0) return written;
    const ids = people.map((person) => person.id);
    written += await insertRows(db(), found.facts, await rowsFor(db(), found.facts, ids, at), at);
    after = ids.at(-1)!;
  }
}

/**
 * Completes every open assignment's fill (of a city, or of all): for the hourly job, so a fill
 * interrupted by a crash is finished without anyone noticing. Returns the rows written.
 */
export async function fillOpenAssignments(at: Date, where: { cityId?: string } = {}): Promise<number> {
  const open = await db().assignment.findMany({
    where: openAssignmentsWhere(where.cityId),
    select: { id: true },
  });
  let written = 0;
  for (const assignment of open) written += await fillAssignment(assignment.id, at);
  return written;
}
