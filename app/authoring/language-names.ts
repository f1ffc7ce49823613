/**
 * A course's languages named in the reader's language, alone ("Español", a label or a table cell) or
 * inside a sentence ("español"), one or as a list ("español, portugués e inglés"). The names are the
 * one set the course checker's messages use too (`checkerLanguage.*` in app/i18n/messages/checker.ts);
 * where a person picks the language they read in, each language is named in itself instead (localeNames).
 */
import type { Locale } from "~/i18n/locales.ts";
import type { Translate } from "~/i18n/translate.ts";

export type NamePlace = "inText" | "alone";

export function languageName(t: Translate, locale: Locale, place: NamePlace = "inText"): string {
  const name = t(`checkerLanguage.${locale}`);
  return place === "alone" ? name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) : name;
}

export function languageList(t: Translate, lang: string, languages: readonly Locale[], place: NamePlace = "inText"): string {
  const list = new Intl.ListFormat(lang, { type: "conjunction" }).format(languages.map((locale) => languageName(t, locale)));
  return place === "alone" ? list.charAt(0).toLocaleUpperCase(lang) + list.slice(1) : list;
}
