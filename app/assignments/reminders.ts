/**
 * Which reminders are due for one person-assignment at a moment, from plain rows (sending them
 * exactly once is reminders.server.ts). The state of a row is the one rule of app/reports/status.ts.
 *
 * - assigned: a first cycle, still open and not yet overdue;
 * - window-opened: a later cycle (opened by the recertification window), still open and not yet overdue;
 * - due-soon: from the start of the city's calendar day 7 days before the due date, until it passes;
 * - overdue: the due date has passed and the course is not completed.
 * Withdrawn and completed rows get nothing; each kind goes once per row, whatever happens later.
 */
import { TZDate } from "@date-fns/tz";
import { startOfDay, startOfISOWeek, subDays, subWeeks } from "date-fns";
import { assignmentState } from "~/reports/status.ts";

export const reminderKinds = ["assigned", "window-opened", "due-soon", "overdue"] as const;
export type ReminderKind = (typeof reminderKinds)[number];

export const DUE_SOON_DAYS = 7;

export interface ReminderRowFacts {
  cycle: number;
  assignedAt: Date;
  dueAt: Date;
  withdrawnAt: Date | null;
  completedAt: Date | null;
  /** Kinds already sent for this row. */
  sent: readonly string[];
}

/** The first moment the "due soon" reminder may go: the start of the day 7 calendar days before the due date. */
export function dueSoonFrom(dueAt: Date, timeZone: string): Date {
  return new Date(startOfDay(subDays(new TZDate(dueAt, timeZone), DUE_SOON_DAYS)).getTime());
}

export function remindersDue(row: ReminderRowFacts, at: Date, timeZone: string): ReminderKind[] {
  if (row.assignedAt.getTime() > at.getTime()) return [];
  const state = assignmentState(
    { dueAt: row.dueAt, withdrawnAt: row.withdrawnAt, enrollment: { completedAt: row.completedAt, started: false } },
    at,
  );
  if (state === "withdrawn" || state === "completed") return [];
  const due: ReminderKind[] = [];
  if (state === "overdue") due.push("overdue");
  else {
    due.push(row.cycle > 1 ? "window-opened" : "assigned");
    if (at.getTime() >= dueSoonFrom(row.dueAt, timeZone).getTime()) due.push("due-soon");
  }
  return due.filter((kind) => !row.sent.includes(kind));
}

/**
 * The ISO week before the one `at` falls in, in the city's time zone: the weekly summary goes out
 * in the first run of a week and counts the completions of the week that just ended.
 */
export function previousIsoWeek(at: Date, timeZone: string): { from: Date; to: Date } {
  const thisWeek = startOfISOWeek(new TZDate(at, timeZone));
  return { from: new Date(subWeeks(thisWeek, 1).getTime()), to: new Date(thisWeek.getTime()) };
}
