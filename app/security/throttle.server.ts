/**
 * Attempt counters for login, sign-up and password reset, per account and per IP.
 * Stored in the database so that every app server sees the same counts.
 */
import { db } from "~/db.server.ts";
import { now } from "~/clock.server.ts";

export interface ThrottleRule {
  limit: number;
  windowMinutes: number;
}

export const throttleRules = {
  loginAccount: { limit: 8, windowMinutes: 15 },
  loginIp: { limit: 40, windowMinutes: 15 },
  signupIp: { limit: 20, windowMinutes: 60 },
  resetAccount: { limit: 5, windowMinutes: 60 },
  resetIp: { limit: 20, windowMinutes: 60 },
} satisfies Record<string, ThrottleRule>;

export interface ThrottleState {
  blocked: boolean;
  retryAfterMinutes: number;
}

/** Pure: is a counter at its limit, and for how long more? */
export function throttleState(row: { count: number; windowStart: Date } | null, rule: ThrottleRule, at: Date): ThrottleState {
  const windowMs = rule.windowMinutes * 60_000;
  if (!row || at.getTime() - row.windowStart.getTime() >= windowMs) return { blocked: false, retryAfterMinutes: 0 };
  const remainingMs = row.windowStart.getTime() + windowMs - at.getTime();
  return { blocked: row.count >= rule.limit, retryAfterMinutes: Math.max(1, Math.ceil(remainingMs / 60_000)) };
}

/** The first blocking rule among several keys, without counting an attempt. */
export async function checkThrottles(entries: Array<[string, ThrottleRule]>): Promise<ThrottleState> {
  const at = now();
  const rows = await db().throttle.findMany({ where: { key: { in: entries.map(([key]) => key) } } });
  for (const [key, rule] of entries) {
    const state = throttleState(rows.find((row) => row.key === key) ?? null, rule, at);
    if (state.blocked) return state;
  }
  return { blocked: false, retryAfterMinutes: 0 };
}

/** Counts one attempt against each key, starting a new window where the old one ended. */
export async function recordAttempts(entries: Array<[string, ThrottleRule]>): Promise<void> {
  const at = now();
  await db().$transaction(async (tx) => {
    for (const [key, rule] of entries) {
      const row = await tx.throttle.findUnique({ where: { key } });
      const expired = !row || at.getTime() - row.windowStart.getTime() >= rule.windowMinutes * 60_000;
      if (expired)
        await tx.throttle.upsert({
          where: { key },
          create: { key, count: 1, windowStart: at },
          update: { count: 1, windowStart: at },
        });
      else await tx.throttle.update({ where: { key }, data: { count: { increment: 1 } } });
    }
  });
}

export async function clearThrottle(key: string): Promise<void> {
  await db().throttle.deleteMany({ where: { key } });
}
