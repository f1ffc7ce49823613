import { describe, expect, it } from "vitest";
import { foldForSearch, personSearchText } from "./search-text.ts";

describe("search text", () => {
  it("folds case and accents the same way for stored names and queries", () => {
    expect(personSearchText({ name: "João Araújo Núñez", email: "Joao@SP.example" })).toBe("joao araujo nunez joao@sp.example");
    expect(foldForSearch("  GARCÍA  ")).toBe("garcia");
    expect(personSearchText({ name: "Çağla Ñandú", email: "c@x.example" })).toContain(foldForSearch("cagla nandu"));
  });
});
