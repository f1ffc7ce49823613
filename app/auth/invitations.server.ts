/** Invitation links: a city admin invites a person for a role and department. */
import type { z } from "zod";
import { audit } from "~/audit/audit.server.ts";
import { activeDepartmentsWhere } from "~/cities/departments.server.ts";
import { db } from "~/db.server.ts";
import { appUrl } from "~/env.server.ts";
import { now } from "~/clock.server.ts";
import type { CurrentUser } from "./guards.server.ts";
import { hashToken, newToken } from "./tokens.server.ts";
import type { invitationSchema } from "./validation.ts";

export const INVITATION_DAYS = 14;

export type InvitationStatus = "pending" | "accepted" | "expired";

export function invitationStatus(invitation: { acceptedAt: Date | null; expiresAt: Date }, at: Date): InvitationStatus {
  if (invitation.acceptedAt) return "accepted";
  return invitation.expiresAt <= at ? "expired" : "pending";
}

export async function createInvitation(
  admin: CurrentUser,
  input: z.infer<typeof invitationSchema>,
): Promise<{ ok: true; link: string } | { ok: false; field: "department" }> {
  let departmentId: string | null = null;
  if (input.department) {
    // The department must be one of the admin's own city.
    const department = await db().department.findFirst({
      where: { id: input.department, ...activeDepartmentsWhere(admin.city.id) },
      select: { id: true },
    });
    if (!department) return { ok: false, field: "department" };
    departmentId = department.id;
  }
  const { token, tokenHash } = newToken();
  // The invitation and its audit entry are written together, or neither is.
  await db().$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: {
        tokenHash,
        cityId: admin.city.id,
        departmentId,
        role: input.role === "LEARNER" ? null : input.role,
        email: input.email || null,
        createdById: admin.id,
        expiresAt: new Date(now().getTime() + INVITATION_DAYS * 86_400_000),
      },
      select: { id: true },
    });
    await audit(
      {
        cityId: admin.city.id,
        actorId: admin.id,
        action: "invitation.create",
        targetType: "Invitation",
        targetId: created.id,
        details: { role: input.role },
      },
      tx,
    );
  });
  return { ok: true, link: `${appUrl()}/signup?invitation=${encodeURIComponent(token)}` };
}

export async function listInvitations(cityId: string) {
  const at = now();
  const rows = await db().invitation.findMany({
    where: { cityId },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: {
      id: true,
      email: true,
      role: true,
      createdAt: true,
      expiresAt: true,
      acceptedAt: true,
      department: { select: { name: true } },
    },
  });
  return rows.map((row) => ({ ...row, status: invitationStatus(row, at) }));
}

/** The city, department and role an invitation link offers, when it can still be used. */
export async function findUsableInvitation(token: string) {
  const invitation = await db().invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      email: true,
      role: true,
      acceptedAt: true,
      expiresAt: true,
      city: { select: { name: true } },
      department: { select: { id: true, name: true } },
      cityId: true,
    },
  });
  if (!invitation || invitationStatus(invitation, now()) !== "pending") return null;
  return invitation;
}
