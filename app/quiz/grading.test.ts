import { describe, expect, it } from "vitest";
import { gradeAttempt } from "./grading.ts";
import { attemptDecision } from "./policy.ts";

const questions = [
  { key: "q1", correct: ["a"] },
  { key: "q2", correct: ["x", "z"] },
  { key: "q3", correct: ["true"] },
  { key: "q4", correct: ["b"] },
];

describe("gradeAttempt", () => {
  it("counts exact matches only, including every option of a multiple-choice question", () => {
    const grade = gradeAttempt(questions, { q1: ["a"], q2: ["x"], q3: ["true"], q4: ["c"] }, 70);
    expect(grade).toEqual({
      correctCount: 2,
      total: 4,
      score: 50,
      passed: false,
      correctByQuestion: { q1: true, q2: false, q3: true, q4: false },
    });
  });
  it("ignores the order of chosen options and passes at the pass mark", () => {
    expect(gradeAttempt(questions, { q1: ["a"], q2: ["z", "x"], q3: ["true"], q4: ["c"] }, 75)).toMatchObject({
      score: 75,
      passed: true,
    });
  });
  it("treats unanswered questions as wrong", () => {
    expect(gradeAttempt(questions, {}, 50)).toMatchObject({ correctCount: 0, score: 0, passed: false });
  });
  it("does not give credit for choosing every option", () => {
    expect(gradeAttempt([{ key: "q2", correct: ["x", "z"] }], { q2: ["x", "y", "z"] }, 50).passed).toBe(false);
  });
});

describe("attemptDecision", () => {
  const rules = { attemptLimit: 3, cooldownMinutes: 60 };
  const at = (iso: string) => new Date(iso);
  const failedAt = (iso: string) => ({ submittedAt: at(iso), passed: false });

  it("allows a first attempt", () => {
    expect(attemptDecision([], rules, at("2026-01-01T10:00:00Z"))).toEqual({ allowed: true });
  });
  it("makes the learner wait out the cool-down after a failed attempt", () => {
    expect(attemptDecision([failedAt("2026-01-01T10:00:00Z")], rules, at("2026-01-01T10:30:00Z"))).toEqual({
      allowed: false,
      reason: "cooldown",
      retryAt: at("2026-01-01T11:00:00Z"),
    });
    expect(attemptDecision([failedAt("2026-01-01T10:00:00Z")], rules, at("2026-01-01T11:00:00Z"))).toEqual({ allowed: true });
  });
  it("stops at the attempt limit", () => {
    const three = [failedAt("2026-01-01T08:00:00Z"), failedAt("2026-01-01T09:00:00Z"), failedAt("2026-01-01T10:00:00Z")];
    expect(attemptDecision(three, rules, at("2026-01-02T10:00:00Z"))).toEqual({ allowed: false, reason: "limit" });
    expect(attemptDecision(three, { ...rules, attemptLimit: null }, at("2026-01-02T10:00:00Z"))).toEqual({ allowed: true });
  });
  it("refuses a new attempt once passed or while one is open", () => {
    expect(
      attemptDecision([{ submittedAt: at("2026-01-01T10:00:00Z"), passed: true }], rules, at("2026-01-05T00:00:00Z")),
    ).toEqual({ allowed: false, reason: "passed" });
    expect(attemptDecision([{ submittedAt: null, passed: null }], rules, at("2026-01-05T00:00:00Z"))).toEqual({
      allowed: false,
      reason: "in-progress",
    });
  });
});
