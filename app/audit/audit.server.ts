/** The audit log: who did what to whom, for actions a city must be able to account for. */
import type { Db } from "~/db.server.ts";
import { db } from "~/db.server.ts";

type Client = Pick<Db, "auditLog">;

export interface AuditEntry {
  cityId: string | null;
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  details?: Record<string, unknown>;
}

export async function audit(entry: AuditEntry, client: Client = db()): Promise<void> {
  await client.auditLog.create({
    data: {
      cityId: entry.cityId,
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      details: JSON.stringify(entry.details ?? {}),
    },
  });
}
