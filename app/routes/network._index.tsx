import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server.ts";
import { now } from "~/clock.server.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { MIN_GROUP, NETWORK_TREND_WEEKS, type Anonymised } from "~/reports/figures.ts";
import { networkFigures } from "~/reports/figures.server.ts";
import { defaultPeriod } from "~/reports/filters.server.ts";
import { ExportLinks } from "~/reports/list-parts.tsx";
import { TableScroll } from "~/ui/table-scroll.tsx";
import { WeeklyChart } from "~/ui/weekly-chart.tsx";
import { oneDecimal, percentage } from "~/reports/rounding.ts";
import { NetworkNav } from "~/ui/network-nav.tsx";
import { sharedCourses } from "~/sharing/network-use.server.ts";
import { SharedCoursesSection } from "~/sharing/shared-courses.tsx";

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "NETWORK_ADMIN");
  const at = now();
  const days = defaultPeriod(at, admin.city.timeZone);
  const locale = await getLocale(request);
  return {
    days,
    cities: await networkFigures(days, at, locale),
    shared: await sharedCourses(locale),
    timeZone: admin.city.timeZone,
  };
}

function useAnonymisedText() {
  const { t, formats } = useTranslation();
  const fewer = t("network.fewer", { min: MIN_GROUP });
  const noData = t("reports.noData");
  const show = (figure: Anonymised, write: (value: number) => string) =>
    !figure.shown ? fewer : figure.value === null ? noData : write(figure.value);
  return {
    fewer,
    count: (figure: Anonymised) => show(figure, formats.number),
    rate: (figure: Anonymised) => show(figure, (value) => formats.percent(percentage(value, 0))),
    score: (figure: Anonymised) => show(figure, (value) => t("reports.score", { score: oneDecimal(value) })),
  };
}

const cell = "p-2 text-right";

export default function NetworkPage() {
  const { t, formats } = useTranslation();
  const { days, cities, shared, timeZone } = useLoaderData<typeof loader>();
  const text = useAnonymisedText();
  const weeks = cities[0]?.trend.map((point) => point.week) ?? [];
  const weekLabel = (week: string) => {
    const [year, number] = week.split("-W");
    return t("network.weekLabel", { week: String(Number(number)), year: year! });
  };
  return (
    <div>
      <NetworkNav current="/network" />
      <h1 className="mb-2 text-2xl font-bold">{t("network.title")}</h1>
      <p className="mb-4 text-slate-700">
        {t("network.intro", {
          from: formats.calendarDay(days.from),
          to: formats.calendarDay(days.to),
          min: MIN_GROUP,
          fewer: text.fewer,
        })}
      </p>
      <ExportLinks list="cities" search="" basePath="/network/export" />
      <TableScroll label={t("network.table")}>
        <table className="mb-6 w-full border-collapse bg-white text-left">
          <caption className="mb-1 text-left text-xl font-semibold">{t("network.table")}</caption>
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className="p-2">
                {t("network.col.city")}
              </th>
              {(["people", "assigned", "completionRate", "compliantShare", "averageScore"] as const).map((column) => (
                <th key={column} scope="col" className={cell}>
                  {t(`network.col.${column}`)}
                </th>
              ))}
              <th scope="col" className="p-2">
                {t("network.col.topCourses")}
              </th>
            </tr>
          </thead>
          <tbody>
            {cities.map((city) => (
              <tr key={city.city} className="border-b border-slate-200 align-top">
                <th scope="row" className="p-2">
                  {city.city}
                </th>
                <td className={cell}>{text.count(city.people)}</td>
                <td className={cell}>{text.count(city.assigned)}</td>
                <td className={cell}>{text.rate(city.completionRate)}</td>
                <td className={cell}>{text.rate(city.compliantShare)}</td>
                <td className={cell}>{text.score(city.averageScore)}</td>
                <td className="p-2">
                  {city.topCourses.length === 0 ? (
                    t("network.noCourses")
                  ) : (
                    <ol className="list-decimal pl-5">
                      {city.topCourses.map((course) => (
                        <li key={course.title}>
                          {t("network.topCourse", { title: course.title, count: text.count(course.completions) })}
                        </li>
                      ))}
                    </ol>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <h2 className="mb-2 text-xl font-semibold">{t("network.trendTitle")}</h2>
      <WeeklyChart
        title={t("network.trendTitle")}
        description={t("network.trendDesc", { weeks: NETWORK_TREND_WEEKS, min: MIN_GROUP })}
        tableCaption={t("network.trendTable")}
        weekHeader={t("network.week")}
        weekLabels={weeks.map(weekLabel)}
        axisLabels={weeks.map((week) => String(Number(week.split("-W")[1])))}
        series={cities.map((city) => ({
          key: city.city,
          label: city.city,
          values: city.trend.map((point) => (point.completions.shown ? point.completions.value : null)),
          cells: city.trend.map((point) => text.count(point.completions)),
        }))}
      />
      <SharedCoursesSection courses={shared} timeZone={timeZone} />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "network.title");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
