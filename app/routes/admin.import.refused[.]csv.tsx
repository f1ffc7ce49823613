import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireRole } from "~/auth/guards.server.ts";
import { getTranslator } from "~/i18n/locale.server.ts";
import { refusedRowsOf } from "~/people/staff-import.server.ts";
import { columnLabelKey } from "~/people/staff-import.ts";
import { sendExport } from "~/reports/export.server.ts";

const query = z.object({ file: z.string().regex(/^[0-9a-f]{64}$/) });

/** Every refused row of the file a dry run stored, as CSV: the page lists the first thousand. */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "CITY_ADMIN");
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  const refused = parsed.success ? await refusedRowsOf(admin, parsed.data.file) : null;
  if (!refused) throw new Response(null, { status: 404 });
  const t = await getTranslator(request);
  type Refusal = (typeof refused)[number];
  return sendExport<Refusal>({
    format: "csv",
    filename: `${admin.city.slug}-import-errors`,
    columns: [
      { header: t("staffImport.col.row"), value: (row) => row.row },
      { header: t("staffImport.col.column"), value: (row) => t(columnLabelKey(row.column)) },
      { header: t("staffImport.col.reason"), value: (row) => t(row.reason, row.params) },
    ],
    rows: (async function* () {
      yield* refused;
    })(),
    audit: { cityId: admin.city.id, actorId: admin.id, list: "staff-import-refused", filters: { file: parsed.data!.file } },
    signal: request.signal,
  });
}
