/** Open person-assignments: the states of app/reports/status.ts that still ask something of the person. */
import type { Prisma } from "~/db.server.ts";
import { assignmentStateWhere } from "~/reports/status-where.ts";

export function openAssignmentWhere(at: Date): Prisma.PersonAssignmentWhereInput {
  return { OR: (["not-started", "in-progress", "overdue"] as const).map((state) => assignmentStateWhere(state, at)) };
}
