import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { now } from "~/clock.server.ts";
import type { FieldErrors } from "~/forms/parse-form.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import type { Figure, Figures } from "~/reports/figures.ts";
import { hrDashboardPage } from "~/reports/figures.server.ts";
import { filtersToSearch } from "~/reports/filters.ts";
import { ExportLinks } from "~/reports/list-parts.tsx";
import { requireHr } from "~/reports/scope.server.ts";
import { DEFAULT_EXPIRING_DAYS } from "~/reports/status.ts";
import { ErrorSummary, SelectField, SubmitButton, TextField, CheckboxField } from "~/ui/form.tsx";
import { TableScroll } from "~/ui/table-scroll.tsx";
import { WeeklyChart } from "~/ui/weekly-chart.tsx";
import { oneDecimal, percentage } from "~/reports/rounding.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const { scope } = await requireHr(request);
  const params = new URL(request.url).searchParams;
  const page = await hrDashboardPage(scope, params, now(), await getLocale(request));
  const context = { city: scope.cityName, scopeName: scope.subtree?.name ?? null, values: Object.fromEntries(params) };
  if (!page.ok) {
    const errors: FieldErrors = Object.fromEntries(page.problems.map((problem) => [problem.field, problem.message]));
    return data({ ...context, ...page, errors }, { status: 400 });
  }
  return { ...context, ...page, errors: undefined };
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Dashboard = Extract<LoaderData, { ok: true }>;

function useFigureText() {
  const { t, formats } = useTranslation();
  const noData = t("reports.noData");
  return {
    count: (figure: Figure) => (figure.value === null ? noData : formats.number(figure.value)),
    rate: (figure: Figure) => (figure.value === null ? noData : formats.percent(percentage(figure.value, 0))),
    score: (figure: Figure) => (figure.value === null ? noData : t("reports.score", { score: oneDecimal(figure.value) })),
    days: (figure: Figure) => (figure.value === null ? noData : t("reports.days", { count: oneDecimal(figure.value) })),
  };
}

function Filters({ page }: { page: LoaderData }) {
  const { t } = useTranslation();
  const values = page.ok ? { ...page.values, from: page.filters.from, to: page.filters.to } : page.values;
  return (
    <Form method="get" className="mb-6 rounded border border-slate-300 bg-white p-4">
      <fieldset>
        <legend className="mb-2 text-lg font-semibold">{t("reports.filter.legend")}</legend>
        <ErrorSummary errors={page.errors} />
        <div className="grid gap-x-4 sm:grid-cols-2">
          <SelectField
            name="department"
            label={t("reports.filter.department")}
            errors={page.errors}
            defaultValue={values.department ?? ""}
            required={false}
          >
            <option value="">{t("reports.filter.allDepartments")}</option>
            {page.choices.departments.map((department) => (
              <option key={department.id} value={department.id}>
                {"\u00a0\u00a0".repeat(department.level - 1)}
                {department.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            name="course"
            label={t("reports.filter.course")}
            errors={page.errors}
            defaultValue={values.course ?? ""}
            required={false}
          >
            <option value="">{t("reports.filter.allCourses")}</option>
            {page.choices.courses.map((course) => (
              <option key={course.key} value={course.key}>
                {course.title}
              </option>
            ))}
          </SelectField>
          <TextField
            name="from"
            label={t("reports.filter.from")}
            errors={page.errors}
            defaultValue={values.from ?? ""}
            required={false}
          />
          <TextField
            name="to"
            label={t("reports.filter.to")}
            errors={page.errors}
            defaultValue={values.to ?? ""}
            required={false}
          />
        </div>
        <CheckboxField
          name="mandatory"
          value="1"
          label={t("reports.filter.mandatoryOnly")}
          errors={page.errors}
          defaultChecked={values.mandatory === "1"}
        />
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton>{t("reports.filter.apply")}</SubmitButton>
          <Link to="/hr" className="text-blue-800 underline">
            {t("reports.filter.clear")}
          </Link>
        </div>
      </fieldset>
    </Form>
  );
}

function Headline({ figures }: { figures: Figures }) {
  const { t } = useTranslation();
  const text = useFigureText();
  const items: Array<[string, string]> = [
    [t("reports.fig.people"), text.count(figures.people)],
    [t("reports.fig.assigned"), text.count(figures.assigned)],
    [t("reports.fig.started"), text.count(figures.started)],
    [t("reports.fig.completed"), text.count(figures.completed)],
    [t("reports.fig.completionRate"), text.rate(figures.completionRate)],
    [t("reports.fig.completionsInPeriod"), text.count(figures.completionsInPeriod)],
    [t("reports.fig.overdue"), text.count(figures.overdue)],
    [t("reports.fig.expiring", { days: DEFAULT_EXPIRING_DAYS }), text.count(figures.expiring)],
    [t("reports.fig.compliantShare"), text.rate(figures.compliantShare)],
    [t("reports.fig.averageScore"), text.score(figures.averageScore)],
    [t("reports.fig.firstAttemptPassRate"), text.rate(figures.firstAttemptPassRate)],
    [t("reports.fig.medianDays"), text.days(figures.medianDaysToComplete)],
    [t("reports.fig.voluntaryStarted"), text.count(figures.voluntaryStarted)],
    [t("reports.fig.voluntaryCompleted"), text.count(figures.voluntaryCompleted)],
  ];
  return (
    <section aria-labelledby="headline" className="mb-6">
      <h2 id="headline" className="mb-2 text-xl font-semibold">
        {t("reports.headline")}
      </h2>
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {items.map(([label, value]) => (
          <div key={label} className="rounded border border-slate-300 bg-white p-3">
            <dt className="text-sm text-slate-700">{label}</dt>
            <dd className="text-2xl font-bold">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

const cell = "p-2 text-right";

function FigureCells({ figures }: { figures: Figures }) {
  const text = useFigureText();
  return (
    <>
      <td className={cell}>{text.count(figures.people)}</td>
      <td className={cell}>{text.count(figures.assigned)}</td>
      <td className={cell}>{text.count(figures.completed)}</td>
      <td className={cell}>{text.rate(figures.completionRate)}</td>
      <td className={cell}>{text.count(figures.overdue)}</td>
      <td className={cell}>{text.rate(figures.compliantShare)}</td>
    </>
  );
}

function FigureHeaders({ first }: { first: string }) {
  const { t } = useTranslation();
  return (
    <tr className="border-b border-slate-400">
      <th scope="col" className="p-2">
        {first}
      </th>
      {(["people", "assigned", "completed", "completionRate", "overdue", "compliant"] as const).map((column) => (
        <th key={column} scope="col" className={cell}>
          {t(`reports.col.${column}`)}
        </th>
      ))}
    </tr>
  );
}

function DepartmentTable({ page }: { page: Dashboard }) {
  const { t } = useTranslation();
  const table = page.departments;
  const link = (department: string | null) => `/hr${filtersToSearch({ ...page.filters, department: department ?? undefined })}`;
  return (
    <section className="mb-6">
      {/* Not a named region: its table already is one, with the same name. */}
      <h2 className="mb-1 text-xl font-semibold">{t("reports.byDepartment")}</h2>
      <p className="mb-2 text-slate-700">{t("reports.byDepartmentHint")}</p>
      <ExportLinks list="departments" search={filtersToSearch(page.filters)} />
      {table.up ? (
        <p className="mb-2">
          <Link to={link(table.up.id)} className="text-blue-800 underline">
            {table.up.name ? t("reports.dept.up", { name: table.up.name }) : t("reports.dept.upToCity")}
          </Link>
        </p>
      ) : null}
      <TableScroll label={t("reports.byDepartment")}>
        <table className="w-full border-collapse bg-white text-left">
          <thead>
            <FigureHeaders first={t("reports.col.department")} />
          </thead>
          <tbody>
            <tr className="border-b border-slate-300 bg-slate-50 font-semibold">
              <th scope="row" className="p-2">
                {table.top ? t("reports.dept.total", { name: table.top.name }) : t("reports.dept.cityTotal")}
              </th>
              <FigureCells figures={table.total} />
            </tr>
            {table.rows.map((row) => (
              <tr key={row.id} className="border-b border-slate-200">
                <th scope="row" className="p-2 pl-6 font-normal">
                  {row.hasChildren ? (
                    <Link
                      to={link(row.id)}
                      className="text-blue-800 underline"
                      aria-label={t("reports.dept.open", { name: row.name })}
                    >
                      <span aria-hidden="true">▸ </span>
                      {row.name}
                    </Link>
                  ) : (
                    row.name
                  )}
                </th>
                <FigureCells figures={row.figures} />
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {table.rows.length === 0 ? <p className="mt-2 text-slate-700">{t("reports.dept.none")}</p> : null}
    </section>
  );
}

function CourseTable({ page }: { page: Dashboard }) {
  const { t } = useTranslation();
  const text = useFigureText();
  return (
    <section className="mb-6">
      {/* Not a named region: its table already is one, with the same name. */}
      <h2 className="mb-2 text-xl font-semibold">{t("reports.byCourse")}</h2>
      <ExportLinks list="courses" search={filtersToSearch(page.filters)} />
      <TableScroll label={t("reports.byCourse")}>
        <table className="w-full border-collapse bg-white text-left">
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className="p-2">
                {t("reports.col.course")}
              </th>
              {(
                [
                  "assigned",
                  "completed",
                  "completionRate",
                  "completionsInPeriod",
                  "voluntary",
                  "averageScore",
                  "overdue",
                ] as const
              ).map((column) => (
                <th key={column} scope="col" className={cell}>
                  {t(`reports.col.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {page.courses.map(({ key, title, figures }) => (
              <tr key={key} className="border-b border-slate-200">
                <th scope="row" className="p-2 font-normal">
                  {title}
                </th>
                <td className={cell}>{text.count(figures.assigned)}</td>
                <td className={cell}>{text.count(figures.completed)}</td>
                <td className={cell}>{text.rate(figures.completionRate)}</td>
                <td className={cell}>{text.count(figures.completionsInPeriod)}</td>
                <td className={cell}>{text.count(figures.voluntaryCompleted)}</td>
                <td className={cell}>{text.score(figures.averageScore)}</td>
                <td className={cell}>{text.count(figures.overdue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {page.courses.length === 0 ? <p className="mt-2 text-slate-700">{t("reports.course.none")}</p> : null}
    </section>
  );
}

function Trend({ page }: { page: Dashboard }) {
  const { t, formats } = useTranslation();
  const total = (key: "mandatory" | "voluntary") => page.weekly.reduce((sum, week) => sum + week[key], 0);
  const series = (["mandatory", "voluntary"] as const)
    .filter((key) => key === "mandatory" || !page.filters.mandatoryOnly)
    .map((key) => ({
      key,
      label: t(`reports.chart.${key}`),
      values: page.weekly.map((week) => week[key]),
      cells: page.weekly.map((week) => formats.number(week[key])),
    }));
  return (
    <section aria-labelledby="trend" className="mb-6">
      <h2 id="trend" className="mb-2 text-xl font-semibold">
        {t("reports.chart.title")}
      </h2>
      <WeeklyChart
        title={t("reports.chart.title")}
        description={t("reports.chart.desc", {
          from: formats.calendarDay(page.filters.from),
          to: formats.calendarDay(page.filters.to),
          mandatory: total("mandatory"),
          voluntary: total("voluntary"),
        })}
        tableCaption={t("reports.chart.table")}
        weekHeader={t("reports.chart.week")}
        weekLabels={page.weekly.map((week) => formats.shortDay(week.day))}
        series={series}
      />
    </section>
  );
}

function MoreLinks({ page }: { page: Dashboard }) {
  const { t } = useTranslation();
  const search = filtersToSearch({ ...page.filters, from: undefined, to: undefined });
  return (
    <nav aria-labelledby="more" className="mb-6">
      <h2 id="more" className="mb-2 text-xl font-semibold">
        {t("reports.more")}
      </h2>
      <ul className="flex flex-wrap gap-x-6 gap-y-2">
        {(["people", "overdue", "expiring", "assignments"] as const).map((target) => (
          <li key={target}>
            <Link to={`/hr/${target}${target === "assignments" ? "" : search}`} className="text-blue-800 underline">
              {t(`reports.link.${target}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export default function HrDashboardPage() {
  const { t, formats } = useTranslation();
  const page = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="mb-1 text-2xl font-bold">{t("reports.title", { city: page.city })}</h1>
      <p className="mb-1 text-slate-700">
        {page.scopeName ? t("reports.scopeSubtree", { department: page.scopeName }) : t("reports.scopeCity")}
      </p>
      {page.ok ? (
        <p className="mb-4 text-slate-700">
          {t("reports.period", { from: formats.calendarDay(page.filters.from), to: formats.calendarDay(page.filters.to) })}
        </p>
      ) : null}
      <Filters page={page} />
      {page.ok ? (
        <>
          <Headline figures={page.headline} />
          <MoreLinks page={page} />
          <DepartmentTable page={page} />
          <CourseTable page={page} />
          <Trend page={page} />
        </>
      ) : (
        <p className="mb-6 font-medium">{t("reports.filter.refused")}</p>
      )}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "reports.nav");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
