import { describe, expect, it } from "vitest";
import { visibleCoursesSql, visibleCoursesWhere } from "./visibility.ts";

describe("visibleCoursesWhere", () => {
  it("shows a visitor only published network-wide courses", () => {
    expect(visibleCoursesWhere(null)).toEqual({ currentVersionId: { not: null }, OR: [{ ownerCityId: null }, { networkPublishedAt: { not: null } }] });
  });

  it("adds the person's own city's published courses, never another city's unless in the network catalog", () => {
    expect(visibleCoursesWhere("madrid-id")).toEqual({
      currentVersionId: { not: null },
      OR: [{ ownerCityId: null }, { networkPublishedAt: { not: null } }, { ownerCityId: "madrid-id" }],
    });
  });
});

describe("visibleCoursesSql", () => {
  it("says the same in SQL, with the city as a parameter", () => {
    const sql = visibleCoursesSql("c", "madrid-id");
    expect(sql.sql).toBe('(c."currentVersionId" IS NOT NULL AND (c."ownerCityId" IS NULL OR c."networkPublishedAt" IS NOT NULL OR c."ownerCityId" = ?))');
    expect(sql.values).toEqual(["madrid-id"]);
    expect(visibleCoursesSql("c", null).values).toEqual([]);
  });
});
