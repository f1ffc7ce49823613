import { describe, expect, it } from "vitest";
import { personSearchWhere } from "./search-text.server.ts";
import { foldForSearch, personSearchText } from "./search-text.ts";

describe("personSearchWhere", () => {
  it("folds the query the way the stored text is folded", () => {
    expect(personSearchWhere("  GARCÍA ")).toEqual({ searchText: { contains: "garcia" } });
    expect(personSearchWhere("JOÃO")).toEqual({ searchText: { contains: "joao" } });
    expect(personSearchText({ name: "João García", email: "joao@sao-paulo.example" })).toContain("joao");
  });

  it("matches everyone when the query is empty or only spaces", () => {
    expect(personSearchWhere(undefined)).toEqual({});
    expect(personSearchWhere("")).toEqual({});
    expect(personSearchWhere("   ")).toEqual({});
  });

  it.each(["zoe", "MULLER-INIGUEZ", "Müller", "zoe.muller@"])("finds a stored person by the part %j", (query) => {
    const stored = personSearchText({ name: "Zoë Müller-Íñiguez", email: "zoe.muller@madrid.example" });
    expect(personSearchWhere(query)).toEqual({ searchText: { contains: foldForSearch(query) } });
    expect(stored).toContain(foldForSearch(query));
  });
});
