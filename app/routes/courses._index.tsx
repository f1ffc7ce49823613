import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listCatalog } from "~/courses/catalog.server.ts";
import { competencyLabelKey, levelLabelKey } from "~/courses/competencies.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import { htmlLang, localeNames } from "~/i18n/locales.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const locale = await getLocale(request);
  return { courses: await listCatalog(locale) };
}

export default function CatalogPage() {
  const { t, locale } = useTranslation();
  const { courses } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="text-2xl font-bold">{t("catalog.title")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("catalog.intro")}</p>
      {courses.length === 0 ? <p className="mt-6">{t("catalog.empty")}</p> : null}
      <ul className="mt-6 grid gap-4 md:grid-cols-2">
        {courses.map((course) => (
          <li key={course.key} className="rounded border border-slate-300 bg-white p-4">
            <h2 className="text-lg font-semibold" lang={htmlLang[course.shownLocale]}>
              <Link to={`/courses/${course.key}`} className="text-blue-800 underline">
                {course.title}
              </Link>
            </h2>
            {course.shownLocale !== locale ? (
              <p className="mt-1 text-sm text-amber-900">{t("catalog.shownIn", { language: localeNames[course.shownLocale] })}</p>
            ) : null}
            <p className="mt-2 text-slate-700" lang={htmlLang[course.shownLocale]}>
              {course.summary}
            </p>
            <dl className="mt-3 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
              <div>
                <dt className="inline font-medium">{t("catalog.level")}: </dt>
                <dd className="inline">{t(levelLabelKey(course.level))}</dd>
              </div>
              <div>
                <dt className="inline font-medium">{t("catalog.duration")}: </dt>
                <dd className="inline">
                  {t("catalog.minutes", { minutes: course.minutes })} · {t("catalog.lessons", { count: course.lessonCount })}
                </dd>
              </div>
              <div>
                <dt className="inline font-medium">{t("catalog.competencies")}: </dt>
                <dd className="inline">
                  {course.competencies.map((competency) => t(competencyLabelKey(competency))).join(", ")}
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "catalog.title");
