import { describe, expect, it } from "vitest";
import { filtersToSearch, parseReportFilters } from "./filters.ts";

const parse = (query: string) => parseReportFilters(new URLSearchParams(query));

describe("HR report filters from the URL", () => {
  it("reads every filter and writes it back to the same query", () => {
    const parsed = parse(
      "department=abc&course=ai-fundamentals&from=2026-01-01&to=2026-06-30&mandatory=1&status=overdue&q=Garc%C3%ADa&page=3",
    );
    expect(parsed).toEqual({
      ok: true,
      filters: {
        department: "abc",
        course: "ai-fundamentals",
        from: "2026-01-01",
        to: "2026-06-30",
        mandatoryOnly: true,
        status: "overdue",
        search: "García",
        page: 3,
      },
    });
    if (parsed.ok)
      expect(filtersToSearch(parsed.filters)).toBe(
        "?department=abc&course=ai-fundamentals&from=2026-01-01&to=2026-06-30&mandatory=1&status=overdue&q=Garc%C3%ADa&page=3",
      );
  });

  it("treats empty fields as absent, so a filter form submitted untouched shows everything", () => {
    expect(parse("department=&course=&q=")).toEqual({ ok: true, filters: { mandatoryOnly: false, page: 1 } });
  });

  it("refuses malformed values with a message instead of ignoring them", () => {
    expect(parse("status=lost")).toEqual({ ok: false, problems: [{ field: "status", message: "reports.filter.unknownStatus" }] });
    expect(parse("from=2026-02-30")).toEqual({ ok: false, problems: [{ field: "from", message: "reports.filter.badDate" }] });
    expect(parse("from=yesterday")).toEqual({ ok: false, problems: [{ field: "from", message: "reports.filter.badDate" }] });
    expect(parse("page=0")).toEqual({ ok: false, problems: [{ field: "page", message: "reports.filter.badPage" }] });
    expect(parse("course=<script>")).toEqual({
      ok: false,
      problems: [{ field: "course", message: "reports.filter.unknownCourse" }],
    });
    expect(parse("mandatory=yes")).toEqual({ ok: false, problems: [{ field: "mandatory", message: "reports.filter.badValue" }] });
    expect(parse(`q=${"a".repeat(101)}`)).toEqual({
      ok: false,
      problems: [{ field: "q", message: "reports.filter.searchTooLong" }],
    });
    expect(parse("status=overdue&status=completed")).toEqual({
      ok: false,
      problems: [{ field: "status", message: "reports.filter.repeated" }],
    });
  });

  it("refuses a reversed or overlong date range", () => {
    expect(parse("from=2026-06-01&to=2026-01-01")).toEqual({
      ok: false,
      problems: [{ field: "to", message: "reports.filter.rangeReversed" }],
    });
    expect(parse("from=2010-01-01&to=2026-01-01")).toEqual({
      ok: false,
      problems: [{ field: "to", message: "reports.filter.rangeTooLong" }],
    });
  });
});
