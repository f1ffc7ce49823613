import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { ListFrame } from "~/reports/list-parts.tsx";
import { listChrome, readListRequest } from "~/reports/list-request.server.ts";
import { expiringPage } from "~/reports/lists.server.ts";
import { DEFAULT_EXPIRING_DAYS } from "~/reports/status.ts";

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
    <ListFrame
      title={t("hrPeople.expiring.title")}
      intro={t("hrPeople.expiring.intro", { count: DEFAULT_EXPIRING_DAYS })}
      current="/hr/expiring"
      exportName="expiring"
      chrome={chrome}
      withStatus={false}
      list={list}
      countText={list ? t("hrPeople.expiring.count", { count: list.total }) : ""}
      emptyText={t("hrPeople.expiring.empty")}
      tableLabel={t("hrPeople.expiring.table")}
    >
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
          {list?.rows.map((row) => (
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
    </ListFrame>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "hrPeople.expiring.title");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
