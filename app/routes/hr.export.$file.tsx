/**
 * HR's exports as CSV or XLSX, with the page's filters: the lists (`/hr/export/people.csv`,
 * `overdue.xlsx`, `expiring.csv`) and the dashboard's tables (`departments.csv`, `courses.xlsx`).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { getLocale } from "~/i18n/locale.server.ts";
import { badRequest, notFound } from "~/http/responses.server.ts";
import { exportFormats } from "~/reports/export.server.ts";
import { exportFigureTable, figureTables } from "~/reports/figure-exports.server.ts";
import { exportList, exportLists } from "~/reports/list-exports.server.ts";
import { readListRequest } from "~/reports/list-request.server.ts";
import { requireHr } from "~/reports/scope.server.ts";

const fileSchema = z.object({ list: z.enum([...exportLists, ...figureTables]), format: z.enum(exportFormats) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [list, format, ...rest] = (params.file ?? "").split(".");
  const file = fileSchema.safeParse({ list, format });
  if (!file.success || rest.length > 0) {
    await requireHr(request);
    throw notFound();
  }
  const { list: name, format: chosen } = file.data;
  if (name === "departments" || name === "courses") {
    const { user, scope } = await requireHr(request);
    const search = new URL(request.url).searchParams;
    const locale = await getLocale(request);
    return exportFigureTable({
      table: name,
      format: chosen,
      scope,
      params: search,
      viewer: user,
      locale,
      signal: request.signal,
    });
  }
  const read = await readListRequest(request);
  // A bad or foreign filter exports nothing (the list page shows why).
  if (!read.outcome.ok) throw badRequest();
  return exportList({ list: name, format: chosen, context: read.outcome.context, viewer: read.user, signal: request.signal });
}
