/**
 * Export cells: a text that a spreadsheet would read as a formula (it starts with "=", "+",
 * "-", "@", a tab or a carriage return) gets a leading apostrophe, in CSV and XLSX alike
 * (OWASP "CSV injection"). A name such as "=HYPERLINK(...)" is then shown, never run.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export type CellValue = string | number | null;

/** A cell as written: texts neutralised, numbers kept as numbers, empty for null. */
export function exportCell(value: CellValue): string | number {
  if (value === null) return "";
  return typeof value === "number" ? value : neutraliseCell(value);
}
