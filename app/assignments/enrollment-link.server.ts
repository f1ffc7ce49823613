/**
 * Person-assignments and enrolments meet here: which cycle a learner's start opens, and the link
 * from their open rows of that course and cycle to the enrolment (written in the enrolment's
 * transaction). The due date's one owner is the row; the certificate's validity comes from the
 * assignments of the rows linked to its enrolment.
 */
import { db, type Prisma } from "~/db.server.ts";
import { cycleToStart } from "./cycle-rule.ts";

type Tx = Prisma.TransactionClient;

/** The cycle a start opens for this person (their latest enrolment's, or the next one an open row asks for). */
export async function cycleForStart(
  userId: string,
  courseId: string,
  latest: { cycle: number; completedAt: Date | null } | null,
) {
  const rows = await db().personAssignment.findMany({
    where: { userId, courseId, withdrawnAt: null, enrollmentId: null },
    select: { cycle: true },
  });
  return cycleToStart(
    latest,
    rows.map((row) => row.cycle),
  );
}

/** Links the person's open, unlinked rows of the course and cycle to the enrolment. */
export async function linkOpenRows(
  tx: Tx,
  enrollment: { id: string; userId: string; courseId: string; cycle: number },
): Promise<number> {
  const linked = await tx.personAssignment.updateMany({
    where: {
      userId: enrollment.userId,
      courseId: enrollment.courseId,
      cycle: enrollment.cycle,
      withdrawnAt: null,
      enrollmentId: null,
    },
    data: { enrollmentId: enrollment.id },
  });
  return linked.count;
}

/** The certificate validity of an enrolment: the shortest of its linked rows' assignments (null: none). */
export function validityOf(rows: ReadonlyArray<{ assignment: { validityMonths: number | null } }>): number | null {
  const months = rows.flatMap((row) => (row.assignment.validityMonths ? [row.assignment.validityMonths] : []));
  return months.length > 0 ? Math.min(...months) : null;
}
