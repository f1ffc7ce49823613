import { describe, expect, it } from "vitest";
import { catalogs, format } from "./translate.ts";
import { locales } from "./locales.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("message catalogs", () => {
  const spanishKeys = Object.keys(catalogs.es).sort();

  for (const locale of locales) {
    it(`${locale} has exactly the same keys as es, none empty`, () => {
      expect(Object.keys(catalogs[locale]).sort()).toEqual(spanishKeys);
      for (const [key, value] of Object.entries(catalogs[locale])) expect(value.trim(), key).not.toBe("");
    });

    it(`${locale} keeps every placeholder of the Spanish text`, () => {
      for (const key of spanishKeys) {
        const spanish = catalogs.es[key as keyof typeof catalogs.es];
        const translated = catalogs[locale][key as keyof typeof catalogs.es];
        expect(placeholders(translated), key).toEqual(placeholders(spanish));
      }
    });
  }

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(format("Hola, {name} ({missing})", { name: "Ana" })).toBe("Hola, Ana ({missing})");
  });
});
