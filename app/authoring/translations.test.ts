import { describe, expect, it } from "vitest";
import {
  completeLanguages,
  translationMatrix,
  translationsAsCurrent,
  translationsSaved,
  unitText,
  type DraftFiles,
} from "./translations.ts";

const encode = (text: string) => new TextEncoder().encode(text);

function draft(files: Record<string, string>): Map<string, Uint8Array> {
  return new Map(Object.entries(files).map(([path, text]) => [path, encode(text)]));
}

const base = {
  "course.yaml":
    "key: demo\nsourceLocale: es\nlanguages: [es, pt, en]\ntitle:\n  es: Curso\n  pt: Curso\n  en: Course\nlessons: [intro]\n",
  "quiz.yaml":
    "settings:\n  passMark: 70\nquestions:\n  - key: q1\n    text:\n      es: ¿Sí?\n      pt: Sim?\n    answer: true\n",
  "01-intro/es.md": "---\ntitle: Hola\nminutes: 5\n---\n\nTexto.\n",
  "01-intro/pt.md": "---\ntitle: Olá\nminutes: 5\n---\n\nTexto.\n",
  "01-intro/activities.yaml": "activities:\n  - key: a1\n    prompt:\n      es: Elige\n      pt: Escolha\n      en: Choose\n",
};

function with_(files: DraftFiles, path: string, text: string | null): Map<string, Uint8Array> {
  const next = new Map(files);
  if (text === null) next.delete(path);
  else next.set(path, encode(text));
  return next;
}

describe("translation states", () => {
  it("reads a unit's text per language and calls it missing when any localized field lacks it", () => {
    const files = draft(base);
    expect(unitText(files, "course", "en")).toContain("Course");
    expect(unitText(files, "quiz", "en")).toBeNull();
    expect(unitText(files, "lesson:intro", "en")).toBeNull();
    expect(unitText(files, "activities:intro", "en")).toContain("Choose");
  });

  it("starts complete for a copied course, and marks a translation outdated when its source changes", () => {
    const files = draft(base);
    const stored = translationsAsCurrent(files, "es");
    const before = translationMatrix(files, "es", ["es", "pt", "en"], stored);
    expect(before.map((row) => [row.unit, row.states])).toEqual([
      ["course", { es: "source", pt: "complete", en: "complete" }],
      ["lesson:intro", { es: "source", pt: "complete", en: "missing" }],
      ["activities:intro", { es: "source", pt: "complete", en: "complete" }],
      ["quiz", { es: "source", pt: "complete", en: "missing" }],
    ]);
    expect(completeLanguages(before, "es", ["es", "pt", "en"])).toEqual(["es", "pt"]);

    const edited = with_(files, "01-intro/es.md", "---\ntitle: Hola\nminutes: 5\n---\n\nTexto nuevo.\n");
    const recorded = [...stored, ...translationsSaved(files, edited, "es")];
    const after = translationMatrix(edited, "es", ["es", "pt", "en"], recorded);
    expect(after[1]!.states).toEqual({ es: "source", pt: "outdated", en: "missing" });
    expect(after[0]!.states.pt).toBe("complete");
    expect(completeLanguages(after, "es", ["es", "pt", "en"])).toEqual(["es"]);
  });

  it("makes a translation complete again when it is saved after the source changed", () => {
    const files = draft(base);
    const edited = with_(files, "01-intro/es.md", "---\ntitle: Hola\nminutes: 5\n---\n\nTexto nuevo.\n");
    const stored = [...translationsAsCurrent(files, "es"), ...translationsSaved(files, edited, "es")];
    const translated = with_(edited, "01-intro/pt.md", "---\ntitle: Olá\nminutes: 5\n---\n\nTexto novo.\n");
    const saved = translationsSaved(edited, translated, "es");
    expect(saved).toHaveLength(1);
    const matrix = translationMatrix(translated, "es", ["es", "pt", "en"], [...stored, ...saved]);
    expect(matrix[1]!.states.pt).toBe("complete");
  });

  it("does not count a change outside the texts (a correct answer) as a source change", () => {
    const files = draft(base);
    const stored = translationsAsCurrent(files, "es");
    const edited = with_(files, "quiz.yaml", base["quiz.yaml"].replace("answer: true", "answer: false"));
    expect(translationsSaved(files, edited, "es")).toEqual([]);
    expect(translationMatrix(edited, "es", ["es", "pt"], stored).at(-1)!.states.pt).toBe("complete");
  });

  it("reports a language missing when the source has a file that does not parse", () => {
    const files = with_(draft(base), "quiz.yaml", "settings: [unclosed");
    const matrix = translationMatrix(files, "es", ["es", "pt"], []);
    expect(matrix.at(-1)!.states).toEqual({ es: "missing", pt: "missing" });
  });
});
