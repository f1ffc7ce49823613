import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { readAuditView } from "~/audit/audit-request.server.ts";
import { AuditLogView } from "~/audit/audit-view.tsx";
import { requireRole } from "~/auth/guards.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { AdminNav } from "~/ui/admin-nav.tsx";

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "CITY_ADMIN");
  // Only the admin's own city.
  const view = await readAuditView({ kind: "city", cityId: admin.city.id, timeZone: admin.city.timeZone }, request);
  return data({ city: admin.city.name, view }, { status: view.problems ? 400 : 200 });
}

export default function AuditPage() {
  const { t } = useTranslation();
  const { city, view } = useLoaderData<typeof loader>();
  return (
    <div>
      <AdminNav current="/admin/audit" />
      <h1 className="mb-1 text-2xl font-bold">{t("audit.title", { city })}</h1>
      <p className="mb-4 text-slate-700">{t("audit.intro")}</p>
      <AuditLogView view={view} tableLabel={t("audit.title", { city })} exportBase="/admin/audit/export" />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "nav.audit");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
