import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { ExportLinks, FilterForm, ListNav, Pager, ScopeLine } from "~/reports/list-parts.tsx";
import { listChrome, readListRequest } from "~/reports/list-request.server.ts";
import { expiringPage } from "~/reports/lists.server.ts";
import { DEFAULT_EXPIRING_DAYS } from "~/reports/status.ts";
import { TableScroll } from "~/ui/table-scroll.tsx";

export async function loader({ request }: LoaderFunctionArgs) {
  const read = await readListRequest(request);
  const chrome = await listChrome(read);
  if (!read.outcome.ok) return data({ chrome, timeZone: read.scope.timeZone, list: null }, { status: 400 });
  return { chrome, timeZone: read.scope.timeZone, list: await expiringPage(read.outcome.context) };
}

export default function HrExpiringPage() {
  const { t, formats } = useTranslation();
  const { chrome, timeZone, list } = useLoaderData<typeof loader>();
  return (
    <div>
      <h1 className="mb-1 text-2xl font-bold">{t("hrPeople.expiring.title")}</h1>
      <p className="mb-1">{t("hrPeople.expiring.intro", { count: DEFAULT_EXPIRING_DAYS })}</p>
      <ScopeLine city={chrome.city} subtree={chrome.subtree} />
      <ListNav current="/hr/expiring" search={chrome.search} />
      <FilterForm chrome={chrome} withStatus={false} />
      {list ? (
        <>
          <p className="mb-2 font-medium" role="status">
            {t("hrPeople.expiring.count", { count: list.total })}
          </p>
          {list.total > 0 ? <ExportLinks list="expiring" search={chrome.search} /> : null}
          {list.rows.length === 0 ? (
            <p>{t("hrPeople.expiring.empty")}</p>
          ) : (
            <TableScroll label={t("hrPeople.expiring.table")}>
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
                      {t("hrPeople.col.certificate")}
                    </th>
                    <th scope="col" className="p-2">
                      {t("hrPeople.col.expires")}
                    </th>
                    <th scope="col" className="p-2 text-right">
                      {t("hrPeople.col.daysLeft")}
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
                      <td className="p-2 font-mono text-sm">{row.code}</td>
                      <td className="p-2">{formats.day(row.expiresAt, timeZone)}</td>
                      <td className="p-2 text-right tabular-nums">{t("hrPeople.number", { value: row.daysLeft })}</td>
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

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "hrPeople.expiring.title");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
