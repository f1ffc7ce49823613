import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { readAuditView } from "~/audit/audit-request.server.ts";
import { AuditLogView } from "~/audit/audit-view.tsx";
import { requireRole } from "~/auth/guards.server.ts";
import { pageTitle } from "~/i18n/meta.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { NetworkNav } from "~/ui/network-nav.tsx";

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "NETWORK_ADMIN");
  const view = await readAuditView({ kind: "network", timeZone: admin.city.timeZone }, request);
  return data({ view }, { status: view.problems ? 400 : 200 });
}

export default function NetworkAuditPage() {
  const { t } = useTranslation();
  const { view } = useLoaderData<typeof loader>();
  return (
    <div>
      <NetworkNav current="/network/audit" />
      <h1 className="mb-1 text-2xl font-bold">{t("audit.networkTitle")}</h1>
      <p className="mb-4 text-slate-700">{t("audit.networkIntro")}</p>
      <AuditLogView view={view} tableLabel={t("audit.networkTitle")} exportBase="/network/audit/export" />
    </div>
  );
}

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "audit.networkTitle");

export { GeneralErrorBoundary as ErrorBoundary } from "~/ui/error-boundary.tsx";
