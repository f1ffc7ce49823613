/**
 * A department merged into another: the assignments that targeted it target the other from now
 * on, so the people who move keep being covered and the assignment's history names one live
 * department (decision 024). In the caller's transaction; the rows follow through assignOnJoinOrMove.
 */
import type { Prisma } from "~/db.server.ts";

type Tx = Prisma.TransactionClient;

/** Returns how many assignments were retargeted. */
export async function retargetDepartment(tx: Tx, input: { fromId: string; toId: string }): Promise<number> {
  const moving = await tx.assignmentTarget.findMany({
    where: { departmentId: input.fromId },
    select: { id: true, assignmentId: true, includeSubdepartments: true },
  });
  const assignments = new Set<string>();
  for (const target of moving) {
    assignments.add(target.assignmentId);
    // An assignment that already targets the other department keeps one target, the wider of the two.
    const existing = await tx.assignmentTarget.findFirst({
      where: { assignmentId: target.assignmentId, departmentId: input.toId },
      select: { id: true, includeSubdepartments: true },
    });
    if (existing) {
      if (target.includeSubdepartments && !existing.includeSubdepartments)
        await tx.assignmentTarget.update({ where: { id: existing.id }, data: { includeSubdepartments: true } });
      await tx.assignmentTarget.delete({ where: { id: target.id } });
    } else {
      await tx.assignmentTarget.update({ where: { id: target.id }, data: { departmentId: input.toId } });
    }
  }
  return assignments.size;
}
