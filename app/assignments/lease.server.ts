/**
 * A lease row lets one of several app servers run a named job at a time (decision 022). Taking and
 * renewing are one conditional write (held by nobody, by this holder, or expired); the first take of
 * a name creates its row, and a lost race to create it is simply "not taken".
 */
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { now } from "~/clock.server.ts";
import { db, Prisma } from "~/db.server.ts";

/** Takes or renews the lease until `at + ttlMs`; true when `holder` holds it afterwards. */
export async function takeLease(name: string, holder: string, ttlMs: number, at: Date = now()): Promise<boolean> {
  const expiresAt = new Date(at.getTime() + ttlMs);
  const taken = await db().lease.updateMany({
    where: { name, OR: [{ holder }, { expiresAt: { lte: at } }] },
    data: { holder, expiresAt },
  });
  if (taken.count === 1) return true;
  try {
    await db().lease.create({ data: { name, holder, expiresAt } });
    return true;
  } catch (error) {
    // The row exists and someone else holds it (or just created it).
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}

/** Gives the lease up, if this holder still holds it. */
export async function releaseLease(name: string, holder: string): Promise<void> {
  await db().lease.deleteMany({ where: { name, holder } });
}

export type LeaseOutcome<T> = { ran: true; result: T } | { ran: false };

/**
 * Runs `fn` only while holding the lease `name`; renews it every third of `ttlMs` while `fn` runs
 * and releases it after. When another holder has it, nothing runs.
 */
export async function withLease<T>(name: string, ttlMs: number, fn: () => Promise<T>): Promise<LeaseOutcome<T>> {
  const holder = `${hostname()}:${process.pid}:${randomUUID()}`;
  if (!(await takeLease(name, holder, ttlMs))) return { ran: false };
  const renewal = setInterval(
    () => {
      takeLease(name, holder, ttlMs).catch((error: unknown) => console.error(`Could not renew the lease ${name}`, error));
    },
    Math.max(1000, Math.floor(ttlMs / 3)),
  );
  renewal.unref();
  try {
    return { ran: true, result: await fn() };
  } finally {
    clearInterval(renewal);
    await releaseLease(name, holder);
  }
}
