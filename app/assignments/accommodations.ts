/**
 * Accommodations HR grants one person (the rules; their storage is accommodations.server.ts):
 * - EXTRA_ATTEMPTS: more quiz attempts for one course, added to the quiz's limit (app/quiz/policy.ts);
 * - EXTRA_TIME: a percentage more time on every timed quiz, fixed into an attempt's deadline when it starts;
 * - LATER_DUE: a number of calendar days added to one person-assignment's due date.
 */
import { z } from "zod";

export const accommodationKinds = ["EXTRA_ATTEMPTS", "EXTRA_TIME", "LATER_DUE"] as const;
export type AccommodationKind = (typeof accommodationKinds)[number];

/** The amounts HR may grant at once, per kind (attempts, percent, days). */
export const accommodationLimits = {
  EXTRA_ATTEMPTS: { min: 1, max: 10 },
  EXTRA_TIME: { min: 10, max: 300 },
  LATER_DUE: { min: 1, max: 365 },
} as const satisfies Record<AccommodationKind, { min: number; max: number }>;

export function isAccommodationKind(value: string): value is AccommodationKind {
  return (accommodationKinds as readonly string[]).includes(value);
}

export interface GrantedAccommodation {
  kind: string;
  amount: number;
  courseId: string | null;
  createdAt: Date;
}

export interface QuizExtras {
  extraAttempts: number;
  extraTimePercent: number;
}

/**
 * What a person's accommodations add to one course's quiz: extra attempts granted for that course
 * add up (attempts are never deleted, so each grant is on top of the last); extra time applies to
 * every timed quiz, and the latest grant is the one in force (HR may lower it as well as raise it).
 */
export function quizExtras(granted: readonly GrantedAccommodation[], courseId: string): QuizExtras {
  const extraAttempts = granted
    .filter((row) => row.kind === "EXTRA_ATTEMPTS" && row.courseId === courseId)
    .reduce((sum, row) => sum + row.amount, 0);
  const latestTime = granted
    .filter((row) => row.kind === "EXTRA_TIME")
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  return { extraAttempts, extraTimePercent: latestTime?.amount ?? 0 };
}

const reason = z
  .string()
  .trim()
  .min(3, "reminders.accommodations.reasonRequired")
  .max(500, "reminders.accommodations.reasonTooLong");

function amount(kind: AccommodationKind, message: string) {
  const { min, max } = accommodationLimits[kind];
  return z.coerce.number(message).int(message).min(min, message).max(max, message);
}

const id = (message: string) => z.string(message).trim().min(1, message).max(100, message);

/** The three forms of the accommodations page; each field is named after its form so ids stay unique. */
export const extraAttemptsSchema = z.object({
  attemptsCourse: id("reminders.accommodations.courseRequired"),
  attempts: amount("EXTRA_ATTEMPTS", "reminders.accommodations.attemptsRange"),
  attemptsReason: reason,
});

export const extraTimeSchema = z.object({
  extraTime: amount("EXTRA_TIME", "reminders.accommodations.timeRange"),
  timeReason: reason,
});

export const laterDueSchema = z.object({
  laterRow: id("reminders.accommodations.rowRequired"),
  laterDays: amount("LATER_DUE", "reminders.accommodations.daysRange"),
  laterReason: reason,
});

export type AccommodationGrant =
  | { kind: "EXTRA_ATTEMPTS"; courseId: string; amount: number; reason: string }
  | { kind: "EXTRA_TIME"; amount: number; reason: string }
  | { kind: "LATER_DUE"; personAssignmentId: string; amount: number; reason: string };
