import { readCookie } from "../http/cookies.ts";
import { defaultLocale, isLocale, type Locale } from "./locales.ts";

export const LOCALE_COOKIE = "aula_lang";

/** The language chosen with the switcher, from a Cookie header. */
export function localeFromCookieHeader(header: string | null): string | null {
  return readCookie(header, LOCALE_COOKIE);
}

/** Languages in an Accept-Language header, best first, reduced to their primary subtag. */
export function parseAcceptLanguage(header: string | null): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase().split("-")[0] ?? "", quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.tag !== "" && entry.tag !== "*" && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map((entry) => entry.tag);
}

export interface LocaleSources {
  userLocale?: string | null;
  cookieLocale?: string | null;
  acceptLanguage?: string | null;
  cityLocale?: string | null;
}

/** The user's setting, else the switcher's cookie, else the browser's languages, else the city's default. */
export function negotiateLocale(sources: LocaleSources): Locale {
  if (isLocale(sources.userLocale)) return sources.userLocale;
  if (isLocale(sources.cookieLocale)) return sources.cookieLocale;
  const fromBrowser = parseAcceptLanguage(sources.acceptLanguage ?? null).find(isLocale);
  if (fromBrowser) return fromBrowser;
  if (isLocale(sources.cityLocale)) return sources.cityLocale;
  return defaultLocale;
}
