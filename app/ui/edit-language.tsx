/**
 * The choice of the language an authoring page edits: the source language first, then each
 * translation, named in the reader's language; `notes` adds a word after a language (its
 * translation's state). The source language's link carries no `lang`: each page reads it as the default.
 */
import { Link } from "@remix-run/react";
import { languageName } from "~/authoring/language-names.ts";
import type { Locale } from "~/i18n/locales.ts";
import { useTranslation } from "~/i18n/use-translation.ts";

export function LanguageChoice({
  languages,
  sourceLocale,
  lang,
  path,
  extra = "",
  notes = {},
}: {
  languages: readonly Locale[];
  sourceLocale: Locale;
  lang: Locale;
  path: string;
  /** More of the query string, kept in every link (e.g. "edit=<activity>"). */
  extra?: string;
  notes?: Partial<Record<Locale, string>>;
}) {
  const { t } = useTranslation();
  const ordered = [sourceLocale, ...languages.filter((locale) => locale !== sourceLocale)];
  return (
    <nav aria-label={t("authoring.editLanguage.label")} className="mb-6">
      <p className="mb-1 font-medium">{t("authoring.editLanguage.label")}</p>
      <ul className="flex flex-wrap gap-2">
        {ordered.map((locale) => {
          const label = t(locale === sourceLocale ? "authoring.editLanguage.source" : "authoring.editLanguage.translation", {
            language: languageName(t, locale, "alone"),
          });
          const query = [locale === sourceLocale ? "" : `lang=${locale}`, extra].filter(Boolean).join("&");
          return (
            <li key={locale}>
              <Link
                to={`${path}${query ? `?${query}` : ""}`}
                aria-current={locale === lang ? "page" : undefined}
                className={`inline-block rounded border px-3 py-1 ${locale === lang ? "border-blue-800 bg-blue-800 font-semibold text-white" : "border-slate-500 text-blue-800 underline"}`}
              >
                {label}
              </Link>
              {notes[locale] ? <span className="text-sm text-slate-700">{` — ${notes[locale]}`}</span> : null}
            </li>
          );
        })}
      </ul>
      {lang !== sourceLocale ? (
        <p className="mt-2 text-sm">
          {t("authoring.editLanguage.translating", {
            language: languageName(t, lang),
            source: languageName(t, sourceLocale),
          })}
        </p>
      ) : null}
    </nav>
  );
}
