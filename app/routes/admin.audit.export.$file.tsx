/** The city's audit log, with the page's filters, as `/admin/audit/export/audit.csv` or `audit.xlsx`. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportAudit } from "~/audit/audit-export.server.ts";
import { requireRole } from "~/auth/guards.server.ts";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "CITY_ADMIN");
  return exportAudit({
    scope: { kind: "city", cityId: admin.city.id, timeZone: admin.city.timeZone },
    viewer: { id: admin.id, cityId: admin.city.id },
    name: admin.city.slug,
    file: params.file,
    request,
  });
}
