/**
 * A person joins, moves or leaves: their person-assignments follow, inside the caller's
 * transaction (the sign-up, the move, the deactivation), so nobody is left half-assigned.
 */
import { now } from "~/clock.server.ts";
import type { Prisma } from "~/db.server.ts";
import { assignmentStateWhere } from "~/reports/status-where.ts";
import { assignmentFactsSelect, coveredPeopleWhere, insertRows, openAssignmentsWhere, rowsFor } from "./people-rows.server.ts";

type Tx = Prisma.TransactionClient;

/** Open rows that are not completed: the ones a leave, a withdrawal or an archive withdraws. */
export function openUncompletedWhere(at: Date): Prisma.PersonAssignmentWhereInput {
  return { withdrawnAt: null, NOT: assignmentStateWhere("completed", at) };
}

/**
 * Brings one person's rows in line with the assignments that cover them now: a row for each open
 * assignment that covers them and has none (a row they left earlier, uncompleted, is given back),
 * and each open, uncompleted row of an assignment that no longer covers them is withdrawn
 * (completed rows stay as history). A deactivated person is covered by nothing.
 * Returns how many rows were added and withdrawn.
 */
export async function assignOnJoinOrMove(tx: Tx, userId: string): Promise<{ added: number; withdrawn: number }> {
  const at = now();
  const person = await tx.user.findUnique({ where: { id: userId }, select: { cityId: true } });
  if (!person) return { added: 0, withdrawn: 0 };
  const assignments = await tx.assignment.findMany({ where: openAssignmentsWhere(person.cityId), select: assignmentFactsSelect });
  const covering: typeof assignments = [];
  for (const assignment of assignments) {
    const covered = await tx.user.count({ where: { id: userId, ...coveredPeopleWhere(person.cityId, assignment.targets) } });
    if (covered > 0) covering.push(assignment);
  }
  const coveringIds = covering.map((assignment) => assignment.id);
  const withdrawn = await tx.personAssignment.updateMany({
    where: { userId, assignmentId: { notIn: coveringIds }, ...openUncompletedWhere(at) },
    data: { withdrawnAt: at },
  });
  let added = 0;
  if (covering.length > 0) {
    const given = await tx.personAssignment.updateMany({
      where: {
        userId,
        assignmentId: { in: coveringIds },
        withdrawnAt: { not: null },
        NOT: assignmentStateWhere("completed", at),
      },
      data: { withdrawnAt: null },
    });
    added += given.count;
    const existing = new Set(
      (
        await tx.personAssignment.findMany({
          where: { userId, assignmentId: { in: coveringIds } },
          select: { assignmentId: true },
        })
      ).map((row) => row.assignmentId),
    );
    for (const { city, targets: _targets, ...assignment } of covering) {
      if (existing.has(assignment.id)) continue;
      const facts = { ...assignment, timeZone: city.timeZone };
      added += await insertRows(tx, facts, await rowsFor(tx, facts, [userId], at), at);
    }
  }
  return { added, withdrawn: withdrawn.count };
}
