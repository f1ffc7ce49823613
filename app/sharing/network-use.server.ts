/**
 * The courses shared to the network (a city course in the network catalog) for the network view:
 * the city each came from, since when, and how many cities use it. A city uses a course when at
 * least one of its people is enrolled in it or it has an assignment of it that was not withdrawn —
 * the one definition (decision 032).
 */
import { z } from "zod";
import { parseLocales, pickLocale, readLocalized } from "~/courses/localized.ts";
import { db } from "~/db.server.ts";
import type { Locale } from "~/i18n/locales.ts";

/** For each course id, how many cities use it (absent: none). */
export async function citiesUsing(courseIds: readonly string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const courseId of courseIds) {
    const enrolled = await db().user.groupBy({ by: ["cityId"], where: { enrollments: { some: { courseId } } } });
    const assigned = await db().assignment.groupBy({ by: ["cityId"], where: { courseId, withdrawnAt: null } });
    const cities = new Set([...enrolled, ...assigned].map((row) => row.cityId));
    if (cities.size > 0) counts.set(courseId, cities.size);
  }
  return counts;
}

export interface SharedCourse {
  key: string;
  title: string;
  city: string;
  sharedAt: Date;
  cities: number;
}

/** Every city course in the network catalog, by city then title's key. */
export async function sharedCourses(locale: Locale): Promise<SharedCourse[]> {
  const courses = await db().course.findMany({
    where: { source: "CITY", networkPublishedAt: { not: null }, currentVersionId: { not: null } },
    orderBy: [{ ownerCity: { name: "asc" } }, { key: "asc" }],
    select: {
      id: true,
      key: true,
      sourceLocale: true,
      networkPublishedAt: true,
      ownerCity: { select: { name: true } },
      currentVersion: { select: { title: true, languages: true } },
    },
  });
  const using = await citiesUsing(courses.map((course) => course.id));
  return courses.flatMap((course) => {
    if (!course.currentVersion || !course.networkPublishedAt) return [];
    const shown = pickLocale(parseLocales(course.currentVersion.languages), course.sourceLocale, locale);
    return [
      {
        key: course.key,
        title: readLocalized(course.currentVersion.title, shown, shown, z.string()),
        city: course.ownerCity?.name ?? "",
        sharedAt: course.networkPublishedAt,
        cities: using.get(course.id) ?? 0,
      },
    ];
  });
}
