import { en } from "./messages/en.ts";
import { es, type MessageKey, type Messages, type PluralForms } from "./messages/es.ts";
import { pt } from "./messages/pt.ts";
import { htmlLang, isLocale, type Locale } from "./locales.ts";

export type { MessageKey, Messages, PluralForms };
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const catalogs: Record<Locale, Messages> = { es, pt, en };

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === "string" && Object.hasOwn(es, value);
}

/** Every text of a message: itself, or each plural form. */
export function messageForms(message: string | PluralForms): string[] {
  return typeof message === "string" ? [message] : Object.values(message).filter((form) => form !== undefined);
}

/** Fills `{name}` placeholders; numbers are written the way the language writes them (`Intl.NumberFormat`). */
export function format(template: string, params: MessageParams = {}, numbers?: Intl.NumberFormat): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!Object.hasOwn(params, name)) return whole;
    const value = params[name];
    return typeof value === "number" && numbers ? numbers.format(value) : String(value);
  });
}

/**
 * A plural message holds one text per plural category of its language ("1 persona" / "2 personas",
 * and Spanish and Portuguese "many": "1 000 000 de personas"); `Intl.PluralRules` picks it by `{count}`.
 */
export function translator(messages: Messages, lang: string): Translate {
  const plurals = new Intl.PluralRules(lang);
  const numbers = new Intl.NumberFormat(lang);
  return (key, params) => {
    const message: string | PluralForms = messages[key];
    const template =
      typeof message === "string" ? message : (message[plurals.select(Number(params?.count ?? 0))] ?? message.other);
    return format(template, params, numbers);
  };
}

const translators = new Map<Locale, Translate>();

export function translatorFor(locale: Locale): Translate {
  let translate = translators.get(locale);
  if (!translate) translators.set(locale, (translate = translator(catalogs[locale], htmlLang[locale])));
  return translate;
}

/** A message key or anything else (e.g. a zod message that is not ours) as text. */
export function translateMaybe(t: Translate, value: string): string {
  return isMessageKey(value) ? t(value) : value;
}

export { isLocale };
