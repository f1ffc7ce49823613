/**
 * The network catalog: a network admin puts a published city course in every city's catalog, or
 * withdraws it. Which courses a learner sees is app/courses/visibility.ts (the one rule).
 */
import { audit } from "~/audit/audit.server.ts";
import { now } from "~/clock.server.ts";
import { z } from "zod";
import { parseLocales, pickLocale, readLocalized } from "~/courses/localized.ts";
import { db } from "~/db.server.ts";
import type { Locale } from "~/i18n/locales.ts";

export type NetworkCatalogOutcome = { ok: true } | { ok: false; problem: "authoring.problem.notNetworkPublishable" };

export async function setInNetworkCatalog(
  actor: { userId: string; cityId: string },
  courseKey: string,
  inCatalog: boolean,
): Promise<NetworkCatalogOutcome> {
  return db().$transaction(async (tx) => {
    const course = await tx.course.findFirst({
      where: { key: courseKey, source: "CITY", currentVersionId: { not: null } },
      select: { id: true, ownerCityId: true, networkPublishedAt: true },
    });
    if (!course) return { ok: false, problem: "authoring.problem.notNetworkPublishable" } as const;
    // Idempotent: publishing a course already in the catalog keeps its first date.
    if (inCatalog === (course.networkPublishedAt !== null)) return { ok: true } as const;
    await tx.course.update({ where: { id: course.id }, data: { networkPublishedAt: inCatalog ? now() : null } });
    await audit(
      {
        cityId: course.ownerCityId,
        actorId: actor.userId,
        action: inCatalog ? "course.networkPublished" : "course.networkWithdrawn",
        targetType: "course",
        targetId: courseKey,
      },
      tx,
    );
    return { ok: true } as const;
  });
}

export interface CityCourseRow {
  key: string;
  city: string;
  title: string;
  version: number;
  languages: Locale[];
  inNetworkCatalog: boolean;
  /** How many city courses were copied from it. */
  copies: number;
  /** How many people are enrolled in it (each counted once, whatever the cycle). */
  learners: number;
}

/** Every published city course, for the network admin: in the catalog or not, its copies and learners. */
export async function listCityCourses(locale: Locale): Promise<CityCourseRow[]> {
  const courses = await db().course.findMany({
    where: { source: "CITY", currentVersionId: { not: null } },
    orderBy: [{ ownerCity: { name: "asc" } }, { key: "asc" }],
    select: {
      id: true,
      key: true,
      sourceLocale: true,
      networkPublishedAt: true,
      ownerCity: { select: { name: true } },
      currentVersion: { select: { number: true, title: true, languages: true } },
    },
  });
  const ids = courses.map((course) => course.id);
  const copies = await db().course.groupBy({
    by: ["copiedFromId"],
    where: { copiedFromId: { in: ids } },
    _count: { _all: true },
  });
  const enrolled = await db().enrollment.groupBy({ by: ["courseId", "userId"], where: { courseId: { in: ids } } });
  const copiesOf = new Map(copies.map((row) => [row.copiedFromId, row._count._all]));
  const learnersOf = new Map<string, number>();
  for (const row of enrolled) learnersOf.set(row.courseId, (learnersOf.get(row.courseId) ?? 0) + 1);
  return courses.flatMap((course) => {
    const version = course.currentVersion;
    if (!version) return [];
    const languages = parseLocales(version.languages);
    const shown = pickLocale(languages, course.sourceLocale, locale);
    return [
      {
        key: course.key,
        city: course.ownerCity?.name ?? "",
        title: readLocalized(version.title, shown, shown, z.string()),
        version: version.number,
        languages,
        inNetworkCatalog: course.networkPublishedAt !== null,
        copies: copiesOf.get(course.id) ?? 0,
        learners: learnersOf.get(course.id) ?? 0,
      },
    ];
  });
}
