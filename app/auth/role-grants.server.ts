/**
 * The one place RoleGrant rows change for a person who may be signed in (decision 010). A
 * change ends every session of that person in the same transaction, so no session keeps a
 * role that was removed or works on with one it was never shown at login. When people change
 * their own roles, their device gets a new session with `startSession` after the transaction,
 * as after a password change.
 *
 * A city always keeps one active city admin (decision 025): taking the role away, or deactivating
 * its holder, is a conditional write that only succeeds while another active admin remains. Run
 * it in a serializable transaction (`serializable` in app/people/staff.server.ts) so that two
 * demotions of the last two admins at once cannot both pass on PostgreSQL either.
 */
import { Prisma } from "~/db.server.ts";
import { openAccountSql } from "./account-status.server.ts";
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

/** SQL: another active person than `userId` holds CITY_ADMIN in the city. The one copy of the rule. */
export function anotherActiveCityAdminSql(cityId: string | Prisma.Sql, userId: string): Prisma.Sql {
  return Prisma.sql`EXISTS (
    SELECT 1 FROM "RoleGrant" other JOIN "User" holder ON holder."id" = other."userId"
    WHERE other."cityId" = ${cityId} AND other."role" = 'CITY_ADMIN' AND other."userId" <> ${userId}
      AND ${openAccountSql("holder")})`;
}

/**
 * Removes a role; returns false (and changes nothing) when it was not held, or when it is the
 * city admin role of the city's last active admin.
 */
export async function revokeRole(tx: Tx, grant: { userId: string; role: GrantableRole }): Promise<boolean> {
  const removed =
    grant.role === "CITY_ADMIN"
      ? await tx.$executeRaw`
          DELETE FROM "RoleGrant" WHERE "userId" = ${grant.userId} AND "role" = 'CITY_ADMIN'
            AND ${anotherActiveCityAdminSql(Prisma.raw('"RoleGrant"."cityId"'), grant.userId)}`
      : (await tx.roleGrant.deleteMany({ where: { userId: grant.userId, role: grant.role } })).count;
  if (removed === 0) return false;
  await deleteUserSessions(grant.userId, tx);
  return true;
}
