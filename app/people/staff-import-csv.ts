/**
 * The staff file's bytes → its rows (csv-parse), and the sample file (csv-stringify): the part
 * of the import's rules that needs the CSV libraries, kept out of the page's browser bundle.
 */
import { CsvError } from "csv-parse";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import type { Locale } from "~/i18n/locales.ts";
import {
  DEPARTMENT_SEPARATOR,
  foldHeader,
  headerNames,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  importColumns,
  requiredColumns,
  sampleHeaders,
  type CsvRow,
  type FileProblem,
  type ImportColumn,
} from "./staff-import.ts";

/** The file as text: UTF-8 (a byte-order mark is dropped), or the reason it is not. */
export function decodeCsv(bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: FileProblem } {
  if (bytes.byteLength > IMPORT_MAX_BYTES)
    return { ok: false, problem: { reason: "staffImport.file.tooLarge", max: IMPORT_MAX_BYTES } };
  try {
    // A Latin-1 or Windows-1252 file ("Peña" as F1) is not valid UTF-8: refused, never guessed at.
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text };
  } catch {
    return { ok: false, problem: { reason: "staffImport.file.encoding" } };
  }
}

/** Excel writes ";" in Spanish and Portuguese settings, "," in English ones: the header line says which. */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [",", ";", "\t"].map((delimiter) => [delimiter, firstLine.split(delimiter).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

export function readCsvRows(text: string): { ok: true; rows: CsvRow[] } | { ok: false; problem: FileProblem } {
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: false,
    });
  } catch (error) {
    if (error instanceof CsvError) {
      const line: unknown = error.lines;
      return { ok: false, problem: { reason: "staffImport.file.malformed", line: typeof line === "number" ? line : 1 } };
    }
    throw error;
  }
  const [header, ...data] = records;
  if (!header || header.every((cell) => cell === "")) return { ok: false, problem: { reason: "staffImport.file.empty" } };
  // A first line of data (an address in it) means the header is missing altogether.
  if (header.some((cell) => cell.includes("@"))) return { ok: false, problem: { reason: "staffImport.file.noHeader" } };
  const columns: Array<ImportColumn | null> = [];
  const seen = new Set<ImportColumn>();
  for (const cell of header) {
    if (cell === "") {
      columns.push(null);
      continue;
    }
    const folded = foldHeader(cell);
    const column = importColumns.find((name) => headerNames[name].includes(folded));
    if (!column) return { ok: false, problem: { reason: "staffImport.file.unknownColumn", header: cell.slice(0, 60) } };
    if (seen.has(column)) return { ok: false, problem: { reason: "staffImport.file.duplicateColumn", column } };
    seen.add(column);
    columns.push(column);
  }
  const missing = requiredColumns.find((column) => !seen.has(column));
  if (missing) return { ok: false, problem: { reason: "staffImport.file.missingColumn", column: missing } };
  if (data.length > IMPORT_MAX_ROWS)
    return { ok: false, problem: { reason: "staffImport.file.tooManyRows", max: IMPORT_MAX_ROWS } };
  const rows = data.map((record, index) => {
    const cells: CsvRow["cells"] = {};
    record.forEach((value, position) => {
      const column = columns[position];
      if (column) cells[column] = value;
    });
    return { row: index + 2, cells };
  });
  return { ok: true, rows };
}

const sampleStatus: Record<Locale, { active: string; left: string }> = {
  es: { active: "activo", left: "baja" },
  pt: { active: "ativo", left: "desligado" },
  en: { active: "active", left: "left" },
};

/**
 * A sample file: the header in the admin's language and three rows on their city's departments
 * (paths as `departmentPaths` keys them). Excel in Spanish and Portuguese opens ";"-separated
 * files in columns, in English ","-separated ones.
 */
export function sampleFile(locale: Locale, paths: readonly string[], domain: string): string {
  const path = (index: number) => (paths[index] ?? paths[0] ?? "").split(DEPARTMENT_SEPARATOR).join(` ${DEPARTMENT_SEPARATOR} `);
  const status = sampleStatus[locale];
  const header = importColumns.map((column) => sampleHeaders[locale][column]);
  const rows = [
    ["Ana Pérez Gómez", `ana.perez@${domain}`, path(0), "", locale, "E-1001", status.active],
    ["Bruno Lima", `bruno.lima@${domain}`, path(1), "TRAINER", locale, "E-1002", status.active],
    ["Carmen Ruiz", `carmen.ruiz@${domain}`, path(0), "", locale, "E-0999", status.left],
  ];
  return stringify([header, ...rows], { delimiter: locale === "en" ? "," : ";", bom: true, record_delimiter: "windows" });
}
