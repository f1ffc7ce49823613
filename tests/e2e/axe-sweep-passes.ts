/** The axe sweep's passes (axe-sweep.spec.ts) and where each writes the record of its scans (read by axe-sweep-coverage.spec.ts). */
import path from "node:path";
import type { Locale } from "../../app/i18n/locales.ts";

export const RECORDS_DIR = path.resolve("test-results/axe-sweep");

export interface Pass {
  name: string;
  /** The languages of the pass's flows, taken in turn: each new browser context reads the next one. */
  locales: Locale[];
  viewport: { width: number; height: number };
}

/**
 * Spanish at 1280 px, every flow; then at 320 × 640 the flows alternate Portuguese and English.
 * Every page is scanned at both widths and in Spanish and in one of the other two (decision 043).
 */
export const passes: Pass[] = [
  { name: "es-1280", locales: ["es"], viewport: { width: 1280, height: 800 } },
  { name: "pt-en-320", locales: ["pt", "en"], viewport: { width: 320, height: 640 } },
];
