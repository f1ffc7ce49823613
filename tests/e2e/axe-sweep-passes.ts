/** The axe sweep's passes (axe-sweep.spec.ts) and where each writes the record of its scans (read by axe-sweep-coverage.spec.ts). */
import path from "node:path";
import type { Locale } from "../../app/i18n/locales.ts";

export const RECORDS_DIR = path.resolve("test-results/axe-sweep");

export interface Pass {
  name: string;
  locale: Locale;
  viewport: { width: number; height: number };
}

export const passes: Pass[] = [
  { name: "es-1280", locale: "es", viewport: { width: 1280, height: 800 } },
  { name: "es-320", locale: "es", viewport: { width: 320, height: 640 } },
  { name: "pt-320", locale: "pt", viewport: { width: 320, height: 640 } },
  { name: "en-320", locale: "en", viewport: { width: 320, height: 640 } },
];
