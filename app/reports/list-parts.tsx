/**
 * The pieces the HR list pages share: the links between them, the scope line, the filter form
 * (a GET form: the view lives in the URL and works without JavaScript), the export links that
 * keep the filters, and the pager.
 */
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { personStatuses, type FilterProblem } from "./filters.ts";
import type { PageWindow } from "./pagination.ts";
import type { RawFilters } from "./list-request.server.ts";
import type { FieldErrors } from "~/forms/parse-form.ts";
import { translateMaybe } from "~/i18n/translate.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { FormAlert, SelectField, SubmitButton, TextField } from "~/ui/form.tsx";
import { TableScroll } from "~/ui/table-scroll.tsx";

export interface ListChrome {
  city: string;
  subtree: string | null;
  raw: RawFilters;
  problems: FilterProblem[] | null;
  departments: Array<{ id: string; name: string; level: number }>;
  courses: Array<{ key: string; title: string }>;
  /** The filters as a query string without the page ("?q=ana&status=overdue" or ""). */
  search: string;
}

const lists = [
  { to: "/hr/people", label: "hrPeople.nav.people" },
  { to: "/hr/overdue", label: "hrPeople.nav.overdue" },
  { to: "/hr/expiring", label: "hrPeople.nav.expiring" },
] as const;

export function ListNav({ current, search }: { current: string; search: string }) {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("hrPeople.nav.label")} className="mb-4">
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {lists.map((list) => (
          <li key={list.to}>
            <Link
              to={`${list.to}${search}`}
              aria-current={list.to === current ? "page" : undefined}
              className="text-blue-800 underline aria-[current=page]:font-bold aria-[current=page]:no-underline"
            >
              {t(list.label)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function ScopeLine({ city, subtree }: { city: string; subtree: string | null }) {
  const { t } = useTranslation();
  return (
    <p className="mb-4 text-slate-700">
      {subtree ? t("hrPeople.scope.subtree", { department: subtree }) : t("hrPeople.scope.city", { city })}
    </p>
  );
}

export function FilterForm({ chrome, withStatus }: { chrome: ListChrome; withStatus: boolean }) {
  const { t } = useTranslation();
  const problems = chrome.problems ?? [];
  const errors: FieldErrors = Object.fromEntries(problems.map((problem) => [problem.field, problem.message]));
  const shown = withStatus ? ["q", "department", "course", "status"] : ["q", "department", "course"];
  // A problem with a value that has no field here (the page, a date) is said in the alert.
  const elsewhere = problems.filter((problem) => !shown.includes(problem.field));
  return (
    <Form method="get" className="mb-4 rounded border border-slate-300 bg-white p-4">
      <fieldset>
        <legend className="mb-2 text-lg font-semibold">{t("hrPeople.filters.legend")}</legend>
        {chrome.problems ? (
          <FormAlert>
            <p>{t("hrPeople.filters.error")}</p>
            {elsewhere.map((problem) => (
              <p key={problem.field}>{translateMaybe(t, problem.message)}</p>
            ))}
          </FormAlert>
        ) : null}
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextField
            name="q"
            type="search"
            label={t("hrPeople.filters.search")}
            hint={t("hrPeople.filters.searchHint")}
            defaultValue={chrome.raw.q}
            errors={errors}
            required={false}
          />
          <SelectField
            name="department"
            label={t("hrPeople.filters.department")}
            defaultValue={chrome.raw.department ?? ""}
            errors={errors}
            required={false}
          >
            <option value="">{t("hrPeople.filters.anyDepartment")}</option>
            {chrome.departments.map((department) => (
              <option key={department.id} value={department.id}>
                {`${"\u00a0\u00a0".repeat(department.level - 1)}${department.name}`}
              </option>
            ))}
          </SelectField>
          <SelectField
            name="course"
            label={t("hrPeople.filters.course")}
            defaultValue={chrome.raw.course ?? ""}
            errors={errors}
            required={false}
          >
            <option value="">{t("hrPeople.filters.anyCourse")}</option>
            {chrome.courses.map((course) => (
              <option key={course.key} value={course.key}>
                {course.title}
              </option>
            ))}
          </SelectField>
          {withStatus ? (
            <SelectField
              name="status"
              label={t("hrPeople.filters.status")}
              defaultValue={chrome.raw.status ?? ""}
              errors={errors}
              required={false}
            >
              <option value="">{t("hrPeople.filters.anyStatus")}</option>
              {personStatuses.map((status) => (
                <option key={status} value={status}>
                  {t(`hrPeople.status.${status}`)}
                </option>
              ))}
            </SelectField>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <SubmitButton>{t("hrPeople.filters.apply")}</SubmitButton>
          <Link to="?" className="text-blue-800 underline">
            {t("hrPeople.filters.clear")}
          </Link>
        </div>
      </fieldset>
    </Form>
  );
}

/** Links to the list's CSV and XLSX, with the page's filters. */
/** CSV and XLSX links of an export (`/hr/export/<list>.csv`...), keeping the page's filters. */
export function ExportLinks({ list, search, basePath = "/hr/export" }: { list: string; search: string; basePath?: string }) {
  const { t } = useTranslation();
  return (
    <p className="mb-4">
      <span className="mr-2">{t("hrPeople.export.label")}:</span>
      <a href={`${basePath}/${list}.csv${search}`} className="mr-4 text-blue-800 underline" download>
        {t("hrPeople.export.csv")}
      </a>
      <a href={`${basePath}/${list}.xlsx${search}`} className="text-blue-800 underline" download>
        {t("hrPeople.export.xlsx")}
      </a>
    </p>
  );
}

export function Pager({ window, total, search }: { window: PageWindow; total: number; search: string }) {
  const { t } = useTranslation();
  const link = (page: number) => `${search ? `${search}&` : "?"}page=${page}`;
  return (
    <nav aria-label={t("hrPeople.page.nav")} className="mt-4 flex flex-wrap items-center gap-4">
      <p>{t("hrPeople.page.range", { first: window.firstRow, last: window.lastRow, total })}</p>
      {window.page > 1 ? (
        <Link to={link(window.page - 1)} className="text-blue-800 underline">
          {t("hrPeople.page.previous")}
        </Link>
      ) : null}
      <p aria-current="page">{t("hrPeople.page.current", { page: window.page, pages: window.pageCount })}</p>
      {window.page < window.pageCount ? (
        <Link to={link(window.page + 1)} className="text-blue-800 underline">
          {t("hrPeople.page.next")}
        </Link>
      ) : null}
    </nav>
  );
}

/**
 * The frame of an HR list page: title and intro, scope, the links between lists, the filters,
 * then (unless the filters were refused) the count, the export links, the table or the empty
 * text, and the pager.
 */
export function ListFrame(props: {
  title: string;
  intro?: string;
  current: (typeof lists)[number]["to"];
  exportName: "people" | "overdue" | "expiring";
  chrome: ListChrome;
  withStatus: boolean;
  list: { total: number; window: PageWindow; rows: readonly unknown[] } | null;
  countText: string;
  emptyText: string;
  tableLabel: string;
  children: ReactNode;
}) {
  const { chrome, list } = props;
  return (
    <div>
      <h1 className="mb-1 text-2xl font-bold">{props.title}</h1>
      {props.intro ? <p className="mb-1">{props.intro}</p> : null}
      <ScopeLine city={chrome.city} subtree={chrome.subtree} />
      <ListNav current={props.current} search={chrome.search} />
      <FilterForm chrome={chrome} withStatus={props.withStatus} />
      {list ? (
        <>
          <p className="mb-2 font-medium" role="status">
            {props.countText}
          </p>
          {list.total > 0 ? <ExportLinks list={props.exportName} search={chrome.search} /> : null}
          {list.rows.length === 0 ? (
            <p>{props.emptyText}</p>
          ) : (
            <TableScroll label={props.tableLabel}>{props.children}</TableScroll>
          )}
          <Pager window={list.window} total={list.total} search={chrome.search} />
        </>
      ) : null}
    </div>
  );
}
