/**
 * The audit log: who did what to whom, for actions a city must be able to account for.
 * Rows are only ever inserted. People are stored as pseudonyms (`Pseudonym`), so erasing a
 * person deletes one mapping row and no audit row has to change.
 */
import { randomBytes } from "node:crypto";
import type { Db } from "~/db.server.ts";
import { db } from "~/db.server.ts";

type Client = Pick<Db, "auditLog" | "pseudonym" | "$executeRaw">;

export interface AuditEntry {
  cityId: string | null;
  /** The user who acted; null for the system (a scheduled job). */
  actorId: string | null;
  action: string;
  /** The person the action was about, if any. */
  subjectId?: string | null;
  /** Any other object the action was about: a course, a certificate code, a department. */
  targetType?: string | null;
  targetId?: string | null;
  /** Never names or email addresses: they would outlive an erasure. */
  details?: Record<string, unknown>;
}

/** The person's audit pseudonym, created on first use; safe when two requests race. */
export async function pseudonymFor(userId: string, client: Client = db()): Promise<string> {
  const fresh = randomBytes(16).toString("hex");
  await client.$executeRaw`INSERT INTO "Pseudonym" ("id", "userId") VALUES (${fresh}, ${userId}) ON CONFLICT ("userId") DO NOTHING`;
  const row = await client.pseudonym.findUniqueOrThrow({ where: { userId }, select: { id: true } });
  return row.id;
}

export async function audit(entry: AuditEntry, client: Client = db()): Promise<void> {
  const actorRef = entry.actorId ? await pseudonymFor(entry.actorId, client) : null;
  const subjectRef = entry.subjectId ? await pseudonymFor(entry.subjectId, client) : null;
  await client.auditLog.create({
    data: {
      cityId: entry.cityId,
      actorRef,
      action: entry.action,
      subjectRef,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      details: JSON.stringify(entry.details ?? {}),
    },
  });
}
