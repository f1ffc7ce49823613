/**
 * The dashboard's department and course tables and the network view as CSV or XLSX, written by
 * `sendExport` from the same figures the pages show (hrDashboardPage, networkFigures): never a
 * second computation. Rates are written as percentages with one decimal; "no data" is an empty
 * cell; the network's small groups are written as the page writes them ("< 5").
 */
import { calendarDayIn } from "~/assignments/cycle-dates.ts";
import type { CurrentUser } from "~/auth/guards.server.ts";
import { now } from "~/clock.server.ts";
import type { Locale } from "~/i18n/locales.ts";
import { translatorFor, type Translate } from "~/i18n/translate.ts";
import { badRequest } from "~/http/responses.server.ts";
import { sendExport, type ExportColumn, type ExportFormat } from "./export.server.ts";
import { MIN_GROUP, type Anonymised, type Figure, type Figures } from "./figures.ts";
import { hrDashboardPage, networkFigures, type NetworkRow } from "./figures.server.ts";
import { defaultPeriod } from "./filters.server.ts";
import type { HrScope } from "./scope.server.ts";
import { oneDecimal, percentage } from "./rounding.ts";

export const figureTables = ["departments", "courses"] as const;
export type FigureTable = (typeof figureTables)[number];

const percent = (figure: Figure) => (figure.value === null ? null : percentage(figure.value, 1));
const count = (figure: Figure) => figure.value;
const score = (figure: Figure) => (figure.value === null ? null : oneDecimal(figure.value));

function figureColumns<T extends { figures: Figures }>(t: Translate): ExportColumn<T>[] {
  const asPercent = (label: string) => t("exports.col.percent", { label });
  return [
    { header: t("reports.fig.people"), value: (row) => count(row.figures.people) },
    { header: t("reports.fig.assigned"), value: (row) => count(row.figures.assigned) },
    { header: t("reports.fig.started"), value: (row) => count(row.figures.started) },
    { header: t("reports.fig.completed"), value: (row) => count(row.figures.completed) },
    { header: asPercent(t("reports.fig.completionRate")), value: (row) => percent(row.figures.completionRate) },
    { header: t("reports.fig.completionsInPeriod"), value: (row) => count(row.figures.completionsInPeriod) },
    { header: t("reports.fig.voluntaryCompleted"), value: (row) => count(row.figures.voluntaryCompleted) },
    { header: t("reports.fig.averageScore"), value: (row) => score(row.figures.averageScore) },
    { header: asPercent(t("reports.fig.firstAttemptPassRate")), value: (row) => percent(row.figures.firstAttemptPassRate) },
    { header: t("reports.fig.overdue"), value: (row) => count(row.figures.overdue) },
    { header: asPercent(t("reports.fig.compliantShare")), value: (row) => percent(row.figures.compliantShare) },
  ];
}

async function* listed<T>(rows: readonly T[]): AsyncIterable<T> {
  yield* rows;
}

/** `/hr/export/departments.csv` and the like: the dashboard's table with the dashboard's filters. */
export async function exportFigureTable(input: {
  table: FigureTable;
  format: ExportFormat;
  scope: HrScope;
  params: URLSearchParams;
  viewer: CurrentUser;
  locale: Locale;
  signal?: AbortSignal;
}): Promise<Response> {
  const at = now();
  const page = await hrDashboardPage(input.scope, input.params, at, input.locale);
  // A bad or foreign filter exports nothing (the dashboard shows why).
  if (!page.ok) throw badRequest();
  const t = translatorFor(input.locale);
  const name = t(`exports.file.${input.table}`);
  const common = {
    format: input.format,
    filename: `${input.viewer.city.slug}-${name}-${page.filters.from}-${page.filters.to}`,
    sheetName: name,
    audit: { cityId: input.scope.cityId, actorId: input.viewer.id, list: input.table, filters: page.filters },
    signal: input.signal,
  };
  if (input.table === "departments") {
    const { departments } = page;
    const rows = [
      { name: departments.top?.name ?? t("reports.dept.cityTotal"), figures: departments.total },
      ...departments.rows.map((row) => ({ name: row.name, figures: row.figures })),
    ];
    const columns: ExportColumn<(typeof rows)[number]>[] = [
      { header: t("reports.col.department"), value: (row) => row.name },
      ...figureColumns<(typeof rows)[number]>(t),
    ];
    return sendExport({ ...common, columns, rows: listed(rows) });
  }
  const columns: ExportColumn<(typeof page.courses)[number]>[] = [
    { header: t("reports.col.course"), value: (row) => row.title },
    ...figureColumns<(typeof page.courses)[number]>(t),
  ];
  return sendExport({ ...common, columns, rows: listed(page.courses) });
}

/** `/network/export.csv`: the network view's anonymised rows, small groups written as "< 5". */
export async function exportNetwork(input: {
  format: ExportFormat;
  viewer: CurrentUser;
  locale: Locale;
  signal?: AbortSignal;
}): Promise<Response> {
  const at = now();
  const days = defaultPeriod(at, input.viewer.city.timeZone);
  const cities = await networkFigures(days, at, input.locale);
  const t = translatorFor(input.locale);
  const fewer = t("network.fewer", { min: MIN_GROUP });
  const shown = (figure: Anonymised, write: (value: number) => number) =>
    !figure.shown ? fewer : figure.value === null ? null : write(figure.value);
  const asPercent = (label: string) => t("exports.col.percent", { label });
  const columns: ExportColumn<NetworkRow>[] = [
    { header: t("network.col.city"), value: (row) => row.city },
    { header: t("network.col.people"), value: (row) => shown(row.people, (value) => value) },
    { header: t("network.col.assigned"), value: (row) => shown(row.assigned, (value) => value) },
    {
      header: asPercent(t("network.col.completionRate")),
      value: (row) => shown(row.completionRate, (value) => percentage(value, 1)),
    },
    {
      header: asPercent(t("network.col.compliantShare")),
      value: (row) => shown(row.compliantShare, (value) => percentage(value, 1)),
    },
    { header: t("network.col.averageScore"), value: (row) => shown(row.averageScore, oneDecimal) },
    { header: t("network.col.topCourses"), value: (row) => row.topCourses.map((course) => course.title).join("; ") },
  ];
  return sendExport({
    format: input.format,
    filename: `${t("exports.file.network")}-${days.from}-${days.to}`,
    sheetName: t("exports.file.network"),
    columns,
    rows: listed(cities),
    audit: {
      cityId: input.viewer.city.id,
      actorId: input.viewer.id,
      list: "network",
      filters: { ...days, at: calendarDayIn(at, "UTC") },
    },
    signal: input.signal,
  });
}
