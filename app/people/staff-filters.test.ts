import { describe, expect, it } from "vitest";
import { parseStaffFilters, staffFiltersSearch, rawStaffFilters } from "./staff-filters.ts";

const parse = (query: string) => parseStaffFilters(new URLSearchParams(query));

describe("staff list filters", () => {
  it("reads search, department, status and page, empty values as absent", () => {
    expect(parse("q=+Garc%C3%ADa+&department=d1&status=deactivated&page=3")).toEqual({
      ok: true,
      filters: { search: "García", departmentId: "d1", status: "deactivated", page: 3 },
    });
    expect(parse("q=&department=&status=")).toEqual({ ok: true, filters: { page: 1 } });
  });

  it("refuses an unknown status, a bad page and an overlong search with their messages", () => {
    expect(parse("status=left")).toEqual({ ok: false, problems: [{ field: "status", message: "staff.filter.badStatus" }] });
    expect(parse("page=0")).toEqual({ ok: false, problems: [{ field: "page", message: "staff.filter.badPage" }] });
    expect(parse(`q=${"a".repeat(101)}`)).toEqual({
      ok: false,
      problems: [{ field: "q", message: "staff.filter.searchTooLong" }],
    });
  });

  it("keeps the filters but not the page in the pager's links", () => {
    expect(staffFiltersSearch(rawStaffFilters(new URLSearchParams("q=ana&page=2&status=active")))).toBe("?q=ana&status=active");
    expect(staffFiltersSearch({})).toBe("");
  });
});
