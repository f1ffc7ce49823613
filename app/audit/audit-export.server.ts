/**
 * The audit log's filtered list as CSV or XLSX, through the one export writer (which audits
 * the export itself). A bad filter exports nothing.
 */
import { z } from "zod";
import { getLocale } from "~/i18n/locale.server.ts";
import { translatorFor } from "~/i18n/translate.ts";
import { formatsFor } from "~/i18n/formats.ts";
import { badRequest, notFound } from "~/http/responses.server.ts";
import { exportFormats, sendExport } from "~/reports/export.server.ts";
import { parseAuditFilters } from "./audit-filters.ts";
import { auditEntriesForExport, type AuditRow, type AuditScope } from "./audit-log.server.ts";
import { actionLabel, personLabel, targetLabel } from "./labels.ts";
import { summariseDetails } from "./details.ts";

const fileSchema = z.object({ list: z.literal("audit"), format: z.enum(exportFormats) });

/** `audit.csv` or `audit.xlsx` (the route's file name), with the filters of the request's URL. */
export async function exportAudit(input: {
  scope: AuditScope;
  viewer: { id: string; cityId: string };
  /** The file name's start: the city's slug, or the network's name. */
  name: string;
  file: string | undefined;
  request: Request;
}): Promise<Response> {
  const [name, format, ...rest] = (input.file ?? "").split(".");
  const file = fileSchema.safeParse({ list: name, format });
  if (!file.success || rest.length > 0) throw notFound();
  const locale = await getLocale(input.request);
  const parsed = parseAuditFilters(new URL(input.request.url).searchParams);
  if (!parsed.ok) throw badRequest();
  const { after: _page, ...filters } = parsed.filters;
  const t = translatorFor(locale);
  const formats = formatsFor(locale);
  const zone = input.scope.timeZone;
  const columns = [
    { header: t("audit.col.date"), value: (row: AuditRow) => formats.dateTimeWithZone(row.createdAt, zone) },
    { header: t("audit.col.actor"), value: (row: AuditRow) => personLabel(t, row.actor) },
    { header: t("audit.col.action"), value: (row: AuditRow) => actionLabel(t, row.action) },
    { header: t("audit.col.subject"), value: (row: AuditRow) => personLabel(t, row.subject) },
    { header: t("audit.col.target"), value: targetLabel },
    { header: t("audit.col.details"), value: (row: AuditRow) => summariseDetails(row.details) },
  ];
  const list = input.scope.kind === "city" ? "audit" : "network-audit";
  return sendExport({
    format: file.data.format,
    filename: `${input.name}-${t("audit.export.filename")}`,
    columns,
    rows: auditEntriesForExport(input.scope, filters),
    audit: { cityId: input.viewer.cityId, actorId: input.viewer.id, list, filters },
    signal: input.request.signal,
  });
}
