import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { ExportLinks, FilterForm, ListNav, Pager, ScopeLine } from "~/reports/list-parts.tsx";
import { listChrome, readListRequest } from "~/reports/list-request.server.ts";
import { overduePage } from "~/reports/lists.server.ts";
import { TableScroll } from "~/ui/table-scroll.tsx";

export async function loader({ request }: LoaderFunctionArgs) {
  const read = await readListRequest(request);
  const chrome = await listChrome(read);
  if (!read.outcome.ok) return data({ chrome, timeZone: read.scope.timeZone, list: null }, { status: 400 });
  return { chrome, timeZone: read.scope.timeZone, list: await overduePage(read.outcome.context) };
}

export default function HrOverduePage() {
  const { t, formats } = useTranslation();
  const { chrome, timeZone, list } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="mb-1 text-2xl font-bold">{t("hrPeople.overdue.title")}</h1>
      <p className="mb-1">{t("hrPeople.overdue.intro")}</p>
      <ScopeLine city={chrome.city} subtree={chrome.subtree} />
      <ListNav current="/hr/overdue" search={chrome.search} />
      <FilterForm chrome={chrome} withStatus={false} />
      {list ? (
        <>
          <p className="mb-2 font-medium" role="status">
            {t("hrPeople.overdue.count", { count: list.total })}
          </p>
          {list.total > 0 ? <ExportLinks list="overdue" search={chrome.search} /> : null}
          {list.rows.length === 0 ? (
            <p>{t("hrPeople.overdue.empty")}</p>
          ) : (
            <TableScroll label={t("hrPeople.overdue.table")}>
              <table className="w-full border-collapse bg-white text-left">
                <thead>
                  <tr className="border-b border-slate-400">
                    <th scope="col" className="p-2">
                      {t("hrPeople.col.department")}
                    </th>
                    <th scope="col" className="p-2">
                      {t("hrPeople.col.name")}
                    </th>
                    <th scope="col" className="p-2">
                      {t("hrPeople.col.course")}
                    </th>
                    <th scope="col" className="p-2">
                      {t("hrPeople.col.dueDate")}
                    </th>
                    <th scope="col" className="p-2 text-right">
                      {t("hrPeople.col.daysOverdue")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.rows.map((row) => (
                    <tr key={row.id} className="border-b border-slate-200">
                      <td className="p-2">{row.department ?? t("hrPeople.noDepartment")}</td>
                      <th scope="row" className="p-2 font-normal">
                        <Link to={`/hr/people/${row.personId}`} className="text-blue-800 underline">
                          {row.name}
                        </Link>
                      </th>
                      <td className="p-2">{row.course}</td>
                      <td className="p-2">{formats.day(row.dueAt, timeZone)}</td>
                      <td className="p-2 text-right tabular-nums">{t("hrPeople.number", { value: row.daysOverdue })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          )}
          <Pager window={list.window} total={list.total} search={chrome.search} />
        </>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "hrPeople.overdue.title");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
