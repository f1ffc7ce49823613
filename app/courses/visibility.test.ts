import { describe, expect, it } from "vitest";
import { visibleCoursesWhere } from "./visibility.ts";

describe("visibleCoursesWhere", () => {
  it("shows a visitor only network-wide courses", () => {
    expect(visibleCoursesWhere(null)).toEqual({ OR: [{ ownerCityId: null }] });
  });

  it("adds the person's own city's courses, never another city's", () => {
    expect(visibleCoursesWhere("madrid-id")).toEqual({ OR: [{ ownerCityId: null }, { ownerCityId: "madrid-id" }] });
  });
});
