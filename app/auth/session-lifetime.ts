/**
 * How long a session lives (decision 010): it ends after `idle` without a request, and in any
 * case `max` after it began, however often it is used. A request in the second half of the
 * idle window extends it, never past the absolute end.
 */
export interface SessionLifetime {
  idleMs: number;
  maxMs: number;
}

export interface SessionTimes {
  createdAt: Date;
  expiresAt: Date;
}

export type SessionCheck = { state: "ended" } | { state: "active"; expiresAt: Date; extended: boolean };

export function newSessionTimes(now: Date, lifetime: SessionLifetime): SessionTimes {
  return { createdAt: now, expiresAt: new Date(now.getTime() + Math.min(lifetime.idleMs, lifetime.maxMs)) };
}

export function checkSession(session: SessionTimes, now: Date, lifetime: SessionLifetime): SessionCheck {
  const at = now.getTime();
  const absoluteEnd = session.createdAt.getTime() + lifetime.maxMs;
  const idleEnd = session.expiresAt.getTime();
  if (at >= idleEnd || at >= absoluteEnd) return { state: "ended" };
  if (idleEnd - at > lifetime.idleMs / 2) return { state: "active", expiresAt: session.expiresAt, extended: false };
  const extendedTo = Math.min(at + lifetime.idleMs, absoluteEnd);
  if (extendedTo <= idleEnd) return { state: "active", expiresAt: session.expiresAt, extended: false };
  return { state: "active", expiresAt: new Date(extendedTo), extended: true };
}
