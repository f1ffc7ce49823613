import { describe, expect, it } from "vitest";
import { negotiateLocale, parseAcceptLanguage } from "./negotiate.ts";

describe("parseAcceptLanguage", () => {
  it("orders languages by quality and keeps the primary subtag", () => {
    expect(parseAcceptLanguage("en-US;q=0.5, pt-BR, es;q=0.8")).toEqual(["pt", "es", "en"]);
  });
  it("ignores wildcards, zero quality and empty headers", () => {
    expect(parseAcceptLanguage("*, fr;q=0, de")).toEqual(["de"]);
    expect(parseAcceptLanguage(null)).toEqual([]);
  });
});

describe("negotiateLocale", () => {
  it("prefers the user's own setting over everything else", () => {
    expect(negotiateLocale({ userLocale: "en", cookieLocale: "pt", acceptLanguage: "es", cityLocale: "es" })).toBe("en");
  });
  it("uses the switcher cookie when the user has no setting", () => {
    expect(negotiateLocale({ cookieLocale: "pt", acceptLanguage: "en", cityLocale: "es" })).toBe("pt");
  });
  it("falls back to the first supported browser language", () => {
    expect(negotiateLocale({ acceptLanguage: "fr-FR, pt-BR;q=0.9, en;q=0.8", cityLocale: "es" })).toBe("pt");
  });
  it("falls back to the city's default, then Spanish", () => {
    expect(negotiateLocale({ acceptLanguage: "fr", cityLocale: "pt" })).toBe("pt");
    expect(negotiateLocale({ cookieLocale: "xx" })).toBe("es");
  });
});
