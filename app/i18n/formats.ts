/**
 * Percentages and moments in the page's language. Plain numbers in messages are written by
 * `t` (Intl.NumberFormat); a percentage or a date is formatted here and passed in as text, so
 * the catalog never writes a "%" or a date itself (es and pt put a no-break space before "%").
 */
import { htmlLang, type Locale } from "./locales.ts";

export interface Formats {
  /** A whole percentage, `value` from 0 to 100: "20 %" (es, pt-BR "20%"), "20%" (en). */
  percent: (value: number) => string;
  /** Day and time with the time zone named: a learner elsewhere knows which 11:30 is meant. */
  dateTimeWithZone: (date: Date | string, timeZone: string) => string;
  /** A time today, with the time zone named. */
  timeWithZone: (date: Date | string, timeZone: string) => string;
  /** A size for people: "512 kB", "1,5 MB" (es). */
  fileSize: (bytes: number) => string;
  /** The calendar day of an instant in a time zone, without the time: "31 dic 2026" (es). */
  day: (date: Date | string, timeZone: string) => string;
  /** A calendar day written YYYY-MM-DD, as the language writes it: "31 de marzo de 2026" (es). */
  calendarDay: (day: string) => string;
  /** A count or measure with at most one decimal: "1.234", "2,5" (es). */
  number: (value: number) => string;
  /** A WCAG contrast ratio, cut (not rounded) to two decimals so a failing one never reads as passing: "4,49:1" (es). */
  contrastRatio: (value: number) => string;
  /** The same, short, for a chart's axis: "31 mar" (es). */
  shortDay: (day: string) => string;
  /** A correlation coefficient with two decimals and its sign: "−0,25", "0,4" (es). */
  correlation: (value: number) => string;
}

function build(lang: string): Formats {
  const percent = new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 0 });
  const moment = (options: Intl.DateTimeFormatOptions) => (date: Date | string, timeZone: string) =>
    new Intl.DateTimeFormat(lang, { ...options, hour: "numeric", minute: "2-digit", timeZoneName: "long", timeZone }).format(
      new Date(date),
    );
  const megabytes = new Intl.NumberFormat(lang, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 });
  const kilobytes = new Intl.NumberFormat(lang, { style: "unit", unit: "kilobyte", maximumFractionDigits: 0 });
  // A calendar day has no time zone: it is written as that day at noon UTC, formatted in UTC.
  const calendarDay = new Intl.DateTimeFormat(lang, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  const oneDecimal = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const shortDay = new Intl.DateTimeFormat(lang, { month: "short", day: "numeric", timeZone: "UTC" });
  const twoDecimals = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
  const correlation = new Intl.NumberFormat(lang, { maximumFractionDigits: 2, signDisplay: "negative" });
  return {
    correlation: (value) => correlation.format(value),
    contrastRatio: (value) => `${twoDecimals.format(Math.floor(value * 100) / 100)}:1`,
    percent: (value) => percent.format(value / 100),
    calendarDay: (day) => calendarDay.format(new Date(`${day}T12:00:00Z`)),
    number: (value) => oneDecimal.format(value),
    shortDay: (day) => shortDay.format(new Date(`${day}T12:00:00Z`)),
    fileSize: (bytes) =>
      bytes >= 1024 * 1024 ? megabytes.format(bytes / (1024 * 1024)) : kilobytes.format(Math.max(1, Math.round(bytes / 1024))),
    dateTimeWithZone: moment({ year: "numeric", month: "long", day: "numeric" }),
    timeWithZone: moment({}),
    day: (date, timeZone) => new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeZone }).format(new Date(date)),
  };
}

const cache = new Map<Locale, Formats>();

export function formatsFor(locale: Locale): Formats {
  let formats = cache.get(locale);
  if (!formats) cache.set(locale, (formats = build(htmlLang[locale])));
  return formats;
}
