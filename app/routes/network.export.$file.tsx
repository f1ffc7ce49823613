/** The network view's anonymised figures as CSV or XLSX (`/network/export/cities.csv`), for network admins. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireRole } from "~/auth/guards.server.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import { notFound } from "~/http/responses.server.ts";
import { exportFormats } from "~/reports/export.server.ts";
import { exportNetwork } from "~/reports/figure-exports.server.ts";

const fileSchema = z.object({ name: z.literal("cities"), format: z.enum(exportFormats) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "NETWORK_ADMIN");
  const [name, format, ...rest] = (params.file ?? "").split(".");
  const file = fileSchema.safeParse({ name, format });
  if (!file.success || rest.length > 0) throw notFound();
  return exportNetwork({ format: file.data.format, viewer: admin, locale: await getLocale(request), signal: request.signal });
}
