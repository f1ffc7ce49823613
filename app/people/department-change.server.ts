/**
 * A person changes department, or is deactivated: one function each, inside the caller's
 * transaction, so their assignments follow in the same commit (app/assignments/membership.server.ts).
 */
import { assignOnJoinOrMove } from "~/assignments/membership.server.ts";
import { activeDepartmentsWhere } from "~/cities/departments.server.ts";
import type { Prisma } from "~/db.server.ts";

type Tx = Prisma.TransactionClient;

export type DepartmentChange =
  { ok: true; added: number; withdrawn: number } | { ok: false; problem: "person.notFound" | "department.notFound" };

/** Moves a person to a department of their own city (null: no department). */
export async function changeDepartment(
  tx: Tx,
  input: { userId: string; departmentId: string | null },
): Promise<DepartmentChange> {
  const person = await tx.user.findUnique({ where: { id: input.userId }, select: { cityId: true } });
  if (!person) return { ok: false, problem: "person.notFound" };
  if (input.departmentId) {
    const department = await tx.department.findFirst({
      where: { id: input.departmentId, ...activeDepartmentsWhere(person.cityId) },
      select: { id: true },
    });
    if (!department) return { ok: false, problem: "department.notFound" };
  }
  await tx.user.update({ where: { id: input.userId }, data: { departmentId: input.departmentId } });
  return { ok: true, ...(await assignOnJoinOrMove(tx, input.userId)) };
}

/** Deactivates a person (or reactivates them): their open, uncompleted rows are withdrawn (or given back). */
export async function setPersonActive(tx: Tx, input: { userId: string; active: boolean }): Promise<DepartmentChange> {
  const updated = await tx.user.updateMany({ where: { id: input.userId }, data: { active: input.active } });
  if (updated.count === 0) return { ok: false, problem: "person.notFound" };
  return { ok: true, ...(await assignOnJoinOrMove(tx, input.userId)) };
}
