/**
 * What the authoring home lists: the author's city's courses (each read from its draft) with their
 * status, complete languages, learners enrolled and version; and the network courses they may copy
 * (published network-wide, or a city's course in the network catalog).
 */
import { z } from "zod";
import { db } from "~/db.server.ts";
import { pickLocale, readLocalized, parseLocales } from "~/courses/localized.ts";
import { networkCoursesWhere } from "~/courses/visibility.ts";
import { locales, type Locale } from "~/i18n/locales.ts";
import { readDraft, editableCoursesWhere, type AuthorScope } from "./drafts.server.ts";
import { readDraftModel } from "./draft-model.ts";
import { draftStatus, type DraftStatus } from "./publish.server.ts";
import { completeLanguages, translationMatrix } from "./translations.ts";

export interface CityCourseRow {
  key: string;
  title: string;
  status: DraftStatus;
  completeLanguages: Locale[];
  learners: number;
  version: number | null;
  updatedAt: Date;
  /** For a copy: the network course it came from, the version copied and the network's current one. */
  copiedFrom: { key: string; title: string; version: number; latest: number | null } | null;
}

export interface NetworkCourseRow {
  key: string;
  title: string;
  version: number;
  /** The city that made it, for a city's course in the network catalog; null for the curriculum's. */
  city: string | null;
}

/** The title of a course in `locale` or else its source language, from a JSON stored by the importer. */
function versionTitle(version: { title: string; languages: string }, sourceLocale: string, locale: Locale): string {
  return readLocalized(
    version.title,
    pickLocale(parseLocales(version.languages), sourceLocale, locale),
    isLocaleOr(sourceLocale),
    z.string(),
  );
}

function isLocaleOr(value: string): Locale {
  return (locales as readonly string[]).includes(value) ? (value as Locale) : "es";
}

/** Distinct learners enrolled (any cycle) per course id. */
async function learnersByCourse(courseIds: string[]): Promise<Map<string, number>> {
  const rows = await db().enrollment.groupBy({ by: ["courseId", "userId"], where: { courseId: { in: courseIds } } });
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.courseId, (counts.get(row.courseId) ?? 0) + 1);
  return counts;
}

/** The author's city's courses, sorted by title in the reader's language. */
export async function cityCourses(scope: AuthorScope, locale: Locale): Promise<CityCourseRow[]> {
  const courses = await db().course.findMany({
    where: editableCoursesWhere(scope),
    select: {
      id: true,
      key: true,
      currentVersionId: true,
      currentVersion: { select: { number: true } },
      copiedFromVersion: true,
      copiedFrom: {
        select: { key: true, sourceLocale: true, currentVersion: { select: { number: true, title: true, languages: true } } },
      },
    },
  });
  const learners = await learnersByCourse(courses.map((course) => course.id));
  const rows: CityCourseRow[] = [];
  for (const course of courses) {
    const draft = await readDraft(scope, course.key);
    if (!draft) continue;
    const read = readDraftModel(draft.files);
    const model = read.ok ? read.model : null;
    const declared = model?.course.languages ?? [draft.sourceLocale];
    const matrix = translationMatrix(draft.files, draft.sourceLocale, declared, draft.translations);
    const complete = completeLanguages(matrix, draft.sourceLocale, declared);
    const titles = model?.course.title ?? {};
    const source = course.copiedFrom;
    rows.push({
      key: course.key,
      title: titles[complete.includes(locale) ? locale : draft.sourceLocale] ?? titles[draft.sourceLocale] ?? course.key,
      status: await draftStatus(draft, course.currentVersionId),
      completeLanguages: complete,
      learners: learners.get(course.id) ?? 0,
      version: course.currentVersion?.number ?? null,
      updatedAt: draft.updatedAt,
      copiedFrom:
        source && course.copiedFromVersion !== null
          ? {
              key: source.key,
              title: source.currentVersion ? versionTitle(source.currentVersion, source.sourceLocale, locale) : source.key,
              version: course.copiedFromVersion,
              latest: source.currentVersion?.number ?? null,
            }
          : null,
    });
  }
  return rows.sort((a, b) => a.title.localeCompare(b.title, locale));
}

/** Whether a copy's network course has published a version newer than the one copied. */
export function hasNewerSource(row: Pick<CityCourseRow, "copiedFrom">): boolean {
  return row.copiedFrom !== null && row.copiedFrom.latest !== null && row.copiedFrom.latest > row.copiedFrom.version;
}

/** The network courses an author may copy (`networkCoursesWhere`), a city's own shown with its city. */
export async function copyableCourses(locale: Locale): Promise<NetworkCourseRow[]> {
  const courses = await db().course.findMany({
    where: networkCoursesWhere(),
    select: {
      key: true,
      sourceLocale: true,
      ownerCity: { select: { name: true } },
      currentVersion: { select: { number: true, title: true, languages: true } },
    },
  });
  return courses
    .filter((course) => course.currentVersion !== null)
    .map((course) => ({
      key: course.key,
      title: versionTitle(course.currentVersion!, course.sourceLocale, locale),
      version: course.currentVersion!.number,
      city: course.ownerCity?.name ?? null,
    }))
    .sort((a, b) => a.title.localeCompare(b.title, locale));
}
