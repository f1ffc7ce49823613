/**
 * What the translations page says about a draft's matrix (app/authoring/translations.ts): per
 * language other than the source, how many units are missing or outdated, and a unit's text put
 * in lines a translator can read beside the source.
 */
import type { Locale } from "~/i18n/locales.ts";
import type { Unit, UnitRow } from "./translations.ts";

export interface LanguageGaps {
  locale: Locale;
  missing: number;
  outdated: number;
}

/** Each language but the source, with how many units are missing or outdated in it. */
export function languageGaps(matrix: readonly UnitRow[], sourceLocale: Locale, languages: readonly Locale[]): LanguageGaps[] {
  return languages
    .filter((locale) => locale !== sourceLocale)
    .map((locale) => ({
      locale,
      missing: matrix.filter((row) => row.states[locale] === "missing").length,
      outdated: matrix.filter((row) => row.states[locale] === "outdated").length,
    }));
}

export interface ReadableField {
  /** Where the text sits in the file ("title", "questions/2/explanation"); empty for a lesson's Markdown. */
  field: string;
  text: string;
}

/**
 * A unit's text (`unitText`) as fields to show: a lesson is its Markdown; a YAML unit is each of
 * its localized fields in that language, by where it sits in the file.
 */
export function readableUnitText(unit: Unit, text: string): ReadableField[] {
  if (unit.startsWith("lesson:")) return [{ field: "", text }];
  const parts = JSON.parse(text) as Array<[string, unknown]>;
  return parts.map(([at, value]) => ({
    field: at.replace(/^\//, ""),
    text: typeof value === "string" ? value : JSON.stringify(value),
  }));
}
