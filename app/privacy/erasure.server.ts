/**
 * Erasure (decision 027): a person's name and email are replaced everywhere they are stored, their
 * sessions, password and tokens deleted, their certificates revoked, and their audit pseudonym
 * deleted, in ONE transaction. The User row stays (anonymised, inactive), so relations and
 * past-period figures hold. A person may ask for it from their profile; a city admin (or the
 * retention job) carries it out.
 */
import { readdir, readFile, unlink } from "node:fs/promises";
import path from "node:path";
import { audit } from "~/audit/audit.server.ts";
import { now } from "~/clock.server.ts";
import { db, type Prisma, type Role } from "~/db.server.ts";
import { env } from "~/env.server.ts";
import { personSearchText } from "~/people/search-text.ts";
import { ERASED_NAME, erasedEmail, identifyingStrings, scrubJson, scrubText } from "./identity.ts";

/** The reason an erased person's certificates are revoked with (shown to the city, never to the public). */
export const ERASURE_REVOCATION_REASON = "erased on request";

export type ErasureRefusal = "not-found" | "already-erased" | "last-admin" | "outranks";
export type ErasureOutcome = { ok: true } | { ok: false; reason: ErasureRefusal };

export interface ErasureRequest {
  cityId: string;
  /** The city admin who erases, or null for the retention job and a re-application after a restore. */
  actorId: string | null;
  userId: string;
  /** "restore": an erasure made before a restore, re-applied from the erasure ledger (app/privacy/erasure-ledger.server.ts). */
  via: "admin" | "retention" | "restore";
}

/** Other active, not erased, city admins of the city: erasing the last one would leave the city without one. */
async function otherCityAdmins(client: Prisma.TransactionClient, cityId: string, userId: string): Promise<number> {
  return client.roleGrant.count({
    where: { cityId, role: "CITY_ADMIN", userId: { not: userId }, user: { active: true, erasedAt: null } },
  });
}

/** Roles that only someone who holds them may erase: a city admin manages the city's trainers and HR, not the network. */
const ADMIN_ROLES: readonly Role[] = ["CITY_ADMIN", "NETWORK_ADMIN"];

async function mayErase(client: Prisma.TransactionClient, actorId: string, roles: ReadonlyArray<{ role: Role }>) {
  const held = new Set(
    (await client.roleGrant.findMany({ where: { userId: actorId }, select: { role: true } })).map((grant) => grant.role),
  );
  return roles.every((grant) => !ADMIN_ROLES.includes(grant.role) || held.has(grant.role));
}

/** Erases one person of the city. Irreversible; audited; nothing is written when refused. */
export async function erasePerson(request: ErasureRequest): Promise<ErasureOutcome> {
  const { cityId, userId } = request;
  const at = now();
  const outcome = await db().$transaction(async (tx): Promise<ErasureOutcome & { needles?: string[] }> => {
    const person = await tx.user.findFirst({
      where: { id: userId, cityId },
      select: { name: true, email: true, erasedAt: true, roleGrants: { select: { role: true } } },
    });
    if (!person) return { ok: false, reason: "not-found" };
    if (person.erasedAt) return { ok: false, reason: "already-erased" };
    if (request.actorId && !(await mayErase(tx, request.actorId, person.roleGrants))) return { ok: false, reason: "outranks" };
    // A re-applied erasure was already allowed when it was made: the restored city may have no other admin.
    if (
      request.via !== "restore" &&
      person.roleGrants.some((grant) => grant.role === "CITY_ADMIN") &&
      (await otherCityAdmins(tx, cityId, userId)) === 0
    )
      return { ok: false, reason: "last-admin" };
    const needles = identifyingStrings(person);
    const email = erasedEmail(userId);
    // The conditional write: of two erasures at once, one anonymises and the other writes nothing.
    const claimed = await tx.user.updateMany({
      where: { id: userId, cityId, erasedAt: null },
      data: {
        name: ERASED_NAME,
        email,
        searchText: personSearchText({ name: ERASED_NAME, email }),
        employeeId: null,
        active: false,
        erasedAt: at,
        erasureRequestedAt: null,
      },
    });
    if (claimed.count !== 1) return { ok: false, reason: "already-erased" };
    // What a restore from an older backup re-applies (decision 035): the user id only.
    await tx.erasureLedger.create({ data: { userId, erasedAt: at } });

    const certificates = await tx.certificate.findMany({
      where: { userId },
      select: { id: true, citySnapshot: true, revokedAt: true, revokedReason: true },
    });
    for (const certificate of certificates)
      await tx.certificate.update({
        where: { id: certificate.id },
        data: {
          holderName: ERASED_NAME,
          citySnapshot: scrubJson(certificate.citySnapshot, needles),
          ...(certificate.revokedAt
            ? { revokedReason: certificate.revokedReason === null ? null : scrubText(certificate.revokedReason, needles) }
            : { revokedAt: at, revokedReason: ERASURE_REVOCATION_REASON, revokedById: request.actorId }),
        },
      });

    // Invitations to the address (in any city) lose it; one still open can no longer be used.
    await tx.invitation.updateMany({
      where: { email: person.email, acceptedAt: null, expiresAt: { gt: at } },
      data: { expiresAt: at },
    });
    await tx.invitation.updateMany({ where: { OR: [{ acceptedById: userId }, { email: person.email }] }, data: { email: null } });

    // Free text that may name the person: their notices (and anyone's that mention them), HR's
    // reasons for their accommodations, their activity answers.
    const notices = await tx.notice.findMany({
      where: { OR: [{ userId }, ...needles.map((needle) => ({ params: { contains: needle } }))] },
      select: { id: true, params: true },
    });
    for (const notice of notices) {
      const params = scrubJson(notice.params, needles);
      if (params !== notice.params) await tx.notice.update({ where: { id: notice.id }, data: { params } });
    }
    const accommodations = await tx.accommodation.findMany({ where: { userId }, select: { id: true, reason: true } });
    for (const accommodation of accommodations) {
      const reason = scrubText(accommodation.reason, needles);
      if (reason !== accommodation.reason) await tx.accommodation.update({ where: { id: accommodation.id }, data: { reason } });
    }
    const answers = await tx.activityAnswer.findMany({ where: { enrollment: { userId } }, select: { id: true, answer: true } });
    for (const answer of answers) {
      const scrubbed = scrubJson(answer.answer, needles);
      if (scrubbed !== answer.answer) await tx.activityAnswer.update({ where: { id: answer.id }, data: { answer: scrubbed } });
    }

    // Audited while the pseudonym still exists; then the mapping goes, and no audit row changes.
    await audit(
      {
        cityId,
        actorId: request.actorId,
        action: "privacy.erasure",
        subjectId: userId,
        targetType: "User",
        targetId: userId,
        details: { via: request.via, certificatesRevoked: certificates.filter((c) => !c.revokedAt).length },
      },
      tx,
    );
    await tx.session.deleteMany({ where: { userId } });
    await tx.password.deleteMany({ where: { userId } });
    await tx.passwordReset.deleteMany({ where: { userId } });
    await tx.emailConfirmation.deleteMany({ where: { userId } });
    await tx.roleGrant.deleteMany({ where: { userId } });
    await tx.summarySubscription.deleteMany({ where: { userId } });
    await tx.pseudonym.deleteMany({ where: { userId } });
    return { ok: true, needles };
  });
  if (!outcome.ok) return outcome;
  await forgetOutboxMail(outcome.needles ?? []);
  return { ok: true };
}

/**
 * Mail not sent by SMTP waits as files in the outbox folder (app/mail/mailer.server.ts): the ones
 * that name the person are deleted after the erasure commits (a file is not part of a transaction).
 */
async function forgetOutboxMail(needles: readonly string[]): Promise<void> {
  const { SMTP_URL, OUTBOX_DIR } = env();
  if (SMTP_URL || needles.length === 0) return;
  const files = await readdir(OUTBOX_DIR).catch(() => [] as string[]);
  const lowered = needles.map((needle) => needle.toLowerCase());
  for (const file of files.filter((name) => name.endsWith(".json"))) {
    const full = path.join(OUTBOX_DIR, file);
    const text = (await readFile(full, "utf8").catch(() => "")).toLowerCase();
    if (lowered.some((needle) => text.includes(needle))) await unlink(full).catch(() => undefined);
  }
}

/** A person asks for their erasure (idempotent: a second request changes nothing). */
export async function requestErasure(user: { id: string; cityId: string }): Promise<void> {
  await db().$transaction(async (tx) => {
    const marked = await tx.user.updateMany({
      where: { id: user.id, erasureRequestedAt: null, erasedAt: null },
      data: { erasureRequestedAt: now() },
    });
    if (marked.count === 1)
      await audit({ cityId: user.cityId, actorId: user.id, action: "privacy.erasureRequested", subjectId: user.id }, tx);
  });
}

export async function erasureRequestedAt(userId: string): Promise<Date | null> {
  const row = await db().user.findUnique({ where: { id: userId }, select: { erasureRequestedAt: true } });
  return row?.erasureRequestedAt ?? null;
}

/** The city's open erasure requests, oldest first. */
export async function listErasureRequests(cityId: string) {
  return db().user.findMany({
    where: { cityId, erasureRequestedAt: { not: null }, erasedAt: null },
    orderBy: { erasureRequestedAt: "asc" },
    take: 500,
    select: { id: true, name: true, email: true, erasureRequestedAt: true, department: { select: { name: true } } },
  });
}

/** What the confirmation page tells the admin will happen to this person of the city, or null. */
export async function erasurePreview(cityId: string, userId: string) {
  const person = await db().user.findFirst({
    where: { id: userId, cityId },
    select: {
      id: true,
      name: true,
      email: true,
      erasedAt: true,
      erasureRequestedAt: true,
      roleGrants: { select: { role: true } },
      _count: { select: { enrollments: true, sessions: true, notices: true } },
    },
  });
  if (!person) return null;
  const [certificates, invitations] = await Promise.all([
    db().certificate.count({ where: { userId, revokedAt: null } }),
    db().invitation.count({ where: { OR: [{ acceptedById: userId }, { email: person.email }] } }),
  ]);
  const lastAdmin =
    person.roleGrants.some((grant) => grant.role === "CITY_ADMIN") && (await otherCityAdmins(db(), cityId, userId)) === 0;
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    erased: person.erasedAt !== null,
    requestedAt: person.erasureRequestedAt,
    lastAdmin,
    enrollments: person._count.enrollments,
    sessions: person._count.sessions,
    notices: person._count.notices,
    certificates,
    invitations,
  };
}
