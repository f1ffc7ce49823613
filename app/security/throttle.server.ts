/**
 * Attempt counters for login, sign-up and password reset, per account and per IP.
 * Stored in the database so that every app server sees the same counts.
 */
import { db, Prisma } from "~/db.server.ts";
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
  confirmAccount: { limit: 5, windowMinutes: 60 },
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

/**
 * Counts one attempt against each key and says whether the attempt is over a limit. The
 * counter goes up first, in one atomic statement, so concurrent attempts cannot all slip
 * through between a check and a write.
 */
export async function countAttempt(entries: Array<[string, ThrottleRule]>): Promise<ThrottleState> {
  const at = now();
  let result: ThrottleState = { blocked: false, retryAfterMinutes: 0 };
  for (const [key, rule] of entries) {
    const row = await incrementCounter(key, rule, at);
    // The state as it was before this attempt decides whether this one is allowed.
    const state = throttleState({ count: row.count - 1, windowStart: row.windowStart }, rule, at);
    if (state.blocked && !result.blocked) result = state;
  }
  return result;
}

async function incrementCounter(key: string, rule: ThrottleRule, at: Date): Promise<{ count: number; windowStart: Date }> {
  const windowOpenedAfter = new Date(at.getTime() - rule.windowMinutes * 60_000);
  for (;;) {
    try {
      // The update locks the row until commit, so the count read back is this attempt's own.
      return await db().$transaction(async (tx) => {
        const inWindow = await tx.throttle.updateMany({
          where: { key, windowStart: { gt: windowOpenedAfter } },
          data: { count: { increment: 1 } },
        });
        if (inWindow.count === 0) {
          // No counter, or its window has ended: start a new window.
          const restarted = await tx.throttle.updateMany({
            where: { key, windowStart: { lte: windowOpenedAfter } },
            data: { count: 1, windowStart: at },
          });
          if (restarted.count === 0) await tx.throttle.create({ data: { key, count: 1, windowStart: at } });
        }
        return tx.throttle.findUniqueOrThrow({ where: { key }, select: { count: true, windowStart: true } });
      });
    } catch (error) {
      // Another request created the counter first: count against that one.
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") continue;
      throw error;
    }
  }
}

/** Takes back one counted attempt, e.g. a successful login from a shared office address. */
export async function giveBackAttempt(key: string): Promise<void> {
  await db().throttle.updateMany({ where: { key, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}

export async function clearThrottle(key: string): Promise<void> {
  await db().throttle.deleteMany({ where: { key } });
}
