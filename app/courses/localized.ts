import { z } from "zod";
import { isLocale, locales, type Locale } from "~/i18n/locales.ts";

const localizedJson = z.partialRecord(z.enum(locales), z.unknown());
const localeList = z.array(z.enum(locales));

/** The language to show a course in: the reader's when the course is complete in it, else its source language. */
export function pickLocale(languages: readonly Locale[], sourceLocale: string, wanted: Locale): Locale {
  if (languages.includes(wanted)) return wanted;
  return isLocale(sourceLocale) ? sourceLocale : (languages[0] ?? "es");
}

export function parseLocales(json: string): Locale[] {
  return localeList.parse(JSON.parse(json));
}

/** One language's value of a JSON object stored by the importer, with the source language as fallback. */
export function readLocalized<T>(json: string, locale: Locale, fallback: Locale, item: z.ZodType<T>): T {
  const record = localizedJson.parse(JSON.parse(json));
  return item.parse(record[locale] ?? record[fallback]);
}
