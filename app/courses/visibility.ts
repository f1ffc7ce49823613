/**
 * Which courses a person may see: network-wide ones (from `courses/`) for everyone, and a
 * city's own courses only for that city's people. One rule, used by every course lookup.
 */
export function visibleCoursesWhere(viewerCityId: string | null): {
  OR: Array<{ ownerCityId: string | null }>;
} {
  return { OR: [{ ownerCityId: null }, ...(viewerCityId ? [{ ownerCityId: viewerCityId }] : [])] };
}
