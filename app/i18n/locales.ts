/** The product's languages. `pt` is Brazilian Portuguese. */
export const locales = ["es", "pt", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "es";

/** BCP 47 tags for `<html lang>`, Intl and Accept-Language matching. */
export const htmlLang: Record<Locale, string> = { es: "es", pt: "pt-BR", en: "en" };

/** Each language named in itself, for the switcher. */
export const localeNames: Record<Locale, string> = { es: "Español", pt: "Português", en: "English" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}
