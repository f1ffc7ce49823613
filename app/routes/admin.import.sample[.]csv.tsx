import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/guards.server.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import { sampleCsv } from "~/people/staff-import.server.ts";

/** A sample staff file for the admin's city, with the header in their language. */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "CITY_ADMIN");
  const csv = await sampleCsv(admin, await getLocale(request));
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="staff-import-sample.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
