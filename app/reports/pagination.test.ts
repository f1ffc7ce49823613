import { describe, expect, it } from "vitest";
import { pageWindow } from "./pagination.ts";

describe("pageWindow", () => {
  it("shows the first fifty rows on page one", () => {
    expect(pageWindow(120, 1)).toEqual({ page: 1, pageCount: 3, skip: 0, take: 50, firstRow: 1, lastRow: 50 });
  });

  it("shows the remainder on the last page", () => {
    expect(pageWindow(120, 3)).toMatchObject({ page: 3, skip: 100, firstRow: 101, lastRow: 120 });
  });

  it("has exactly one page when the list fits or is empty", () => {
    expect(pageWindow(50, 1).pageCount).toBe(1);
    expect(pageWindow(51, 1).pageCount).toBe(2);
    expect(pageWindow(0, 1)).toMatchObject({ page: 1, pageCount: 1, firstRow: 0, lastRow: 0 });
  });

  it("shows the last page when asked for one past the end", () => {
    expect(pageWindow(120, 9)).toMatchObject({ page: 3, skip: 100, firstRow: 101 });
  });
});
