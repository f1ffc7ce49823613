/**
 * The one place RoleGrant rows change for a person who may be signed in (decision 010). A
 * change ends every session of that person in the same transaction, so no session keeps a
 * role that was removed or works on with one it was never shown at login. When people change
 * their own roles, their device gets a new session with `startSession` after the transaction,
 * as after a password change.
 */
import type { Prisma } from "~/db.server.ts";
import type { GrantableRole } from "./roles.ts";
import { deleteUserSessions } from "./session-store.server.ts";

type Tx = Prisma.TransactionClient;

/**
 * Grants a role in the person's city (HR may be limited to a department subtree of that city);
 * returns false (and changes nothing) when it was already held.
 */
export async function grantRole(
  tx: Tx,
  grant: { userId: string; cityId: string; role: GrantableRole; departmentId?: string | null },
): Promise<boolean> {
  const held = await tx.roleGrant.findUnique({
    where: { userId_role: { userId: grant.userId, role: grant.role } },
    select: { id: true },
  });
  if (held) return false;
  if (grant.departmentId && grant.role !== "HR") throw new Error("Only HR grants are limited to a department");
  await tx.roleGrant.create({ data: grant });
  await deleteUserSessions(grant.userId, tx);
  return true;
}

/** Removes a role; returns false (and changes nothing) when it was not held. */
export async function revokeRole(tx: Tx, grant: { userId: string; role: GrantableRole }): Promise<boolean> {
  const removed = await tx.roleGrant.deleteMany({ where: { userId: grant.userId, role: grant.role } });
  if (removed.count === 0) return false;
  await deleteUserSessions(grant.userId, tx);
  return true;
}
