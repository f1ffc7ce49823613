/** What learners see of the published courses: the catalog and a course's overview. */
import { z } from "zod";
import { db } from "~/db.server.ts";
import type { Locale } from "~/i18n/locales.ts";
import { competencies as competencyList, levels, type Competency, type Level } from "./competencies.ts";
import { parseLocales, pickLocale, readLocalized } from "./localized.ts";

const competencyArray = z.array(z.enum(competencyList));
const levelEnum = z.enum(levels);

export interface CatalogEntry {
  key: string;
  title: string;
  summary: string;
  /** The language the entry is shown in; differs from the reader's when the course lacks it. */
  shownLocale: Locale;
  level: Level;
  minutes: number;
  competencies: Competency[];
  lessonCount: number;
}

const versionSelect = {
  number: true,
  level: true,
  minutes: true,
  languages: true,
  competencies: true,
  title: true,
  summary: true,
  _count: { select: { lessons: true } },
} as const;

export async function listCatalog(locale: Locale): Promise<CatalogEntry[]> {
  const courses = await db().course.findMany({
    where: { currentVersionId: { not: null } },
    orderBy: { createdAt: "asc" },
    select: { key: true, sourceLocale: true, currentVersion: { select: versionSelect } },
  });
  return courses.flatMap(({ key, sourceLocale, currentVersion: version }) => {
    if (!version) return [];
    const shownLocale = pickLocale(parseLocales(version.languages), sourceLocale, locale);
    return [
      {
        key,
        title: readLocalized(version.title, shownLocale, shownLocale, z.string()),
        summary: readLocalized(version.summary, shownLocale, shownLocale, z.string()),
        shownLocale,
        level: levelEnum.parse(version.level),
        minutes: version.minutes,
        competencies: competencyArray.parse(JSON.parse(version.competencies)),
        lessonCount: version._count.lessons,
      },
    ];
  });
}

export async function getCourseOverview(key: string, locale: Locale) {
  const course = await db().course.findUnique({
    where: { key },
    select: {
      key: true,
      sourceLocale: true,
      currentVersion: {
        select: {
          ...versionSelect,
          objectives: true,
          lessons: { orderBy: { position: "asc" }, select: { key: true, contents: { select: { locale: true, title: true, minutes: true } } } },
          quiz: { select: { passMark: true, draw: true, _count: { select: { questions: true } } } },
        },
      },
    },
  });
  const version = course?.currentVersion;
  if (!course || !version) return null;
  const shownLocale = pickLocale(parseLocales(version.languages), course.sourceLocale, locale);
  return {
    key: course.key,
    version: version.number,
    title: readLocalized(version.title, shownLocale, shownLocale, z.string()),
    summary: readLocalized(version.summary, shownLocale, shownLocale, z.string()),
    objectives: readLocalized(version.objectives, shownLocale, shownLocale, z.array(z.string())),
    shownLocale,
    level: levelEnum.parse(version.level),
    minutes: version.minutes,
    competencies: competencyArray.parse(JSON.parse(version.competencies)),
    lessons: version.lessons.map((lesson) => {
      const content = lesson.contents.find((row) => row.locale === shownLocale) ?? lesson.contents[0];
      return { key: lesson.key, title: content?.title ?? lesson.key, minutes: content?.minutes ?? 0 };
    }),
    quiz: version.quiz ? { passMark: version.quiz.passMark, draw: version.quiz.draw } : null,
  };
}

export async function getAsset(hash: string) {
  return db().courseAsset.findUnique({ where: { hash }, select: { mimeType: true, bytes: true } });
}
