/**
 * A person changes department, or is deactivated: one function each, inside the caller's
 * transaction, so their assignments follow in the same commit (app/assignments/membership.server.ts).
 */
import { assignOnJoinOrMove } from "~/assignments/membership.server.ts";
import { activeDepartmentsWhere } from "~/cities/departments.server.ts";
import { expireAccountLinks } from "~/auth/password-reset.server.ts";
import { anotherActiveCityAdminSql } from "~/auth/role-grants.server.ts";
import { deleteUserSessions } from "~/auth/session-store.server.ts";
import { now } from "~/clock.server.ts";
import type { Prisma } from "~/db.server.ts";

type Tx = Prisma.TransactionClient;

export type DepartmentChange =
  | { ok: true; added: number; withdrawn: number }
  | { ok: false; problem: "person.notFound" | "department.notFound" | "person.lastCityAdmin" };

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

/**
 * Deactivates a person (or reactivates them): their open, uncompleted rows are withdrawn (or given
 * back). Deactivation ends their sessions and uses up their links in the same transaction, and is
 * a conditional write: the city's last active admin is refused (run it in a serializable
 * transaction, see app/auth/role-grants.server.ts).
 */
export async function setPersonActive(tx: Tx, input: { userId: string; active: boolean }): Promise<DepartmentChange> {
  const person = await tx.user.findUnique({ where: { id: input.userId }, select: { cityId: true } });
  if (!person) return { ok: false, problem: "person.notFound" };
  const at = now();
  if (input.active) {
    await tx.user.update({ where: { id: input.userId }, data: { active: true } });
  } else {
    const updated = await tx.$executeRaw`
      UPDATE "User" SET "active" = false, "updatedAt" = ${at}
      WHERE "id" = ${input.userId}
        AND (NOT EXISTS (SELECT 1 FROM "RoleGrant" mine WHERE mine."userId" = ${input.userId} AND mine."role" = 'CITY_ADMIN')
             OR ${anotherActiveCityAdminSql(person.cityId, input.userId)})`;
    if (updated === 0) return { ok: false, problem: "person.lastCityAdmin" };
    await deleteUserSessions(input.userId, tx);
    await expireAccountLinks(tx, input.userId, at);
  }
  return { ok: true, ...(await assignOnJoinOrMove(tx, input.userId)) };
}
