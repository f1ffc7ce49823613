import { describe, expect, it } from "vitest";
import { extraAttemptsSchema, extraTimeSchema, laterDueSchema, quizExtras } from "./accommodations.ts";

const day = (n: number) => new Date(Date.UTC(2026, 11, n));

describe("quizExtras", () => {
  const granted = [
    { kind: "EXTRA_ATTEMPTS", amount: 2, courseId: "c1", createdAt: day(1) },
    { kind: "EXTRA_ATTEMPTS", amount: 1, courseId: "c1", createdAt: day(3) },
    { kind: "EXTRA_ATTEMPTS", amount: 5, courseId: "c2", createdAt: day(2) },
    { kind: "EXTRA_TIME", amount: 50, courseId: null, createdAt: day(1) },
    { kind: "EXTRA_TIME", amount: 25, courseId: null, createdAt: day(4) },
    { kind: "LATER_DUE", amount: 10, courseId: "c1", createdAt: day(5) },
  ];

  it("adds up extra attempts of that course only, and takes the latest extra time", () => {
    expect(quizExtras(granted, "c1")).toEqual({ extraAttempts: 3, extraTimePercent: 25 });
    expect(quizExtras(granted, "c2")).toEqual({ extraAttempts: 5, extraTimePercent: 25 });
    expect(quizExtras([], "c1")).toEqual({ extraAttempts: 0, extraTimePercent: 0 });
  });
});

describe("the grant forms", () => {
  it("accept amounts within the limits, with a reason", () => {
    expect(extraAttemptsSchema.safeParse({ attemptsCourse: "c1", attempts: "2", attemptsReason: "Baja médica" }).success).toBe(
      true,
    );
    expect(extraTimeSchema.safeParse({ extraTime: "50", timeReason: "Dislexia" }).data).toEqual({
      extraTime: 50,
      timeReason: "Dislexia",
    });
    expect(laterDueSchema.safeParse({ laterRow: "r1", laterDays: "365", laterReason: "Permiso" }).success).toBe(true);
  });

  it("refuse amounts out of range, fractions, text and a missing reason, each with its message", () => {
    const issue = (result: { error?: { issues: Array<{ message: string }> } }) => result.error?.issues[0]?.message;
    expect(issue(extraAttemptsSchema.safeParse({ attemptsCourse: "c1", attempts: "11", attemptsReason: "Baja" }))).toBe(
      "reminders.accommodations.attemptsRange",
    );
    expect(issue(extraTimeSchema.safeParse({ extraTime: "5", timeReason: "Dislexia" }))).toBe(
      "reminders.accommodations.timeRange",
    );
    expect(issue(extraTimeSchema.safeParse({ extraTime: "12.5", timeReason: "Dislexia" }))).toBe(
      "reminders.accommodations.timeRange",
    );
    expect(issue(extraTimeSchema.safeParse({ extraTime: "mucho", timeReason: "Dislexia" }))).toBe(
      "reminders.accommodations.timeRange",
    );
    expect(issue(laterDueSchema.safeParse({ laterRow: "r1", laterDays: "0", laterReason: "Permiso" }))).toBe(
      "reminders.accommodations.daysRange",
    );
    expect(issue(laterDueSchema.safeParse({ laterRow: "r1", laterDays: "3", laterReason: "  " }))).toBe(
      "reminders.accommodations.reasonRequired",
    );
    expect(issue(laterDueSchema.safeParse({ laterRow: "", laterDays: "3", laterReason: "Permiso" }))).toBe(
      "reminders.accommodations.rowRequired",
    );
  });
});
