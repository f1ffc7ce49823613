/**
 * Which courses a person may see as a learner: published ones (a course that is only a draft has
 * no current version) that are network-wide (from `courses/`, or a city's course a network admin
 * put in the network catalog), or the person's own city's. One rule, in its Prisma and its SQL
 * form side by side, used by every course lookup a learner makes.
 */
import { Prisma } from "~/db.server.ts";

export function visibleCoursesWhere(viewerCityId: string | null) {
  return {
    currentVersionId: { not: null },
    OR: [{ ownerCityId: null }, { networkPublishedAt: { not: null } }, ...(viewerCityId ? [{ ownerCityId: viewerCityId }] : [])],
  } satisfies Prisma.CourseWhereInput;
}

/**
 * The courses every city sees (the network's own, and cities' courses put in the network
 * catalog): what an author may copy or export from another city.
 */
export function networkCoursesWhere() {
  return visibleCoursesWhere(null);
}

/** The same rule for raw SQL over "Course" aliased as `alias`. */
export function visibleCoursesSql(alias: string, viewerCityId: string | null): Prisma.Sql {
  const column = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const ownCity = viewerCityId ? Prisma.sql` OR ${column("ownerCityId")} = ${viewerCityId}` : Prisma.empty;
  return Prisma.sql`(${column("currentVersionId")} IS NOT NULL AND (${column("ownerCityId")} IS NULL OR ${column("networkPublishedAt")} IS NOT NULL${ownCity}))`;
}
