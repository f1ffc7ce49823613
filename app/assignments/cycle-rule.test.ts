import { describe, expect, it } from "vitest";
import { cycleForNewRow, cycleToStart, type EnrollmentFacts } from "./cycle-rule.ts";

const now = new Date("2026-12-01T12:00:00Z");
const enrollment = (cycle: number, overrides: Partial<EnrollmentFacts> = {}): EnrollmentFacts => ({
  id: `e${cycle}`,
  cycle,
  completedAt: null,
  certificate: null,
  ...overrides,
});
const done = new Date("2026-06-01T10:00:00Z");

describe("cycleForNewRow", () => {
  it("asks for cycle 1 with nothing linked when the person never enrolled", () => {
    expect(cycleForNewRow([], now)).toEqual({ cycle: 1, enrollmentId: null });
  });

  it("links the open enrolment of the latest cycle", () => {
    expect(cycleForNewRow([enrollment(1, { completedAt: done }), enrollment(2)], now)).toEqual({ cycle: 2, enrollmentId: "e2" });
  });

  it("links a completed enrolment whose certificate is still valid, or that has none", () => {
    const valid = { expiresAt: new Date("2027-06-01T10:00:00Z"), revokedAt: null };
    expect(cycleForNewRow([enrollment(1, { completedAt: done, certificate: valid })], now)).toEqual({
      cycle: 1,
      enrollmentId: "e1",
    });
    expect(
      cycleForNewRow([enrollment(1, { completedAt: done, certificate: { expiresAt: null, revokedAt: null } })], now),
    ).toEqual({
      cycle: 1,
      enrollmentId: "e1",
    });
    expect(cycleForNewRow([enrollment(1, { completedAt: done })], now)).toEqual({ cycle: 1, enrollmentId: "e1" });
  });

  it("asks for the next cycle when the certificate expired (at its very instant) or was revoked", () => {
    const expired = { expiresAt: now, revokedAt: null };
    expect(cycleForNewRow([enrollment(1, { completedAt: done, certificate: expired })], now)).toEqual({
      cycle: 2,
      enrollmentId: null,
    });
    const revoked = { expiresAt: null, revokedAt: done };
    expect(cycleForNewRow([enrollment(3, { completedAt: done, certificate: revoked })], now)).toEqual({
      cycle: 4,
      enrollmentId: null,
    });
  });
});

describe("cycleToStart", () => {
  it("starts cycle 1, or the cycle a row asks for, when there is no enrolment", () => {
    expect(cycleToStart(null, [])).toBe(1);
    expect(cycleToStart(null, [2])).toBe(2);
  });

  it("keeps the open enrolment's cycle", () => {
    expect(cycleToStart({ cycle: 1, completedAt: null }, [2])).toBe(1);
  });

  it("opens the next cycle after a completed one only when a row asks for it", () => {
    expect(cycleToStart({ cycle: 1, completedAt: done }, [])).toBe(1);
    expect(cycleToStart({ cycle: 1, completedAt: done }, [1])).toBe(1);
    expect(cycleToStart({ cycle: 1, completedAt: done }, [3, 2])).toBe(2);
  });
});
