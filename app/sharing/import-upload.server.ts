/**
 * The import pages' action: the zip comes through the one upload path (readForm with the import's
 * limits), is imported all or nothing, and a refusal comes back as the whole report in the
 * trainer's language; a success redirects to the course with a notice (PRG).
 */
import { readFile } from "node:fs/promises";
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import type { AuthorScope } from "~/authoring/drafts.server.ts";
import type { UploadedFileInfo } from "~/forms/limits.ts";
import { parseForm, uploadedFile, type FieldErrors } from "~/forms/parse-form.ts";
import { readForm } from "~/forms/read-form.server.ts";
import type { Locale } from "~/i18n/locales.ts";
import { importCourseZip, type ImportTarget } from "./course-import.server.ts";
import { importReport, type ReportLine } from "./import-report.ts";
import { importFormLimits } from "./zip-limits.ts";

const newSchema = z.object({ zip: uploadedFile() });
const draftSchema = z.object({ zip: uploadedFile(), revision: z.coerce.number().int().min(0) });

export interface ImportRefusal {
  fieldErrors: FieldErrors | null;
  report: ReportLine[] | null;
  stale: boolean;
}

const refusal = (body: Partial<ImportRefusal>, status: number) =>
  data<ImportRefusal>({ fieldErrors: null, report: null, stale: false, ...body }, { status });

/** Imports the uploaded zip as a new city course, or (with `courseKey`) as that course's new draft. */
export async function importUpload(request: Request, scope: AuthorScope, locale: Locale, courseKey?: string) {
  const form = await readForm(request, importFormLimits);
  let zip: UploadedFileInfo;
  let target: ImportTarget = { kind: "new" };
  if (courseKey) {
    const parsed = parseForm(draftSchema, form);
    if (!parsed.ok) return refusal({ fieldErrors: parsed.fieldErrors }, 400);
    zip = parsed.data.zip;
    target = { kind: "draft", courseKey, revision: parsed.data.revision };
  } else {
    const parsed = parseForm(newSchema, form);
    if (!parsed.ok) return refusal({ fieldErrors: parsed.fieldErrors }, 400);
    zip = parsed.data.zip;
  }
  const outcome = await importCourseZip(scope, new Uint8Array(await readFile(zip.path)), target);
  if (outcome.ok) throw redirect(`/author/${outcome.key}?done=${courseKey ? "importedDraft" : "imported"}`);
  if (outcome.stale) return refusal({ stale: true }, 409);
  return refusal({ report: importReport(outcome.zipProblems, outcome.problems, locale) }, 400);
}
