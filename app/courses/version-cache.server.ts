/**
 * Published course versions never change, so their outline and rendered lessons are kept in
 * memory by version id. Which version is current is always read from the database, so a new
 * import shows at once on every app server.
 */
import { db } from "~/db.server.ts";
import { isLocale, type Locale } from "~/i18n/locales.ts";
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
const lessons = new Map<string, Promise<{ title: string; minutes: number; html: string } | null>>();

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

export function lessonContent(versionId: string, lessonKey: string, locale: Locale) {
  return remember(lessons, `${versionId}/${lessonKey}/${locale}`, () =>
    db().lessonContent.findFirst({ where: { locale, lesson: { key: lessonKey, versionId } }, select: { title: true, minutes: true, html: true } }),
  );
}
