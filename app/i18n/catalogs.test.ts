import { describe, expect, it } from "vitest";
import { catalogs, format, messageForms, translatorFor, type MessageKey } from "./translate.ts";
import { htmlLang, locales } from "./locales.ts";

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]))].sort();
const spanishKeys = Object.keys(catalogs.es).sort() as MessageKey[];
const pluralKeys = spanishKeys.filter((key) => typeof catalogs.es[key] !== "string");

describe("message catalogs", () => {
  for (const locale of locales) {
    it(`${locale} has exactly the same keys as es, none empty`, () => {
      expect(Object.keys(catalogs[locale]).sort()).toEqual(spanishKeys);
      for (const [key, message] of Object.entries(catalogs[locale])) {
        for (const form of messageForms(message)) expect(form.trim(), key).not.toBe("");
      }
    });

    it(`${locale} keeps every placeholder of the Spanish text, in every plural form`, () => {
      for (const key of spanishKeys) {
        const spanish = placeholders(messageForms(catalogs.es[key]).join(" "));
        for (const form of messageForms(catalogs[locale][key])) expect(placeholders(form), key).toEqual(spanish);
      }
    });

    it(`${locale}: every plural message has exactly the forms the language needs (Intl.PluralRules), and counts`, () => {
      const needed = new Intl.PluralRules(htmlLang[locale]).resolvedOptions().pluralCategories.sort();
      expect(pluralKeys.length).toBeGreaterThan(0);
      for (const key of pluralKeys) {
        const message = catalogs[locale][key];
        expect(typeof message, key).toBe("object");
        expect(Object.keys(message).sort(), key).toEqual(needed);
        for (const form of messageForms(message)) expect(form, key).toContain("{count}");
      }
    });

    it(`${locale} writes no percent sign or number of its own: percentages come from Intl.NumberFormat`, () => {
      for (const [key, message] of Object.entries(catalogs[locale])) {
        for (const form of messageForms(message)) expect(form, key).not.toMatch(/\}\s?%|\d\s?%/);
      }
    });
  }

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(format("Hola, {name} ({missing})", { name: "Ana" })).toBe("Hola, Ana ({missing})");
  });

  it("chooses the plural form by {count} and writes the number the language's way", () => {
    const es = translatorFor("es");
    const en = translatorFor("en");
    const pt = translatorFor("pt");
    expect(es("people.count", { count: 1 })).toBe("1 persona");
    expect(es("people.count", { count: 2 })).toBe("2 personas");
    expect(es("people.count", { count: 0 })).toBe("0 personas");
    expect(es("people.count", { count: 1_000_000 })).toBe("1.000.000 de personas");
    expect(pt("people.count", { count: 1 })).toBe("1 pessoa");
    expect(pt("people.count", { count: 12_345 })).toBe("12.345 pessoas");
    expect(en("people.count", { count: 1 })).toBe("1 person");
    expect(en("people.count", { count: 12_345 })).toBe("12,345 people");
    expect(en("auth.throttled", { count: 1 })).toBe("Too many attempts. Wait 1 minute and try again.");
  });
});
