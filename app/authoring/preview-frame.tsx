/**
 * Around every preview page: what it is (learners do not see this draft, nothing is saved), the
 * language to preview in, and whether the draft could be published as it is. Inside the frame,
 * the learner's own page.
 */
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { htmlLang, localeNames, type Locale } from "~/i18n/locales.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { authorCoursePath } from "~/ui/author-nav.tsx";

export interface PreviewState {
  courseKey: string;
  languages: Locale[];
  wanted: Locale;
  shownLocale: Locale;
  errorCount: number;
}

/** A preview page's address, keeping the language shown. */
export function previewHref(courseKey: string, wanted: Locale, page: string | null = null): string {
  return `/author/${courseKey}/preview${page ? `/${page}` : ""}?lang=${wanted}`;
}

export function PreviewFrame({ preview, children }: { preview: PreviewState; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="mt-4 rounded border-l-4 border-amber-700 bg-amber-50 p-3">
        <p className="font-bold text-amber-950">{t("authoring.preview.banner")}</p>
        <p className="mt-1 text-sm">{t("authoring.preview.nothingSaved")}</p>
        <Form method="get" className="mt-3 flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="lang" className="block text-sm font-medium">
              {t("authoring.preview.language")}
            </label>
            <select
              id="lang"
              name="lang"
              defaultValue={preview.wanted}
              className="mt-1 rounded border border-slate-500 bg-white px-2 py-2"
            >
              {preview.languages.map((code) => (
                <option key={code} value={code} lang={htmlLang[code]}>
                  {localeNames[code]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="rounded border border-blue-800 bg-white px-4 py-2 font-semibold text-blue-800">
            {t("authoring.preview.show")}
          </button>
        </Form>
        {preview.shownLocale !== preview.wanted ? (
          <p className="mt-2 text-sm">
            {t("authoring.preview.fallback", { language: localeNames[preview.wanted], shown: localeNames[preview.shownLocale] })}
          </p>
        ) : null}
        {preview.errorCount > 0 ? (
          <p className="mt-2 text-sm font-medium text-red-800">
            {t("authoring.preview.errors", { count: preview.errorCount })}{" "}
            <Link to={authorCoursePath(preview.courseKey, "publish")} className="text-blue-800 underline">
              {t("authoring.preview.seeProblems")}
            </Link>
          </p>
        ) : null}
      </div>
      <section
        aria-label={t("authoring.preview.frame")}
        className="mt-4 rounded border-4 border-dashed border-slate-400 p-3 sm:p-5"
      >
        {children}
      </section>
    </>
  );
}
