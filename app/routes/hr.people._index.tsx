import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { ListFrame } from "~/reports/list-parts.tsx";
import { listChrome, readListRequest } from "~/reports/list-request.server.ts";
import { peoplePage } from "~/reports/lists.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  const read = await readListRequest(request);
  const chrome = await listChrome(read);
  if (!read.outcome.ok) return data({ chrome, list: null }, { status: 400 });
  return { chrome, list: await peoplePage(read.outcome.context) };
}

const countColumns = [
  ["not-started", "hrPeople.status.not-started"],
  ["in-progress", "hrPeople.status.in-progress"],
  ["completed", "hrPeople.status.completed"],
  ["overdue", "hrPeople.status.overdue"],
  ["expiring", "hrPeople.status.expiring"],
] as const;

export default function HrPeoplePage() {
  const { t } = useTranslation();
  const { chrome, list } = useLoaderData<typeof loader>();
  return (
    <ListFrame
      title={t("hrPeople.people.title")}
      current="/hr/people"
      exportName="people"
      chrome={chrome}
      withStatus={true}
      list={list}
      countText={list ? t("hrPeople.people.count", { count: list.total }) : ""}
      emptyText={t("hrPeople.people.empty")}
      tableLabel={t("hrPeople.people.table")}
    >
      <table className="w-full border-collapse bg-white text-left">
        <thead>
          <tr className="border-b border-slate-400">
            <th scope="col" className="p-2">
              {t("hrPeople.col.name")}
            </th>
            <th scope="col" className="p-2">
              {t("hrPeople.col.email")}
            </th>
            <th scope="col" className="p-2">
              {t("hrPeople.col.department")}
            </th>
            {countColumns.map(([state, label]) => (
              <th key={state} scope="col" className="p-2 text-right">
                {t(label)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {list?.rows.map((person) => (
            <tr key={person.id} className="border-b border-slate-200">
              <th scope="row" className="p-2 font-normal">
                <Link to={`/hr/people/${person.id}`} className="text-blue-800 underline">
                  {person.name}
                </Link>
              </th>
              <td className="p-2 break-all">{person.email}</td>
              <td className="p-2">{person.department ?? t("hrPeople.noDepartment")}</td>
              {countColumns.map(([state]) => (
                <td key={state} className="p-2 text-right tabular-nums">
                  {t("hrPeople.number", { value: person.counts[state] })}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ListFrame>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "hrPeople.people.title");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
