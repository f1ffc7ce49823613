/**
 * A city's first admin (or the first network admin): the person, their role and a one-time link
 * to set the password, valid for 7 days — no password ever passes through a form or a command
 * line. Used by `npm run admin:create` and by the network admin's "new city" page.
 */
import { audit } from "~/audit/audit.server.ts";
import { grantRole } from "~/auth/role-grants.server.ts";
import { hashToken, newToken } from "~/auth/tokens.server.ts";
import { now } from "~/clock.server.ts";
import type { Prisma } from "~/db.server.ts";
import { appUrl } from "~/env.server.ts";
import { personSearchText } from "~/people/search-text.ts";

export const FIRST_ADMIN_LINK_DAYS = 7;

export interface FirstAdminInput {
  cityId: string;
  email: string;
  name: string;
  locale: string;
  role: "CITY_ADMIN" | "NETWORK_ADMIN";
  /** The network admin who asked for it; null from the command line. */
  actorId: string | null;
}

export type FirstAdminResult = { ok: true; userId: string; link: string } | { ok: false; reason: "other-city" };

/**
 * Creates the person (or takes the existing one of the same city), grants the role (which signs
 * an existing person out everywhere), and makes the link. Inside the caller's transaction.
 */
export async function createFirstAdmin(tx: Prisma.TransactionClient, input: FirstAdminInput): Promise<FirstAdminResult> {
  const person = await tx.user.upsert({
    where: { email: input.email },
    create: {
      email: input.email,
      name: input.name,
      searchText: personSearchText({ name: input.name, email: input.email }),
      locale: input.locale,
      cityId: input.cityId,
      emailConfirmedAt: now(),
    },
    update: {},
    select: { id: true, cityId: true },
  });
  if (person.cityId !== input.cityId) return { ok: false, reason: "other-city" };
  await grantRole(tx, { userId: person.id, cityId: input.cityId, role: input.role });
  const { token } = newToken();
  await tx.passwordReset.create({
    data: {
      tokenHash: hashToken(token),
      userId: person.id,
      expiresAt: new Date(now().getTime() + FIRST_ADMIN_LINK_DAYS * 86_400_000),
    },
  });
  await audit(
    { cityId: input.cityId, actorId: input.actorId, action: "admin.create", subjectId: person.id, details: { role: input.role } },
    tx,
  );
  return { ok: true, userId: person.id, link: `${appUrl()}/reset-password/${token}` };
}
