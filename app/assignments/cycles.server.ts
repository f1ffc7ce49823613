/**
 * Recertification: a completed row of an assignment with a validity V and a window W, whose
 * certificate is still valid, opens the next cycle once the window has opened
 * (`windowOpensAt(expiry, W)` ≤ now): a row for cycle + 1 due at the certificate's expiry. The old
 * certificate stays valid until it expires. Idempotent (the unique index on assignment, person
 * and cycle); called by the learner's dashboard reconcile and by the hourly reminders job.
 */
import { now as clockNow } from "~/clock.server.ts";
import { db, type Prisma } from "~/db.server.ts";
import { validCertificateWhere } from "~/reports/status-where.ts";
import { windowOpensAt } from "./cycle-dates.ts";
import { WINDOW_DAYS } from "./assignment-input.ts";
import { coveredPeopleWhere, FILL_BATCH, insertRows, openAssignmentsWhere, targetFactsSelect } from "./people-rows.server.ts";

const DAY = 86_400_000;

export async function openRecertificationCycles(now: Date, where: { cityId?: string; userId?: string } = {}): Promise<number> {
  const candidates: Prisma.PersonAssignmentWhereInput = {
    ...(where.cityId ? { cityId: where.cityId } : {}),
    ...(where.userId ? { userId: where.userId } : {}),
    withdrawnAt: null,
    user: { active: true },
    assignment: { ...openAssignmentsWhere(where.cityId), validityMonths: { not: null }, windowDays: { not: null } },
    // Valid, and expiring within the longest window there can be: the exact window is checked below.
    enrollment: {
      completedAt: { not: null },
      certificate: {
        ...validCertificateWhere(now),
        expiresAt: { gt: now, lte: new Date(now.getTime() + (WINDOW_DAYS.max + 1) * DAY) },
      },
    },
  };
  let opened = 0;
  let after: string | null = null;
  for (;;) {
    const rows: Array<Row> = await db().personAssignment.findMany({
      where: after ? { AND: [candidates, { id: { gt: after } }] } : candidates,
      orderBy: { id: "asc" },
      take: FILL_BATCH,
      select: rowSelect,
    });
    if (rows.length === 0) return opened;
    after = rows.at(-1)!.id;
    opened += await openFor(rows, now);
  }
}

const rowSelect = {
  id: true,
  userId: true,
  cycle: true,
  cityId: true,
  courseId: true,
  assignmentId: true,
  assignment: { select: { windowDays: true, city: { select: { timeZone: true } }, targets: { select: targetFactsSelect } } },
  enrollment: { select: { certificate: { select: { expiresAt: true } } } },
} as const;

type Row = Prisma.PersonAssignmentGetPayload<{ select: typeof rowSelect }>;

async function openFor(rows: Row[], now: Date): Promise<number> {
  const due = rows.flatMap((row) => {
    const expiresAt = row.enrollment?.certificate?.expiresAt;
    const windowDays = row.assignment.windowDays;
    if (!expiresAt || !windowDays) return [];
    return windowOpensAt(expiresAt, windowDays, row.assignment.city.timeZone).getTime() <= now.getTime()
      ? [{ row, expiresAt }]
      : [];
  });
  let opened = 0;
  const byAssignment = new Map<string, typeof due>();
  for (const item of due) byAssignment.set(item.row.assignmentId, [...(byAssignment.get(item.row.assignmentId) ?? []), item]);
  for (const [assignmentId, items] of byAssignment) {
    const { cityId, courseId, assignment } = items[0]!.row;
    // Only people the assignment still covers: someone who moved out keeps their history, nothing more.
    const covered = new Set(
      (
        await db().user.findMany({
          where: { id: { in: items.map((item) => item.row.userId) }, ...coveredPeopleWhere(cityId, assignment.targets) },
          select: { id: true },
        })
      ).map((person) => person.id),
    );
    const facts = { id: assignmentId, cityId, courseId };
    const next = items
      .filter((item) => covered.has(item.row.userId))
      .map((item) => ({ userId: item.row.userId, cycle: item.row.cycle + 1, dueAt: item.expiresAt, enrollmentId: null }));
    opened += await insertRows(db(), facts, next, now);
  }
  return opened;
}

/** The learner's dashboard reconcile: opens the person's recertification cycles that are due now. */
export async function reconcileLearnerAssignments(userId: string): Promise<number> {
  return openRecertificationCycles(clockNow(), { userId });
}
