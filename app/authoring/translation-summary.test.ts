import { describe, expect, it } from "vitest";
import { languageGaps, readableUnitText } from "./translation-summary.ts";
import type { UnitRow } from "./translations.ts";

describe("languageGaps", () => {
  it("counts, per language other than the source, the units missing and outdated in it", () => {
    const matrix: UnitRow[] = [
      { unit: "course", lessonKey: null, states: { es: "source", pt: "complete", en: "missing" } },
      { unit: "lesson:a", lessonKey: "a", states: { es: "source", pt: "outdated", en: "missing" } },
      { unit: "quiz", lessonKey: null, states: { es: "source", pt: "complete", en: "outdated" } },
    ];
    expect(languageGaps(matrix, "es", ["es", "pt", "en"])).toEqual([
      { locale: "pt", missing: 0, outdated: 1 },
      { locale: "en", missing: 2, outdated: 1 },
    ]);
  });
});

describe("readableUnitText", () => {
  it("shows a lesson as its Markdown and a YAML unit as each localized field by where it sits", () => {
    expect(readableUnitText("lesson:a", "# Hola\n")).toEqual([{ field: "", text: "# Hola\n" }]);
    const text = JSON.stringify([
      ["/title", "Título"],
      ["/questions/0/prompt", "¿Qué?"],
    ]);
    expect(readableUnitText("quiz", text)).toEqual([
      { field: "title", text: "Título" },
      { field: "questions/0/prompt", text: "¿Qué?" },
    ]);
  });
});
