/**
 * Published course versions never change, so their outline and rendered lessons are kept in
 * memory by version id. Which version is current is always read from the database, so a new
 * import shows at once on every app server.
 */
import { db } from "~/db.server.ts";
import { isLocale, type Locale } from "~/i18n/locales.ts";
import { activityDefinitionSchema, activityTextsSchema, type ActivityDefinition, type ActivityTexts } from "~/activities/format.ts";
import { splitLessonParts, type LessonParts } from "./lesson-parts.ts";
import { parseLocales } from "./localized.ts";

export interface VersionOutline {
  number: number;
  title: string;
  languages: Locale[];
  lessons: Array<{ key: string; titles: Partial<Record<Locale, { title: string; minutes: number }>> }>;
  hasQuiz: boolean;
}

const LIMIT = 500;
const outlines = new Map<string, Promise<VersionOutline>>();
const lessons = new Map<string, Promise<({ title: string; minutes: number } & LessonParts) | null>>();
const activities = new Map<string, Promise<LessonActivity[]>>();

/** A lesson's activity with its answers and its texts in one language: for the server only. */
export interface LessonActivity {
  key: string;
  definition: ActivityDefinition;
  texts: ActivityTexts;
}

function remember<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  const cached = cache.get(key);
  if (cached) return cached;
  if (cache.size >= LIMIT) cache.delete(cache.keys().next().value!);
  const loading = load();
  cache.set(key, loading);
  loading.catch(() => cache.delete(key));
  return loading;
}

export function versionOutline(versionId: string): Promise<VersionOutline> {
  return remember(outlines, versionId, async () => {
    const version = await db().courseVersion.findUniqueOrThrow({
      where: { id: versionId },
      select: {
        number: true,
        title: true,
        languages: true,
        quiz: { select: { id: true } },
        lessons: { orderBy: { position: "asc" }, select: { key: true, contents: { select: { locale: true, title: true, minutes: true } } } },
      },
    });
    return {
      number: version.number,
      title: version.title,
      languages: parseLocales(version.languages),
      hasQuiz: Boolean(version.quiz),
      lessons: version.lessons.map((lesson) => ({
        key: lesson.key,
        titles: Object.fromEntries(lesson.contents.filter((content) => isLocale(content.locale)).map((content) => [content.locale, { title: content.title, minutes: content.minutes }])),
      })),
    };
  });
}

/** A lesson in one language: its title, and its HTML parts with the activity slots between them. */
export function lessonContent(versionId: string, lessonKey: string, locale: Locale) {
  return remember(lessons, `${versionId}/${lessonKey}/${locale}`, async () => {
    const content = await db().lessonContent.findFirst({
      where: { locale, lesson: { key: lessonKey, versionId } },
      select: { title: true, minutes: true, html: true, slots: true },
    });
    return content ? { title: content.title, minutes: content.minutes, ...splitLessonParts(content.html, content.slots) } : null;
  });
}

/** The activities of a lesson (in one language, or the source language), in order. */
export function lessonActivities(versionId: string, lessonKey: string, locale: Locale, fallback: Locale) {
  return remember(activities, `${versionId}/${lessonKey}/${locale}`, async () => {
    const rows = await db().activity.findMany({
      where: { versionId, lessonKey },
      orderBy: { position: "asc" },
      select: { key: true, definition: true, texts: { where: { locale: { in: [locale, fallback] } }, select: { locale: true, texts: true } } },
    });
    return rows.map((row) => {
      const texts = row.texts.find((text) => text.locale === locale) ?? row.texts[0];
      return {
        key: row.key,
        definition: activityDefinitionSchema.parse(JSON.parse(row.definition)),
        texts: activityTextsSchema.parse(JSON.parse(texts?.texts ?? '{"prompt":"","explanation":"","parts":{}}')),
      };
    });
  });
}
