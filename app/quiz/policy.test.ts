import { describe, expect, it } from "vitest";
import {
  attemptAllowance,
  attemptDeadline,
  attemptDecision,
  attemptWriteCondition,
  isPastDeadline,
  timeLimitWithExtra,
} from "./policy.ts";

const at = new Date("2026-12-01T10:00:00Z");
const deadline = new Date("2026-12-01T10:30:00Z");

describe("attemptWriteCondition", () => {
  it("writes only at the rendered step of an attempt not yet submitted", () => {
    expect(attemptWriteCondition({ id: "a1", step: 4, deadline: null }, false, at)).toEqual({
      id: "a1",
      step: 4,
      submittedAt: null,
    });
  });

  it("stores an answer of a timed attempt only while its deadline has not passed", () => {
    expect(attemptWriteCondition({ id: "a1", step: 4, deadline }, false, at)).toEqual({
      id: "a1",
      step: 4,
      submittedAt: null,
      deadline: { gt: at },
    });
  });

  it("lets the time-up grading write after the deadline", () => {
    expect(attemptWriteCondition({ id: "a1", step: 4, deadline }, true, at)).not.toHaveProperty("deadline");
  });
});

describe("isPastDeadline", () => {
  it("is true only for an open attempt whose deadline has come", () => {
    expect(isPastDeadline({ submittedAt: null, deadline }, at)).toBe(false);
    expect(isPastDeadline({ submittedAt: null, deadline }, deadline)).toBe(true);
    expect(isPastDeadline({ submittedAt: null, deadline: null }, new Date("2030-01-01T00:00:00Z"))).toBe(false);
    expect(isPastDeadline({ submittedAt: at, deadline }, new Date("2030-01-01T00:00:00Z"))).toBe(false);
  });
});

describe("attemptDecision with extra attempts (an accommodation)", () => {
  const failed = (minutesAgo: number) => ({ submittedAt: new Date(at.getTime() - minutesAgo * 60_000), passed: false });
  const three = [failed(300), failed(200), failed(100)];

  it("refuses a fourth attempt at a limit of three, and allows it with one extra attempt", () => {
    expect(attemptDecision(three, { attemptLimit: 3, cooldownMinutes: 0 }, at)).toEqual({ allowed: false, reason: "limit" });
    expect(attemptDecision(three, { attemptLimit: 3, cooldownMinutes: 0, extraAttempts: 1 }, at)).toEqual({ allowed: true });
    expect(attemptDecision([...three, failed(50)], { attemptLimit: 3, cooldownMinutes: 0, extraAttempts: 1 }, at)).toEqual({
      allowed: false,
      reason: "limit",
    });
  });

  it("keeps the cool-down and the already-passed rule", () => {
    expect(attemptDecision([failed(10)], { attemptLimit: 1, cooldownMinutes: 60, extraAttempts: 2 }, at)).toMatchObject({
      allowed: false,
      reason: "cooldown",
    });
    expect(
      attemptDecision([{ submittedAt: at, passed: true }], { attemptLimit: 1, cooldownMinutes: 0, extraAttempts: 2 }, at),
    ).toEqual({
      allowed: false,
      reason: "passed",
    });
  });

  it("adds nothing to an unlimited quiz", () => {
    expect(attemptAllowance({ attemptLimit: null, cooldownMinutes: 0, extraAttempts: 3 })).toBeNull();
    expect(attemptAllowance({ attemptLimit: 2, cooldownMinutes: 0, extraAttempts: 3 })).toBe(5);
    expect(attemptAllowance({ attemptLimit: 2, cooldownMinutes: 0 })).toBe(2);
  });
});

describe("the deadline with extra time", () => {
  it("lengthens a timed quiz's limit by the percentage", () => {
    expect(timeLimitWithExtra(30, 50)).toBe(45);
    expect(timeLimitWithExtra(45, 50)).toBe(67.5);
    expect(timeLimitWithExtra(20, 0)).toBe(20);
    expect(timeLimitWithExtra(20)).toBe(20);
    expect(timeLimitWithExtra(null, 50)).toBeNull();
  });

  it("fixes the deadline from the start, to the millisecond, and none for an untimed quiz", () => {
    expect(attemptDeadline(at, 30, 0)).toEqual(new Date("2026-12-01T10:30:00Z"));
    expect(attemptDeadline(at, 30, 50)).toEqual(new Date("2026-12-01T10:45:00Z"));
    expect(attemptDeadline(at, 45, 50)).toEqual(new Date("2026-12-01T11:07:30Z"));
    expect(attemptDeadline(at, 7, 33)).toEqual(new Date(at.getTime() + Math.round(7 * 1.33 * 60_000)));
    expect(attemptDeadline(at, 20, 300)).toEqual(new Date("2026-12-01T11:20:00Z"));
    expect(attemptDeadline(at, null, 50)).toBeNull();
  });
});
