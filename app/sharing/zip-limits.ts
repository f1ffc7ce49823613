/**
 * The limits of a course zip, read by the zip reader (course-zip.server.ts) and by the import
 * pages' upload rule: the upload may be as large as the reader's total.
 */
import type { FileRule, FormLimits } from "~/forms/limits.ts";

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Uncompressed ÷ compressed, above which an entry is taken for a zip bomb. */
  maxRatio: number;
}

export const COURSE_ZIP_LIMITS: ZipLimits = {
  maxEntries: 400,
  maxEntryBytes: 2 * 1024 * 1024,
  maxTotalBytes: 24 * 1024 * 1024,
  maxRatio: 100,
};

export const courseZipRule: FileRule = { maxBytes: COURSE_ZIP_LIMITS.maxTotalBytes, types: ["zip"] };

/** An import form: the zip and, for a new draft, the revision it replaces. */
export const importFormLimits = {
  maxFields: 4,
  maxBytes: COURSE_ZIP_LIMITS.maxTotalBytes + 16 * 1024,
  files: { zip: courseZipRule },
} as const satisfies FormLimits;
