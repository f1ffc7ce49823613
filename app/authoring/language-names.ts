/** A course's languages named in the reader's language, alone or as a list ("español, portugués e inglés"). */
import type { Locale } from "~/i18n/locales.ts";
import type { Translate } from "~/i18n/translate.ts";

export function languageName(t: Translate, locale: Locale): string {
  return t(`authoring.translations.lang.${locale}`);
}

export function languageList(t: Translate, lang: string, languages: readonly Locale[]): string {
  return new Intl.ListFormat(lang, { type: "conjunction" }).format(languages.map((locale) => languageName(t, locale)));
}
