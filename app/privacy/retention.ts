/**
 * Retention rules (pure): when a visit is worth recording, and which accounts a city's retention
 * erases. retention.server.ts loads the rows and calls these; the session layer calls `visitIsStale`.
 */
import { subMonths } from "date-fns";

const DAY_MS = 86_400_000;

/** The longest a city may keep inactive accounts, in months (ten years). */
export const MAX_RETENTION_MONTHS = 120;

/** The last visit is recorded at most once a day: only when none is stored or it is a day old. */
export function visitIsStale(lastSeenAt: Date | null, now: Date): boolean {
  return lastSeenAt === null || lastSeenAt.getTime() < now.getTime() - DAY_MS;
}

/** The moment before which a last visit is too old: `months` calendar months ago (month ends clamped). */
export function retentionCutoff(now: Date, months: number): Date {
  return subMonths(now, months);
}

export interface RetentionCandidate {
  id: string;
  lastSeenAt: Date | null;
  createdAt: Date;
  isCityAdmin: boolean;
}

/** Measured from the last visit, or from the account's creation when the person never came. */
export const lastActivity = (person: Pick<RetentionCandidate, "lastSeenAt" | "createdAt">): Date =>
  person.lastSeenAt ?? person.createdAt;

/**
 * The accounts to erase: inactive since before the cutoff, except that the city always keeps a
 * city admin — when every active city admin is past the cutoff, the one seen last is kept.
 * `activeAdmins` counts the city's active, not erased, city admins (candidates included).
 */
export function accountsToErase(candidates: readonly RetentionCandidate[], cutoff: Date, activeAdmins: number): string[] {
  const expired = candidates.filter((person) => lastActivity(person).getTime() < cutoff.getTime());
  const expiredAdmins = expired.filter((person) => person.isCityAdmin);
  if (expiredAdmins.length === 0 || expiredAdmins.length < activeAdmins) return expired.map((person) => person.id);
  const kept = expiredAdmins.reduce((latest, person) =>
    lastActivity(person).getTime() > lastActivity(latest).getTime() ? person : latest,
  );
  return expired.filter((person) => person.id !== kept.id).map((person) => person.id);
}
