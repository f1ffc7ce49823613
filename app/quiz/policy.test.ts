import { describe, expect, it } from "vitest";
import { attemptWriteCondition, isPastDeadline } from "./policy.ts";

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
