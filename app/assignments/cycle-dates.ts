/**
 * The calendar arithmetic of assignments and certificates, in the city's time zone (date-fns with
 * @date-fns/tz). A due date ends at 23:59:59.999 city time; months are added the calendar's way,
 * clamped to the month's end (31 August + 6 months = 28 or 29 February, never 3 March).
 */
import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, endOfDay, format, getISOWeek, getISOWeekYear, parseISO, startOfDay, subDays } from "date-fns";

/** The last instant of the calendar day `day` ("2026-12-31") in the time zone. */
export function endOfDayIn(day: string, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number);
  const midnight = new TZDate(year!, month! - 1, date!, timeZone);
  return new Date(endOfDay(midnight).getTime());
}

/** The calendar day ("2026-12-31") an instant falls on in the time zone. */
export function calendarDayIn(instant: Date, timeZone: string): string {
  return format(new TZDate(instant, timeZone), "yyyy-MM-dd");
}

/** A relative due date: the end of the day N days after the person was assigned, in the city. */
export function dueAfterDays(assignedAt: Date, days: number, timeZone: string): Date {
  const day = addDays(new TZDate(assignedAt, timeZone), days);
  return new Date(endOfDay(day).getTime());
}

/** A certificate's expiry: completion + V calendar months in the city, clamped to the month's end. */
export function certificateExpiry(completedAt: Date, validityMonths: number, timeZone: string): Date {
  return new Date(addMonths(new TZDate(completedAt, timeZone), validityMonths).getTime());
}

/** The recertification window opens W calendar days before expiry (same time of day in the city). */
export function windowOpensAt(expiresAt: Date, windowDays: number, timeZone: string): Date {
  return new Date(subDays(new TZDate(expiresAt, timeZone), windowDays).getTime());
}

/** The start of the city's calendar day containing `instant`. */
export function startOfDayIn(instant: Date, timeZone: string): Date {
  return new Date(startOfDay(new TZDate(instant, timeZone)).getTime());
}

/** The ISO week ("2026-W49") of an instant in the time zone: weekly figures and summaries. */
export function isoWeekIn(instant: Date, timeZone: string): string {
  const local = new TZDate(instant, timeZone);
  return `${getISOWeekYear(local)}-W${String(getISOWeek(local)).padStart(2, "0")}`;
}

/** Whole days from `from` to `to` counted on the city's calendar (negative when `to` is earlier). */
export function calendarDaysBetween(from: Date, to: Date, timeZone: string): number {
  const a = parseISO(calendarDayIn(from, timeZone));
  const b = parseISO(calendarDayIn(to, timeZone));
  return Math.round((b.getTime() - a.getTime()) / 86_400_000);
}
