import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getCurrentUser } from "~/auth/guards.server.ts";
import { listCatalog } from "~/courses/catalog.server.ts";
import { learnerDashboard } from "~/learning/enrollments.server.ts";
import { competencies, competencyLabelKey, levelLabelKey, levels } from "~/courses/competencies.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import { htmlLang, localeNames } from "~/i18n/locales.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";

// Unknown filter values are ignored rather than refused: a shared link keeps working.
const filterSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  competency: z.enum(competencies).optional().catch(undefined),
  level: z.enum(levels).optional().catch(undefined),
  mandatory: z.literal("1").optional().catch(undefined),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const filters = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [user, locale] = await Promise.all([getCurrentUser(request), getLocale(request)]);
  const reader = user ? { userId: user.id, cityId: user.city.id, departmentId: user.department?.id ?? null } : null;
  const progress = user ? await learnerDashboard(user, locale) : null;
  const percentByCourse = Object.fromEntries(
    progress
      ? [...progress.assigned, ...progress.inProgress, ...progress.completed].map((item) => [
          item.courseKey,
          item.completedAt ? 100 : item.percent,
        ])
      : [],
  );
  const courses = await listCatalog(
    locale,
    {
      query: filters.q,
      competency: filters.competency,
      level: filters.level,
      mandatoryOnly: Boolean(filters.mandatory && reader),
    },
    reader,
  );
  return { courses, filters, signedIn: Boolean(user), percentByCourse };
}

export default function CatalogPage() {
  const { t, locale, formats } = useTranslation();
  const { courses, filters, signedIn, percentByCourse } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="text-2xl font-bold">{t("catalog.title")}</h1>
      <p className="mt-2 max-w-3xl text-slate-700">{t("catalog.intro")}</p>
      <Form
        method="get"
        role="search"
        className="mt-4 grid gap-3 rounded border border-slate-300 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4"
      >
        <div>
          <label htmlFor="q" className="block text-sm font-medium">
            {t("catalog.searchLabel")}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={filters.q ?? ""}
            className="mt-1 w-full rounded border border-slate-500 px-2 py-1"
          />
        </div>
        <div>
          <label htmlFor="competency" className="block text-sm font-medium">
            {t("catalog.filterCompetency")}
          </label>
          <select
            id="competency"
            name="competency"
            defaultValue={filters.competency ?? ""}
            className="mt-1 w-full rounded border border-slate-500 px-2 py-1"
          >
            <option value="">{t("catalog.any")}</option>
            {competencies.map((competency) => (
              <option key={competency} value={competency}>
                {t(competencyLabelKey(competency))}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="level" className="block text-sm font-medium">
            {t("catalog.filterLevel")}
          </label>
          <select
            id="level"
            name="level"
            defaultValue={filters.level ?? ""}
            className="mt-1 w-full rounded border border-slate-500 px-2 py-1"
          >
            <option value="">{t("catalog.any")}</option>
            {levels.map((level) => (
              <option key={level} value={level}>
                {t(levelLabelKey(level))}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col justify-end gap-2">
          {signedIn ? (
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="mandatory" value="1" defaultChecked={filters.mandatory === "1"} className="h-4 w-4" />
              {t("catalog.mandatoryOnly")}
            </label>
          ) : null}
          <button type="submit" className="rounded bg-blue-800 px-3 py-1 font-semibold text-white">
            {t("catalog.apply")}
          </button>
        </div>
      </Form>
      <p className="mt-4 text-sm text-slate-700" role="status">
        {t("catalog.results", { count: courses.length })}
      </p>
      {courses.length === 0 ? <p className="mt-2">{t("catalog.empty")}</p> : null}
      <ul className="mt-4 grid gap-4 md:grid-cols-2">
        {courses.map((course) => (
          <li key={course.key} className="rounded border border-slate-300 bg-white p-4">
            <h2 className="text-lg font-semibold" lang={htmlLang[course.shownLocale]}>
              <Link to={`/courses/${course.key}`} className="text-blue-800 underline">
                {course.title}
              </Link>
            </h2>
            {percentByCourse[course.key] !== undefined ? (
              <p className="mt-1 text-sm text-slate-700">
                {t("catalog.yourProgress", { percent: formats.percent(percentByCourse[course.key] ?? 0) })}
              </p>
            ) : null}
            {course.mandatory ? (
              <p className="mt-1 inline-block rounded bg-amber-100 px-2 text-sm font-medium text-amber-950">
                {t("catalog.mandatory")}
              </p>
            ) : null}
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
