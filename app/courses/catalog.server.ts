/** What learners see of the published courses: the catalog and a course's overview. */
import { z } from "zod";
import { db } from "~/db.server.ts";
import type { Locale } from "~/i18n/locales.ts";
import { competencies as competencyList, levels, type Competency, type Level } from "./competencies.ts";
import { parseLocales, pickLocale, readLocalized } from "./localized.ts";
import { foldForSearch } from "./search-text.ts";
import { visibleCoursesWhere } from "./visibility.ts";

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

export interface CatalogFilters {
  query?: string;
  competency?: Competency;
  level?: Level;
  /** Only courses assigned to the person (directly, to their department, or to their whole city). */
  mandatoryOnly?: boolean;
}

export interface CatalogReader {
  userId: string;
  cityId: string;
  departmentId: string | null;
}

/** The ids of courses assigned to a person (an open person-assignment), for the "mandatory for me" filter and badge. */
export async function mandatoryCourseIds(person: { userId: string; cityId: string; departmentId: string | null }): Promise<Set<string>> {
  const rows = await db().personAssignment.findMany({
    where: { userId: person.userId, cityId: person.cityId, withdrawnAt: null },
    select: { courseId: true },
  });
  return new Set(rows.map((row) => row.courseId));
}

export async function listCatalog(locale: Locale, filters: CatalogFilters = {}, reader: CatalogReader | null = null): Promise<Array<CatalogEntry & { mandatory: boolean }>> {
  const folded = filters.query ? foldForSearch(filters.query) : "";
  const mandatory = reader ? await mandatoryCourseIds(reader) : new Set<string>();
  const courses = await db().course.findMany({
    where: {
      ...visibleCoursesWhere(reader?.cityId ?? null),
      // Titles and summaries of every language are stored folded (lower case, no accents), so this is accent-insensitive on both databases.
      ...(folded || filters.level ? { currentVersion: { ...(folded ? { searchText: { contains: folded } } : {}), ...(filters.level ? { level: filters.level } : {}) } } : {}),
    },
    orderBy: { createdAt: "asc" },
    select: { id: true, key: true, sourceLocale: true, currentVersion: { select: versionSelect } },
  });
  return courses.flatMap(({ id, key, sourceLocale, currentVersion: version }) => {
    if (!version) return [];
    const courseCompetencies = competencyArray.parse(JSON.parse(version.competencies));
    if (filters.competency && !courseCompetencies.includes(filters.competency)) return [];
    if (filters.mandatoryOnly && !mandatory.has(id)) return [];
    const shownLocale = pickLocale(parseLocales(version.languages), sourceLocale, locale);
    return [
      {
        key,
        title: readLocalized(version.title, shownLocale, shownLocale, z.string()),
        summary: readLocalized(version.summary, shownLocale, shownLocale, z.string()),
        shownLocale,
        level: levelEnum.parse(version.level),
        minutes: version.minutes,
        competencies: courseCompetencies,
        lessonCount: version._count.lessons,
        mandatory: mandatory.has(id),
      },
    ];
  });
}

export async function getCourseOverview(key: string, locale: Locale, viewerCityId: string | null) {
  const course = await db().course.findFirst({
    where: { key, ...visibleCoursesWhere(viewerCityId) },
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
