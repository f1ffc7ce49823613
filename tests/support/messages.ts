/**
 * Which catalog a piece of page text comes from: each message of es, pt and en as a pattern
 * (its {params} match anything), so a test can tell "a message in the request's language"
 * from "a message of another language" (a text identical in two languages belongs to both).
 */
import { localeNames, locales, type Locale } from "~/i18n/locales.ts";
import { catalogs, messageForms } from "~/i18n/translate.ts";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function pattern(message: string): RegExp | null {
  const literal = message.replace(/\{\w+\}/g, "").trim();
  // A message that is almost all parameters ("{name}") would match any text.
  if (literal.replace(/[\s\p{P}]/gu, "").length < 3) return null;
  const source = message
    .split(/(\{\w+\})/)
    .map((part) => (/^\{\w+\}$/.test(part) ? "[\\s\\S]*?" : escape(part.replace(/\s+/g, " "))))
    .join("");
  return new RegExp(`^${source}$`, "u");
}

const patterns: Record<Locale, Array<{ key: string; pattern: RegExp }>> = Object.fromEntries(
  locales.map((locale) => [
    locale,
    Object.entries(catalogs[locale]).flatMap(([key, message]) =>
      messageForms(message).flatMap((form) => {
        const compiled = pattern(form);
        return compiled ? [{ key, pattern: compiled }] : [];
      }),
    ),
  ]),
) as Record<Locale, Array<{ key: string; pattern: RegExp }>>;

/** The keys of `locale`'s catalog whose message is exactly this text (with any parameters). */
export function messageKeysOf(text: string, locale: Locale): string[] {
  const normalised = text.replace(/\s+/g, " ").trim();
  return patterns[locale].filter((entry) => entry.pattern.test(normalised)).map((entry) => entry.key);
}

/** The languages whose catalog has this text as a message. A language's own name ("Português",
 * "English") belongs to every page by design, in the language switcher, so it counts for none. */
export function languagesOf(text: string): Locale[] {
  if ((Object.values(localeNames) as string[]).includes(text.replace(/\s+/g, " ").trim())) return [];
  return locales.filter((locale) => messageKeysOf(text, locale).length > 0);
}
