/**
 * The one export writer of the HR pages (decision 021): any list becomes a CSV (UTF-8 with BOM,
 * csv-stringify) or an XLSX (exceljs's streaming WorkbookWriter) read row by row from an async
 * iterable — in practice a keyset-paginated database cursor — so the whole list is never in
 * memory. Every text cell goes through `exportCell` (formula neutralisation). The audit log gets
 * an entry when the export starts (who, which list, filters) and one when it ends (rows written,
 * or aborted when the client went away).
 */
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { audit } from "~/audit/audit.server.ts";
import { faultPointAfterSend } from "~/faults.server.ts";
import { exportCell, type CellValue } from "./cells.ts";

export const exportFormats = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportColumn<T> {
  /** The header, already in the viewer's language. */
  header: string;
  value: (row: T) => CellValue;
}

export interface ExportAudit {
  cityId: string;
  actorId: string;
  /** Which list, e.g. "people", "overdue", "expiring", "departments". */
  list: string;
  /** The filters the list was read with (written to the audit entry as they are). */
  filters: Record<string, unknown>;
}

export interface ExportRequest<T> {
  format: ExportFormat;
  /** Without extension: "madrid-personas-2026-12-01". */
  filename: string;
  /** The XLSX sheet's name (31 characters at most); defaults to the file name. */
  sheetName?: string;
  columns: readonly ExportColumn<T>[];
  rows: AsyncIterable<T>;
  audit: ExportAudit;
  /** The request's signal: aborted when the client goes away. */
  signal?: AbortSignal;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** Rows turned into bytes at a time: small enough to keep memory flat, large enough to be fast. */
const ROWS_PER_CHUNK = 500;

/** A file name safe in a Content-Disposition header: ASCII letters, digits, dots and dashes. */
export function safeFilename(name: string): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z0-9.-]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/^-|-$/g, "");
  return ascii || "export";
}

/** Starts an export: writes the start audit entry and returns the streaming response. */
export async function sendExport<T>(request: ExportRequest<T>): Promise<Response> {
  await audit({
    cityId: request.audit.cityId,
    actorId: request.audit.actorId,
    action: "hr.export.started",
    targetType: "Export",
    details: { list: request.audit.list, format: request.format, filters: request.audit.filters },
  });
  const finish = finisher(request);
  const body = request.format === "csv" ? csvStream(request, finish) : xlsxStream(request, finish);
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": CONTENT_TYPES[request.format],
      "Content-Disposition": `attachment; filename="${safeFilename(request.filename)}.${request.format}"`,
    },
  });
}

type Finish = (outcome: { rows: number; aborted: boolean }) => Promise<void>;

/** The end audit entry, written once whichever way the export ends. */
function finisher<T>(request: ExportRequest<T>): Finish {
  let done = false;
  return async ({ rows, aborted }) => {
    if (done) return;
    done = true;
    await audit({
      cityId: request.audit.cityId,
      actorId: request.audit.actorId,
      action: aborted ? "hr.export.aborted" : "hr.export.finished",
      targetType: "Export",
      details: { list: request.audit.list, format: request.format, rows },
    });
  };
}

function cellsOf<T>(columns: readonly ExportColumn<T>[], row: T): Array<string | number> {
  return columns.map((column) => exportCell(column.value(row)));
}

function csvStream<T>(request: ExportRequest<T>, finish: Finish): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = request.rows[Symbol.asyncIterator]();
  let rows = 0;
  let started = false;
  const abort = async () => {
    await iterator.return?.();
    await finish({ rows, aborted: true });
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          const header = request.columns.map((column) => exportCell(column.header));
          controller.enqueue(encoder.encode(`\uFEFF${stringify([header], { record_delimiter: "windows" })}`));
          return;
        }
        await faultPointAfterSend("export-part-sent");
        const batch: Array<Array<string | number>> = [];
        while (batch.length < ROWS_PER_CHUNK) {
          if (request.signal?.aborted) {
            await abort();
            controller.close();
            return;
          }
          const next = await iterator.next();
          if (next.done) break;
          batch.push(cellsOf(request.columns, next.value));
        }
        if (batch.length > 0) {
          rows += batch.length;
          controller.enqueue(encoder.encode(stringify(batch, { record_delimiter: "windows" })));
        }
        if (batch.length < ROWS_PER_CHUNK) {
          await finish({ rows, aborted: false });
          controller.close();
        }
      } catch (error) {
        await finish({ rows, aborted: true });
        controller.error(error);
      }
    },
    async cancel() {
      await abort();
    },
  });
}

function xlsxStream<T>(request: ExportRequest<T>, finish: Finish): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet((request.sheetName ?? request.filename).slice(0, 31));
  const gone = () => output.destroyed || request.signal?.aborted === true;
  let rows = 0;
  const produce = async () => {
    sheet.addRow(request.columns.map((column) => exportCell(column.header))).commit();
    await faultPointAfterSend("export-part-sent");
    for await (const row of request.rows) {
      if (gone()) return finish({ rows, aborted: true });
      sheet.addRow(cellsOf(request.columns, row)).commit();
      rows += 1;
      if (rows % ROWS_PER_CHUNK === 0) {
        // Let the zip stream hand its bytes on before more rows are added (the client sets the pace).
        if (output.writableNeedDrain) await Promise.race([once(output, "drain"), once(output, "close")]);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    sheet.commit();
    await workbook.commit();
    await finish({ rows, aborted: false });
  };
  request.signal?.addEventListener("abort", () => output.destroy(), { once: true });
  produce().catch(async (error: unknown) => {
    await finish({ rows, aborted: true });
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
