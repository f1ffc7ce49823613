/**
 * The page sent while the database cannot answer (503), in the visitor's language: the switcher's
 * cookie, else the browser's languages (the person's own setting is in the database, which is the
 * thing that is not answering). Whole and self-contained, so it needs nothing from the app.
 */
import { localeFromCookieHeader, negotiateLocale } from "../i18n/negotiate.ts";
import { htmlLang, type Locale } from "../i18n/locales.ts";
import { translatorFor } from "../i18n/translate.ts";

/** Seconds a client is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS = 10;

export function unavailableLocale(headers: { cookie?: string; acceptLanguage?: string }): Locale {
  return negotiateLocale({
    cookieLocale: localeFromCookieHeader(headers.cookie ?? null),
    acceptLanguage: headers.acceptLanguage ?? null,
  });
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char] ?? char);

/** The page as HTML, or as one line of text for a request of the page's data (`.data`), which the browser shows in place. */
export function unavailableAnswer(headers: { cookie?: string; acceptLanguage?: string }, { document }: { document: boolean }) {
  const locale = unavailableLocale(headers);
  const t = translatorFor(locale);
  if (!document) return { contentType: "text/plain; charset=utf-8", body: `${t("operations.unavailable.text")}\n` };
  const body = `<!DOCTYPE html>
<html lang="${htmlLang[locale]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t("operations.unavailable.title"))} · ${escapeHtml(t("app.name"))}</title>
</head>
<body>
<main>
<h1>${escapeHtml(t("operations.unavailable.title"))}</h1>
<p>${escapeHtml(t("operations.unavailable.text"))}</p>
<p><a href="">${escapeHtml(t("operations.unavailable.retry"))}</a></p>
</main>
</body>
</html>
`;
  return { contentType: "text/html; charset=utf-8", body };
}
