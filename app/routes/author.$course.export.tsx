import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireAuthor } from "~/authoring/guard.server.ts";
import { notFound } from "~/http/responses.server.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import type { Locale } from "~/i18n/locales.ts";
import { metaMessage } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { languageList } from "~/authoring/language-names.ts";
import { courseKeyName } from "~/courses/format.ts";
import { exportChoices } from "~/sharing/course-export.server.ts";
import { authorCoursePath, AuthorNav } from "~/ui/author-nav.tsx";

export const meta: MetaFunction<typeof loader> = ({ matches, data: page }) => [
  { title: `${page?.title ?? ""} · ${metaMessage(matches, "sharing.export.title")}` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, scope } = await requireAuthor(request);
  const choices = await exportChoices(scope, params.course ?? "", await getLocale(request));
  if (!choices) throw notFound();
  return { ...choices, name: courseKeyName(choices.key), timeZone: user.city.timeZone };
}

export default function ExportPage() {
  const { t, formats, lang } = useTranslation();
  const page = useLoaderData<typeof loader>();
  const zip = (from: string) => `${authorCoursePath(page.key)}/export.zip?from=${from}`;
  const languages = (list: readonly Locale[]) => languageList(t, lang, list);
  return (
    <div>
      {page.own ? (
        <AuthorNav courseKey={page.key} courseTitle={page.title} current="share" />
      ) : (
        <p className="mb-1 text-sm">
          <Link to="/author" className="text-blue-800 underline">
            {t("authoring.nav.allCourses")}
          </Link>
        </p>
      )}
      <h1 className="mb-2 text-2xl font-bold">{t("sharing.export.heading", { course: page.title })}</h1>
      <div className="mb-4 max-w-3xl space-y-2 text-slate-700">
        <p>{t("sharing.export.intro")}</p>
        <p>{t("sharing.export.languageNote")}</p>
        {page.name !== page.key ? <p>{t("sharing.export.keyNote", { name: page.name })}</p> : null}
        {page.own ? null : <p>{t("sharing.export.readOnly")}</p>}
      </div>
      <section aria-labelledby="export-choose" className="mb-6">
        <h2 id="export-choose" className="mb-2 text-xl font-semibold">
          {t("sharing.export.choose")}
        </h2>
        <ul className="space-y-2">
          {page.own ? (
            <li>
              <a href={zip("draft")} download className="text-blue-800 underline">
                {page.draftLanguages
                  ? t("sharing.export.draft", { languages: languages(page.draftLanguages) })
                  : t("sharing.export.draftUnreadable")}
              </a>
            </li>
          ) : null}
          {page.versions.map((version) => (
            <li key={version.number}>
              <a href={zip(String(version.number))} download className="text-blue-800 underline">
                {t("sharing.export.version", {
                  version: version.number,
                  date: formats.day(version.publishedAt, page.timeZone),
                  languages: languages(version.languages),
                })}
              </a>
            </li>
          ))}
        </ul>
        {page.versions.length === 0 ? <p className="mt-2">{t("sharing.export.noVersions")}</p> : null}
      </section>
      {page.own ? (
        <p>
          <Link to={`${authorCoursePath(page.key)}/import`} className="text-blue-800 underline">
            {t("sharing.export.importLink")}
          </Link>
        </p>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
