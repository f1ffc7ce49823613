/** The city's open erasure requests, each with its export and its erase action (after a confirmation). */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { listErasureRequests } from "~/privacy/erasure.server.ts";
import { AdminNav } from "~/ui/admin-nav.tsx";
import { FormAlert } from "~/ui/form.tsx";
import { TableScroll } from "~/ui/table-scroll.tsx";

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "CITY_ADMIN");
  const requests = await listErasureRequests(admin.city.id);
  return {
    city: admin.city.name,
    timeZone: admin.city.timeZone,
    requests: requests.map((row) => ({
      id: row.id,
      name: row.name,
      email: row.email,
      department: row.department?.name ?? null,
      requestedAt: row.erasureRequestedAt!.toISOString(),
    })),
  };
}

export default function ErasureRequestsPage() {
  const { t, formats } = useTranslation();
  const { city, timeZone, requests } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const title = t("rights.requests.title", { city });
  return (
    <div>
      <AdminNav current="/admin/erasure" />
      <h1 className="mb-1 text-2xl font-bold">{title}</h1>
      {searchParams.get("erased") === "1" ? <FormAlert tone="success">{t("rights.erase.done")}</FormAlert> : null}
      <p className="mb-4 text-slate-700">{t("rights.requests.count", { count: requests.length })}</p>
      {requests.length === 0 ? (
        <p className="mb-4">{t("rights.requests.empty")}</p>
      ) : (
        <TableScroll label={t("rights.requests.table")}>
          <table className="w-full border-collapse bg-white text-left">
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className="p-2">
                  {t("rights.requests.col.name")}
                </th>
                <th scope="col" className="p-2">
                  {t("rights.requests.col.email")}
                </th>
                <th scope="col" className="p-2">
                  {t("rights.requests.col.department")}
                </th>
                <th scope="col" className="p-2">
                  {t("rights.requests.col.requested")}
                </th>
                <th scope="col" className="p-2">
                  {t("rights.requests.col.actions")}
                </th>
              </tr>
            </thead>
            <tbody>
              {requests.map((row) => (
                <tr key={row.id} className="border-b border-slate-200">
                  <td className="p-2">{row.name}</td>
                  <td className="p-2 break-all">{row.email}</td>
                  <td className="p-2">{row.department ?? "—"}</td>
                  <td className="p-2">{formats.day(row.requestedAt, timeZone)}</td>
                  <td className="p-2">
                    <a
                      href={`/admin/privacy/export/${row.id}`}
                      download
                      className="mr-3 text-blue-800 underline"
                      aria-label={`${t("rights.admin.export")}: ${row.name}`}
                    >
                      {t("rights.admin.export")}
                    </a>
                    <Link
                      to={`/admin/erasure/${row.id}`}
                      className="text-blue-800 underline"
                      aria-label={`${t("rights.admin.erase")}: ${row.name}`}
                    >
                      {t("rights.admin.erase")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <p className="mt-4">{t("rights.requests.others")}</p>
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "rights.nav.erasure");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
