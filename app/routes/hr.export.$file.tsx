/** The HR lists as CSV or XLSX (`/hr/export/people.csv`, `overdue.xlsx`...), with the page's filters. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { badRequest, notFound } from "~/http/responses.server.ts";
import { exportFormats } from "~/reports/export.server.ts";
import { exportList, exportLists } from "~/reports/list-exports.server.ts";
import { readListRequest } from "~/reports/list-request.server.ts";

const fileSchema = z.object({ list: z.enum(exportLists), format: z.enum(exportFormats) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const read = await readListRequest(request);
  const [list, format, ...rest] = (params.file ?? "").split(".");
  const file = fileSchema.safeParse({ list, format });
  if (!file.success || rest.length > 0) throw notFound();
  // A bad or foreign filter exports nothing (the list page shows why).
  if (!read.outcome.ok) throw badRequest();
  return exportList({ ...file.data, context: read.outcome.context, viewer: read.user, signal: request.signal });
}
