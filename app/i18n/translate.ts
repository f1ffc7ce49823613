import { en } from "./messages/en.ts";
import { es, type MessageKey, type Messages } from "./messages/es.ts";
import { pt } from "./messages/pt.ts";
import { isLocale, type Locale } from "./locales.ts";

export type { MessageKey, Messages };
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export const catalogs: Record<Locale, Messages> = { es, pt, en };

export function isMessageKey(value: unknown): value is MessageKey {
  return typeof value === "string" && Object.hasOwn(es, value);
}

export function format(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

export function translator(messages: Messages): Translate {
  return (key, params) => format(messages[key], params);
}

export function translatorFor(locale: Locale): Translate {
  return translator(catalogs[locale]);
}

/** A message key or anything else (e.g. a zod message that is not ours) as text. */
export function translateMaybe(t: Translate, value: string): string {
  return isMessageKey(value) ? t(value) : value;
}

export { isLocale };
