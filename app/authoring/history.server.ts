/**
 * A course's history for its authors: the versions, newest first, who published each and in which
 * languages, where a copy came from, and the comparison of any two versions file by file.
 */
import { z } from "zod";
import { db } from "~/db.server.ts";
import { lessonFolderName } from "~/courses/course-writer.ts";
import { parseLocales, readLocalized } from "~/courses/localized.ts";
import { isLocale, type Locale } from "~/i18n/locales.ts";
import { readDraftModel } from "./draft-model.ts";
import { filesHash, readDraft, versionFiles, type AuthorScope, type Draft } from "./drafts.server.ts";
import { compareFiles, type FileChange } from "./history.ts";
import { publishable } from "./publish.server.ts";
import type { DraftFiles } from "./translations.ts";

/** The course's title and its lessons' titles in one language (the source language's where missing). */
export function courseNames(
  files: DraftFiles,
  locale: Locale,
): { title: string | null; lessons: Map<string, string>; lessonsByKey: Map<string, string> } {
  const read = readDraftModel(files);
  if (!read.ok) return { title: null, lessons: new Map(), lessonsByKey: new Map() };
  const { course, lessons } = read.model;
  const lessonTitles = lessons.map((lesson, position) => {
    const translation =
      lesson.translations[locale] ?? lesson.translations[course.sourceLocale] ?? Object.values(lesson.translations)[0];
    return {
      folder: lessonFolderName(position, lesson.key),
      key: lesson.key,
      title: translation?.frontMatter.title ?? lesson.key,
    };
  });
  return {
    title: course.title[locale] ?? course.title[course.sourceLocale] ?? null,
    lessons: new Map(lessonTitles.map((lesson) => [lesson.folder, lesson.title])),
    lessonsByKey: new Map(lessonTitles.map((lesson) => [lesson.key, lesson.title])),
  };
}

/** The draft's title for the page's navigation: its own, else its key. */
export function draftTitle(draft: Draft, locale: Locale): string {
  return courseNames(draft.files, locale).title ?? draft.courseKey;
}

export type Publisher = { kind: "files" } | { kind: "erased" } | { kind: "person"; name: string };

export interface VersionEntry {
  number: number;
  publishedAt: Date;
  publisher: Publisher;
  languages: Locale[];
  /** The draft now holds this version's files (as published, or restored). */
  sameAsDraft: boolean;
}

export interface CourseHistory {
  draft: Draft;
  title: string;
  versions: VersionEntry[];
  copiedFrom: { key: string; title: string; version: number | null; latest: number | null } | null;
}

/** The history of one of the author's courses, or null when it is not one. */
export async function courseHistory(
  scope: Pick<AuthorScope, "cityId">,
  courseKey: string,
  locale: Locale,
): Promise<CourseHistory | null> {
  const draft = await readDraft(scope, courseKey);
  if (!draft) return null;
  const course = await db().course.findUniqueOrThrow({
    where: { id: draft.courseId },
    select: {
      copiedFromVersion: true,
      copiedFrom: { select: { key: true, sourceLocale: true, currentVersion: { select: { number: true, title: true } } } },
      versions: {
        orderBy: { number: "desc" },
        select: { id: true, number: true, publishedAt: true, publishedById: true, languages: true },
      },
    },
  });
  const publisherIds = [
    ...new Set(course.versions.map((version) => version.publishedById).filter((id): id is string => id !== null)),
  ];
  const people = new Map(
    (await db().user.findMany({ where: { id: { in: publisherIds } }, select: { id: true, name: true, erasedAt: true } })).map(
      (person) => [person.id, person],
    ),
  );
  const draftHashes = new Set([filesHash(draft.files), filesHash(publishable(draft).files)]);
  const versions: VersionEntry[] = [];
  for (const version of course.versions) {
    const person = version.publishedById ? people.get(version.publishedById) : undefined;
    const publisher: Publisher = !version.publishedById
      ? { kind: "files" }
      : !person || person.erasedAt
        ? { kind: "erased" }
        : { kind: "person", name: person.name };
    versions.push({
      number: version.number,
      publishedAt: version.publishedAt,
      publisher,
      languages: parseLocales(version.languages),
      sameAsDraft: draftHashes.has(filesHash(await versionFiles(version.id))),
    });
  }
  const source = course.copiedFrom;
  const sourceLocale = source && isLocale(source.sourceLocale) ? source.sourceLocale : "es";
  return {
    draft,
    title: draftTitle(draft, locale),
    versions,
    copiedFrom: source
      ? {
          key: source.key,
          title: source.currentVersion
            ? readLocalized(source.currentVersion.title, locale, sourceLocale, z.string())
            : source.key,
          version: course.copiedFromVersion,
          latest: source.currentVersion?.number ?? null,
        }
      : null,
  };
}

export type Comparison =
  | { ok: true; from: number; to: number; changes: FileChange[]; lessons: Map<string, string> }
  | { ok: false; problem: "authoring.history.problem.noSuchVersion" };

/** The files changed from version `from` to version `to` of the draft's course. */
export async function compareVersions(
  draft: Pick<Draft, "courseId">,
  from: number,
  to: number,
  locale: Locale,
): Promise<Comparison> {
  const rows = await db().courseVersion.findMany({
    where: { courseId: draft.courseId, number: { in: [from, to] } },
    select: { id: true, number: true },
  });
  const fromVersion = rows.find((row) => row.number === from);
  const toVersion = rows.find((row) => row.number === to);
  if (!fromVersion || !toVersion) return { ok: false, problem: "authoring.history.problem.noSuchVersion" };
  const before = await versionFiles(fromVersion.id);
  const after = await versionFiles(toVersion.id);
  // A removed lesson is named by its title in the earlier version.
  const lessons = new Map([...courseNames(before, locale).lessons, ...courseNames(after, locale).lessons]);
  return { ok: true, from, to, changes: compareFiles(before, after), lessons };
}
