/**
 * Refusals the HTTP server sends before a request reaches Remix (foreign origin, body too
 * large, no length, a `?_data=` request from a page built before single fetch), as plain text
 * in the visitor's language: the switcher's cookie, else the browser's languages. Who the
 * visitor is is not looked up for a refused request.
 * The form reader (`app/forms/read-form.server.ts`) sends the same texts, and those about a
 * form it refuses while reading it, in the language of the page.
 */
import { localeFromCookieHeader, negotiateLocale } from "../i18n/negotiate.ts";
import { isLocale, type Locale } from "../i18n/locales.ts";
import { translatorFor } from "../i18n/translate.ts";

export type Refusal = "crossSite" | "tooLarge" | "lengthRequired" | "oldPage" | "tooManyFields" | "fileNotAccepted" | "notAForm";

const messageKeys = {
  crossSite: "error.crossSite.text",
  tooLarge: "error.tooLarge.text",
  lengthRequired: "error.lengthRequired.text",
  oldPage: "error.oldPage.text",
  tooManyFields: "error.tooManyFields.text",
  fileNotAccepted: "error.fileNotAccepted.text",
  notAForm: "error.badRequest.text",
} as const;

export const refusalStatus: Record<Refusal, number> = {
  crossSite: 403,
  tooLarge: 413,
  lengthRequired: 411,
  oldPage: 400,
  tooManyFields: 413,
  fileNotAccepted: 400,
  notAForm: 400,
};

/**
 * The body of a form the form reader refused (JSON): the page renders it in the language it
 * was refused in, since the root loader, which knows the language, does not run after an
 * action fails; a script (the quiz) reads `status`.
 */
export interface RefusalData {
  status: "refused";
  refusal: Refusal;
  locale: Locale;
  message: string;
}

export function isRefusalData(value: unknown): value is RefusalData {
  return (
    typeof value === "object" &&
    value !== null &&
    "refusal" in value &&
    typeof value.refusal === "string" &&
    Object.hasOwn(messageKeys, value.refusal) &&
    "locale" in value &&
    isLocale(value.locale)
  );
}

export function refusalKey(refusal: Refusal) {
  return messageKeys[refusal];
}

export function refusalTextIn(refusal: Refusal, locale: Locale): string {
  return translatorFor(locale)(messageKeys[refusal]);
}

export function refusalText(refusal: Refusal, headers: { cookie?: string; acceptLanguage?: string }): string {
  const cookieLocale = localeFromCookieHeader(headers.cookie ?? null);
  return refusalTextIn(refusal, negotiateLocale({ cookieLocale, acceptLanguage: headers.acceptLanguage ?? null }));
}
