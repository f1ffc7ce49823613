/** The choice of the language a page edits: the source language first, then each translation. */
import { Link } from "@remix-run/react";
import type { Locale } from "~/i18n/locales.ts";
import { useTranslation } from "~/i18n/use-translation.ts";

export function LanguageChoice({
  languages,
  sourceLocale,
  lang,
  path,
  extra = "",
}: {
  languages: readonly Locale[];
  sourceLocale: Locale;
  lang: Locale;
  path: string;
  extra?: string;
}) {
  const { t } = useTranslation();
  const ordered = [sourceLocale, ...languages.filter((locale) => locale !== sourceLocale)];
  return (
    <nav aria-label={t("authoring.quiz.language.label")} className="mb-6">
      <p className="mb-1 font-medium">{t("authoring.quiz.language.label")}</p>
      <ul className="flex flex-wrap gap-2">
        {ordered.map((locale) => {
          const label = t(locale === sourceLocale ? "authoring.quiz.language.source" : "authoring.quiz.language.translation", {
            language: t(`checkerLanguage.${locale}`),
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
            </li>
          );
        })}
      </ul>
      {lang !== sourceLocale ? (
        <p className="mt-2 text-sm">
          {t("authoring.quiz.language.translating", {
            language: t(`checkerLanguage.${lang}`),
            source: t(`checkerLanguage.${sourceLocale}`),
          })}
        </p>
      ) : null}
    </nav>
  );
}
