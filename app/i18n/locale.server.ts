/** The language of a request, and the switcher's cookie. */
import { getCurrentUser } from "~/auth/guards.server.ts";
import { isLocale, type Locale } from "./locales.ts";
import { LOCALE_COOKIE, localeFromCookieHeader, negotiateLocale } from "./negotiate.ts";
import { translatorFor, type Translate } from "./translate.ts";
import { isHttps } from "~/auth/session.server.ts";

export function readLocaleCookie(request: Request): string | null {
  return localeFromCookieHeader(request.headers.get("Cookie"));
}

export function localeCookie(locale: Locale, request: Request): string {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax${isHttps(request) ? "; Secure" : ""}`;
}

export async function getLocale(request: Request): Promise<Locale> {
  const user = await getCurrentUser(request);
  return negotiateLocale({
    userLocale: user?.locale,
    cookieLocale: readLocaleCookie(request),
    acceptLanguage: request.headers.get("Accept-Language"),
    cityLocale: user?.city.defaultLocale,
  });
}

export async function getTranslator(request: Request): Promise<Translate> {
  return translatorFor(await getLocale(request));
}

export { isLocale };
