import { describe, expect, it } from "vitest";
import { safeFilename } from "./export.server.ts";

describe("safeFilename", () => {
  it("keeps a city, a list and a date readable in ASCII", () => {
    expect(safeFilename("sao-paulo-pessoas-2026-12-01")).toBe("sao-paulo-pessoas-2026-12-01");
    expect(safeFilename("bogotá-certificados-por-caducar-2026-12-01")).toBe("bogota-certificados-por-caducar-2026-12-01");
  });

  it("drops quotes, slashes and spaces that would break the header", () => {
    expect(safeFilename('a "b"/c\\d e')).toBe("a-b-c-d-e");
    expect(safeFilename("«»")).toBe("export");
  });
});
