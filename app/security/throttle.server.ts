/**
 * Attempt counters for login, sign-up, password reset, password checks and PDF rendering, per
 * account and per IP. Stored in the database so that every app server sees the same counts.
 * Why the limits have this shape: docs/decisions/011-throttles-without-lock-out.md.
 */
import { db, Prisma } from "~/db.server.ts";
import { now } from "~/clock.server.ts";

export interface ThrottleRule {
  limit: number;
  windowMinutes: number;
}

export const throttleRules = {
  // Failed logins to one account from one address: guessing from one place stops here.
  loginAccountIp: { limit: 8, windowMinutes: 15 },
  // Failed logins to one account from addresses that have not logged into it lately: slower,
  // for guesses spread over many addresses; the owner's own addresses never hit it.
  loginAccount: { limit: 30, windowMinutes: 60 },
  loginIp: { limit: 40, windowMinutes: 15 },
  // Every argon2 verification from one address (logins and password checks, right or wrong):
  // a bound on the CPU one address can spend, high enough for an office behind one address.
  passwordCheckIp: { limit: 200, windowMinutes: 15 },
  // Wrong current passwords on the profile (a stolen session guessing the password).
  passwordCheckAccount: { limit: 5, windowMinutes: 15 },
  pdfAccount: { limit: 20, windowMinutes: 10 },
  pdfIp: { limit: 60, windowMinutes: 10 },
  signupIp: { limit: 20, windowMinutes: 60 },
  resetAccount: { limit: 5, windowMinutes: 60 },
  resetIp: { limit: 20, windowMinutes: 60 },
  confirmAccount: { limit: 5, windowMinutes: 60 },
} satisfies Record<string, ThrottleRule>;

/** How long a successful login makes an address "known" for its account. */
export const KNOWN_ADDRESS_DAYS = 30;

/** A login counter, and what a successful login does to it. */
export interface LoginCounter {
  key: string;
  rule: ThrottleRule;
  onSuccess: "clear" | "give-back" | "keep";
}

/**
 * Pure: the counters a login attempt is counted against. A stranger's failures block only
 * their own address for the account, or (spread over many addresses) the account for
 * addresses it has not been used from; where the owner logged in lately is never locked out.
 * Only failures count against the account and the address, so colleagues behind one office
 * address can all log in; every verification counts against the address's CPU budget.
 */
export function loginCounters(email: string, ip: string, knownAddress: boolean): LoginCounter[] {
  const counters: LoginCounter[] = [
    { key: `${loginAccountKey(email)} ip:${ip}`, rule: throttleRules.loginAccountIp, onSuccess: "clear" },
    { key: `login:ip:${ip}`, rule: throttleRules.loginIp, onSuccess: "give-back" },
    { key: passwordCheckIpKey(ip), rule: throttleRules.passwordCheckIp, onSuccess: "keep" },
  ];
  if (!knownAddress) counters.push({ key: loginAccountKey(email), rule: throttleRules.loginAccount, onSuccess: "give-back" });
  return counters;
}

export const loginAccountKey = (email: string) => `login:account:${email}`;
export const passwordCheckIpKey = (ip: string) => `password-check:ip:${ip}`;
// The space cannot occur in an address, so one account's keys never share a prefix with another's.
const knownAddressKey = (email: string, ip: string) => `login:known:${email} ip:${ip}`;

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

/** One argon2 hash or verification about to be spent for a request from this address. */
export function countPasswordWork(ip: string): Promise<ThrottleState> {
  return countAttempt([[passwordCheckIpKey(ip), throttleRules.passwordCheckIp]]);
}

/** After a successful login: its counters are settled, and the address becomes known to the account. */
export async function loginSucceeded(email: string, ip: string, counters: LoginCounter[]): Promise<void> {
  const at = now();
  for (const counter of counters) {
    if (counter.onSuccess === "clear") await clearThrottle(counter.key);
    if (counter.onSuccess === "give-back") await giveBackAttempt(counter.key);
  }
  await db().throttle.upsert({
    where: { key: knownAddressKey(email, ip) },
    create: { key: knownAddressKey(email, ip), count: 1, windowStart: at },
    update: { windowStart: at },
  });
}

export async function isKnownAddress(email: string, ip: string): Promise<boolean> {
  const since = new Date(now().getTime() - KNOWN_ADDRESS_DAYS * 86_400_000);
  return (await db().throttle.count({ where: { key: knownAddressKey(email, ip), windowStart: { gt: since } } })) > 0;
}

/** A new password (set through an emailed link) lifts every login limit on the account. */
export async function clearLoginThrottles(email: string): Promise<void> {
  await db().throttle.deleteMany({
    where: { OR: [{ key: loginAccountKey(email) }, { key: { startsWith: `${loginAccountKey(email)} ip:` } }] },
  });
}
