import { describe, expect, it } from "vitest";
import {
  calendarDayIn,
  calendarDaysBetween,
  certificateExpiry,
  dueAfterDays,
  endOfDayIn,
  isoWeekIn,
  windowOpensAt,
} from "./cycle-dates.ts";

describe("assignment and certificate dates, in the city's time zone", () => {
  it("a due date ends at 23:59:59.999 city time", () => {
    expect(endOfDayIn("2026-12-31", "Europe/Madrid").toISOString()).toBe("2026-12-31T22:59:59.999Z");
    expect(endOfDayIn("2026-07-15", "Europe/Madrid").toISOString()).toBe("2026-07-15T21:59:59.999Z");
    expect(endOfDayIn("2026-12-31", "America/Sao_Paulo").toISOString()).toBe("2027-01-01T02:59:59.999Z");
    expect(endOfDayIn("2026-12-31", "America/Mexico_City").toISOString()).toBe("2027-01-01T05:59:59.999Z");
  });

  it("adds months the calendar's way: 31 August + 6 months is the end of February, not 3 March", () => {
    const completed = new Date("2026-08-31T10:00:00Z");
    expect(calendarDayIn(certificateExpiry(completed, 6, "Europe/Madrid"), "Europe/Madrid")).toBe("2027-02-28");
    // A leap year keeps 29 February.
    expect(calendarDayIn(certificateExpiry(new Date("2027-08-31T10:00:00Z"), 6, "Europe/Madrid"), "Europe/Madrid")).toBe(
      "2028-02-29",
    );
    // 29 February + 12 months → 28 February.
    expect(calendarDayIn(certificateExpiry(new Date("2028-02-29T10:00:00Z"), 12, "Europe/Madrid"), "Europe/Madrid")).toBe(
      "2029-02-28",
    );
  });

  it("counts the month on the city's calendar, not UTC's: 23:30 on 31 January in São Paulo is already 1 February in UTC", () => {
    const completed = new Date("2027-02-01T02:30:00Z"); // 31 January 23:30 in São Paulo (UTC−3)
    expect(calendarDayIn(completed, "America/Sao_Paulo")).toBe("2027-01-31");
    expect(calendarDayIn(certificateExpiry(completed, 1, "America/Sao_Paulo"), "America/Sao_Paulo")).toBe("2027-02-28");
  });

  it("keeps the time of day across a daylight-saving change", () => {
    // Madrid moves to summer time on 28 March 2027: 09:00 local stays 09:00 local.
    const completed = new Date("2027-01-28T08:00:00Z"); // 09:00 CET
    const expiry = certificateExpiry(completed, 3, "Europe/Madrid");
    expect(expiry.toISOString()).toBe("2027-04-28T07:00:00.000Z"); // 09:00 CEST
    const opens = windowOpensAt(new Date("2027-04-05T07:00:00Z"), 30, "Europe/Madrid");
    expect(opens.toISOString()).toBe("2027-03-06T08:00:00.000Z");
  });

  it("a relative due date is the end of the city's day N days after assignment", () => {
    const assigned = new Date("2026-12-01T23:30:00Z"); // 2 December 00:30 in Madrid
    expect(dueAfterDays(assigned, 10, "Europe/Madrid").toISOString()).toBe("2026-12-12T22:59:59.999Z");
  });

  it("names ISO weeks and counts calendar days in the city", () => {
    expect(isoWeekIn(new Date("2026-12-31T12:00:00Z"), "Europe/Madrid")).toBe("2026-W53");
    expect(isoWeekIn(new Date("2027-01-04T12:00:00Z"), "Europe/Madrid")).toBe("2027-W01");
    expect(calendarDaysBetween(new Date("2026-12-01T23:30:00Z"), new Date("2026-12-03T08:00:00Z"), "Europe/Madrid")).toBe(1);
  });
});
