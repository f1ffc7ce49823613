/**
 * A course as a zip in the `courses/` format (decision 032): the files under one top folder named
 * by the course's key-independent name, in path order, with a fixed date and mode, so the same
 * content always gives the same bytes. A city course's key loses its city prefix in the export
 * ("madrid.ia-en-tramites" → "ia-en-tramites"): the key is the importing city's to give, and an
 * export taken again after an import is the same zip.
 */
import { deflateRawSync } from "node:zlib";
import { parse as parseYaml } from "yaml";
import yazl from "yazl";
import { z } from "zod";
import { readDraftModel } from "~/authoring/draft-model.ts";
import { editableCoursesWhere, readDraft, versionFiles, type AuthorScope } from "~/authoring/drafts.server.ts";
import { draftTitle } from "~/authoring/history.server.ts";
import { writeCourseYaml } from "~/courses/course-writer.ts";
import { courseFileSchema, courseKeyName } from "~/courses/format.ts";
import { networkCoursesWhere } from "~/courses/visibility.ts";
import { parseLocales, pickLocale, readLocalized } from "~/courses/localized.ts";
import { db } from "~/db.server.ts";
import type { Locale } from "~/i18n/locales.ts";
import { safeFilename } from "~/reports/export.server.ts";
import { COURSE_ZIP_LIMITS } from "./course-zip.server.ts";

/**
 * The files as exported: course.yaml carries the key-independent name, written by the canonical
 * writer when the key has to change (a network course's files are left byte for byte as they are);
 * every other file as stored. A course.yaml that does not read as the format is left as it is, for
 * the checker of whoever imports it to report.
 */
export function exportedFiles(files: ReadonlyMap<string, Uint8Array>): Map<string, Uint8Array> {
  const out = new Map(files);
  const bytes = files.get("course.yaml");
  if (!bytes) return out;
  let course;
  try {
    course = courseFileSchema.safeParse(parseYaml(new TextDecoder().decode(bytes)));
  } catch {
    return out;
  }
  if (!course.success) return out;
  const name = courseKeyName(course.data.key);
  if (name !== course.data.key) out.set("course.yaml", new TextEncoder().encode(writeCourseYaml({ ...course.data, key: name })));
  return out;
}

/**
 * One date for every entry, made from local fields so that the zip's DOS date is the same on a
 * server in any time zone; no Unix timestamp field is written.
 */
const FIXED_DATE = () => new Date(2000, 0, 1, 0, 0, 0);

/** Deflated unless deflating would pass the import's ratio check (then stored, so our own zip is never taken for a bomb). */
function compressible(bytes: Uint8Array): boolean {
  if (bytes.length <= 1024) return true;
  return bytes.length <= COURSE_ZIP_LIMITS.maxRatio * deflateRawSync(bytes).length;
}

/** The zip of a course folder: entries "<folder>/<path>" in path order, fixed date and mode. */
export function courseZip(folder: string, files: ReadonlyMap<string, Uint8Array>): Promise<Uint8Array> {
  const zip = new yazl.ZipFile();
  const paths = [...files.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const path of paths) {
    const bytes = files.get(path)!;
    zip.addBuffer(Buffer.from(bytes), `${folder}/${path}`, {
      mtime: FIXED_DATE(),
      mode: 0o100644,
      compress: compressible(bytes),
      forceDosTimestamp: true,
    });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on("data", (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on("error", reject);
    zip.outputStream.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
  });
}

/** Where an export is taken from: the draft, or a published version by its number. */
export type ExportFrom = { kind: "draft" } | { kind: "version"; number: number };

export interface ExportVersion {
  number: number;
  publishedAt: Date;
  languages: Locale[];
}

export interface ExportChoices {
  key: string;
  title: string;
  /** The author's own city's course: its draft and every version. Otherwise a network course, read-only. */
  own: boolean;
  draftLanguages: Locale[] | null;
  /** Newest first. */
  versions: ExportVersion[];
}

/**
 * What an author may export of a course: their city's course (draft and every version), or a course
 * they may copy — the curriculum's or one in the network catalog — as its current version. Null
 * for anything else (another city's course not in the catalog): the page answers 404.
 */
export async function exportChoices(scope: AuthorScope, courseKey: string, locale: Locale): Promise<ExportChoices | null> {
  const draft = await readDraft(scope, courseKey);
  if (draft) {
    const model = readDraftModel(draft.files);
    const versions = await db().courseVersion.findMany({
      where: { courseId: draft.courseId },
      orderBy: { number: "desc" },
      select: { number: true, publishedAt: true, languages: true },
    });
    return {
      key: draft.courseKey,
      title: draftTitle(draft, locale),
      own: true,
      draftLanguages: model.ok ? model.model.course.languages : null,
      versions: versions.map((version) => ({ ...version, languages: parseLocales(version.languages) })),
    };
  }
  const course = await db().course.findFirst({
    where: { key: courseKey, ...networkCoursesWhere() },
    select: {
      key: true,
      sourceLocale: true,
      currentVersion: { select: { number: true, publishedAt: true, languages: true, title: true } },
    },
  });
  const version = course?.currentVersion;
  if (!course || !version) return null;
  const languages = parseLocales(version.languages);
  const shown = pickLocale(languages, course.sourceLocale, locale);
  return {
    key: course.key,
    title: readLocalized(version.title, shown, shown, z.string()),
    own: false,
    draftLanguages: null,
    versions: [{ number: version.number, publishedAt: version.publishedAt, languages }],
  };
}

/** The files to export, or null when the author may not export that. */
async function exportSource(scope: AuthorScope, courseKey: string, from: ExportFrom): Promise<Map<string, Uint8Array> | null> {
  if (from.kind === "draft") return (await readDraft(scope, courseKey))?.files ?? null;
  const own = await db().course.findFirst({ where: { key: courseKey, ...editableCoursesWhere(scope) }, select: { id: true } });
  const version = own
    ? await db().courseVersion.findFirst({ where: { courseId: own.id, number: from.number }, select: { id: true } })
    : await db().courseVersion.findFirst({
        where: { number: from.number, currentOf: { key: courseKey, ...networkCoursesWhere() } },
        select: { id: true },
      });
  return version ? versionFiles(version.id) : null;
}

/** The zip of a course's draft or version, with its download name; null when not the author's to export. */
export async function courseExport(
  scope: AuthorScope,
  courseKey: string,
  from: ExportFrom,
): Promise<{ fileName: string; bytes: Uint8Array } | null> {
  const files = await exportSource(scope, courseKey, from);
  if (!files || files.size === 0) return null;
  const name = courseKeyName(courseKey);
  const bytes = await courseZip(name, exportedFiles(files));
  return { fileName: `${name}-${from.kind === "draft" ? "draft" : `v${from.number}`}.zip`, bytes };
}

/** The download: sent as it is, never through the compressor (it is an attachment) nor kept by a cache. */
export function zipResponse(exported: { fileName: string; bytes: Uint8Array }): Response {
  return new Response(Buffer.from(exported.bytes), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Length": String(exported.bytes.length),
      "Content-Disposition": `attachment; filename="${safeFilename(exported.fileName.replace(/\.zip$/, ""))}.zip"`,
      "Cache-Control": "private, no-store",
    },
  });
}
