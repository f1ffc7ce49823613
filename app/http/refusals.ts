/**
 * Refusals the HTTP server sends before a request reaches Remix (foreign origin, body too
 * large, no length, a `?_data=` request from a page built before single fetch), as plain text
 * in the visitor's language: the switcher's cookie, else the browser's languages. Who the visitor is is not looked up for a refused request.
 */
import { localeFromCookieHeader, negotiateLocale } from "../i18n/negotiate.ts";
import { translatorFor } from "../i18n/translate.ts";

export type Refusal = "crossSite" | "tooLarge" | "lengthRequired" | "oldPage";

const messageKeys = {
  crossSite: "error.crossSite.text",
  tooLarge: "error.tooLarge.text",
  lengthRequired: "error.lengthRequired.text",
  oldPage: "error.oldPage.text",
} as const;

export function refusalText(refusal: Refusal, headers: { cookie?: string; acceptLanguage?: string }): string {
  const cookieLocale = localeFromCookieHeader(headers.cookie ?? null);
  const t = translatorFor(negotiateLocale({ cookieLocale, acceptLanguage: headers.acceptLanguage ?? null }));
  return t(messageKeys[refusal]);
}
