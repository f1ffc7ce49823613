import { describe, expect, it } from "vitest";
import { dueSoonFrom, previousIsoWeek, remindersDue, type ReminderRowFacts } from "./reminders.ts";

const madrid = "Europe/Madrid";
// Due at the end of 15 December 2026 in Madrid (23:59:59.999 CET).
const dueAt = new Date("2026-12-15T22:59:59.999Z");
const row = (facts: Partial<ReminderRowFacts> = {}): ReminderRowFacts => ({
  cycle: 1,
  assignedAt: new Date("2026-12-01T09:00:00Z"),
  dueAt,
  withdrawnAt: null,
  completedAt: null,
  sent: [],
  ...facts,
});

describe("remindersDue", () => {
  it("tells a first cycle it was assigned, once", () => {
    const at = new Date("2026-12-01T10:00:00Z");
    expect(remindersDue(row(), at, madrid)).toEqual(["assigned"]);
    expect(remindersDue(row({ sent: ["assigned"] }), at, madrid)).toEqual([]);
  });

  it("sends nothing before the row exists", () => {
    expect(remindersDue(row(), new Date("2026-12-01T08:59:59Z"), madrid)).toEqual([]);
  });

  it("tells a later cycle its recertification window opened instead", () => {
    expect(remindersDue(row({ cycle: 2 }), new Date("2026-12-01T10:00:00Z"), madrid)).toEqual(["window-opened"]);
  });

  it("sends 'due soon' from the start of the city's day 7 days before the due date", () => {
    expect(dueSoonFrom(dueAt, madrid)).toEqual(new Date("2026-12-07T23:00:00Z"));
    const sent = ["assigned"];
    expect(remindersDue(row({ sent }), new Date("2026-12-07T22:59:59Z"), madrid)).toEqual([]);
    expect(remindersDue(row({ sent }), new Date("2026-12-07T23:00:00Z"), madrid)).toEqual(["due-soon"]);
    expect(remindersDue(row({ sent: [...sent, "due-soon"] }), new Date("2026-12-15T22:00:00Z"), madrid)).toEqual([]);
  });

  it("sends both at once to a row assigned inside the last week", () => {
    expect(remindersDue(row({ assignedAt: new Date("2026-12-12T09:00:00Z") }), new Date("2026-12-12T10:00:00Z"), madrid)).toEqual(
      ["assigned", "due-soon"],
    );
  });

  it("says overdue once the due date has passed, and nothing else then", () => {
    const after = new Date("2026-12-15T23:00:00Z");
    expect(remindersDue(row(), after, madrid)).toEqual(["overdue"]);
    expect(remindersDue(row({ sent: ["overdue"] }), after, madrid)).toEqual([]);
    // The last instant of the due day is not overdue yet.
    expect(remindersDue(row({ sent: ["assigned"] }), dueAt, madrid)).toEqual(["due-soon"]);
  });

  it("sends nothing for completed or withdrawn rows", () => {
    const late = new Date("2027-01-10T10:00:00Z");
    expect(remindersDue(row({ completedAt: new Date("2026-12-10T10:00:00Z") }), late, madrid)).toEqual([]);
    expect(remindersDue(row({ withdrawnAt: new Date("2026-12-02T10:00:00Z") }), late, madrid)).toEqual([]);
  });

  it("counts the 7 days on the city's calendar across a daylight-saving change", () => {
    // Due at the end of 1 April 2026 in Madrid (CEST, UTC+2); clocks moved on 29 March.
    const april = new Date("2026-04-01T21:59:59.999Z");
    expect(dueSoonFrom(april, madrid)).toEqual(new Date("2026-03-24T23:00:00Z"));
  });
});

describe("previousIsoWeek", () => {
  it("is the Monday-to-Monday week before, in the city's time zone", () => {
    // Monday 7 December 2026, 00:30 in Madrid (still Sunday in UTC).
    const week = previousIsoWeek(new Date("2026-12-06T23:30:00Z"), madrid);
    expect(week).toEqual({ from: new Date("2026-11-29T23:00:00Z"), to: new Date("2026-12-06T23:00:00Z") });
  });

  it("crosses the year the ISO way", () => {
    const week = previousIsoWeek(new Date("2027-01-04T12:00:00Z"), "America/Sao_Paulo");
    expect(week).toEqual({ from: new Date("2026-12-28T03:00:00Z"), to: new Date("2027-01-04T03:00:00Z") });
  });
});
