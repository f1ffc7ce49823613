import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkSession, newSessionTimes, type SessionTimes } from "./session-lifetime.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const lifetime = { idleMs: 12 * HOUR, maxMs: 30 * DAY };
const start = new Date("2026-12-01T08:00:00Z");
const at = (ms: number) => new Date(start.getTime() + ms);

describe("session lifetime", () => {
  it("ends a session left unused for the idle time", () => {
    const session = newSessionTimes(start, lifetime);
    expect(checkSession(session, at(12 * HOUR - 1), lifetime).state).toBe("active");
    expect(checkSession(session, at(12 * HOUR), lifetime)).toEqual({ state: "ended" });
  });

  it("extends a session only when used in the second half of its idle window", () => {
    const session = newSessionTimes(start, lifetime);
    expect(checkSession(session, at(5 * HOUR), lifetime)).toEqual({ state: "active", expiresAt: at(12 * HOUR), extended: false });
    expect(checkSession(session, at(7 * HOUR), lifetime)).toEqual({ state: "active", expiresAt: at(19 * HOUR), extended: true });
  });

  it("ends a session at its absolute lifetime even when it is used every minute", () => {
    let session: SessionTimes = newSessionTimes(start, lifetime);
    let minute = 0;
    for (; ; minute += 1) {
      const check = checkSession(session, at(minute * 60_000), lifetime);
      if (check.state === "ended") break;
      session = { ...session, expiresAt: check.expiresAt };
    }
    expect(minute * 60_000).toBe(30 * DAY);
  });

  it("never lets a session outlive either limit, whenever it is used", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 13 * HOUR }), { maxLength: 200 }),
        fc.integer({ min: HOUR, max: 40 * DAY }),
        (gaps, maxMs) => {
          const limits = { idleMs: 12 * HOUR, maxMs };
          let session = newSessionTimes(start, limits);
          let elapsed = 0;
          for (const gap of gaps) {
            elapsed += gap;
            const check = checkSession(session, at(elapsed), limits);
            const overdue = elapsed >= maxMs || at(elapsed) >= session.expiresAt;
            expect(check.state === "ended").toBe(overdue);
            if (check.state === "ended") return;
            expect(check.expiresAt.getTime()).toBeLessThanOrEqual(start.getTime() + maxMs);
            expect(check.expiresAt.getTime()).toBeLessThanOrEqual(at(elapsed).getTime() + limits.idleMs);
            session = { ...session, expiresAt: check.expiresAt };
          }
        },
      ),
    );
  });

  it("starts a session no longer than its absolute lifetime", () => {
    expect(newSessionTimes(start, { idleMs: 12 * HOUR, maxMs: HOUR }).expiresAt).toEqual(at(HOUR));
  });
});
