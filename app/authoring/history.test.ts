import { describe, expect, it } from "vitest";
import { compareFiles, fileName, lineDiff } from "./history.ts";

const encoder = new TextEncoder();
const files = (entries: Record<string, string>) =>
  new Map(Object.entries(entries).map(([path, text]) => [path, encoder.encode(text)]));

describe("lineDiff", () => {
  it("lists the removed and added lines with their line numbers before and after", () => {
    expect(lineDiff("uno\ndos\ntres\n", "uno\nDOS\ntres\ncuatro\n")).toEqual([
      { kind: "same", text: "uno", oldLine: 1, newLine: 1 },
      { kind: "removed", text: "dos", oldLine: 2, newLine: null },
      { kind: "added", text: "DOS", oldLine: null, newLine: 2 },
      { kind: "same", text: "tres", oldLine: 3, newLine: 3 },
      { kind: "added", text: "cuatro", oldLine: null, newLine: 4 },
    ]);
  });

  it("folds unchanged lines far from any change, saying how many", () => {
    const before = Array.from({ length: 20 }, (_, index) => `línea ${index + 1}`).join("\n");
    const after = before.replace("línea 10", "línea diez");
    const rows = lineDiff(before, after, 2);
    expect(rows[0]).toEqual({ kind: "skipped", count: 7 });
    expect(rows.filter((row) => row.kind === "same").map((row) => ("text" in row ? row.text : ""))).toEqual([
      "línea 8",
      "línea 9",
      "línea 11",
      "línea 12",
    ]);
    expect(rows.at(-1)).toEqual({ kind: "skipped", count: 8 });
    expect(rows.filter((row) => row.kind === "removed" || row.kind === "added")).toHaveLength(2);
  });

  it("has no rows for two equal texts", () => {
    expect(lineDiff("a\nb\n", "a\nb\n")).toEqual([]);
  });
});

describe("compareFiles", () => {
  it("says which files were added, removed and changed, in course order, with a line diff for text only", () => {
    const before = files({
      "quiz.yaml": "a: 1\n",
      "course.yaml": "k: 1\n",
      "01-intro/es.md": "Hola\n",
      "01-intro/foto.png": "x",
      "02-old/es.md": "Adiós\n",
    });
    const after = files({
      "quiz.yaml": "a: 1\n",
      "course.yaml": "k: 2\n",
      "01-intro/es.md": "Hola\n",
      "01-intro/foto.png": "y",
      "02-new/es.md": "Nuevo\n",
    });
    const changes = compareFiles(before, after);
    expect(changes.map((change) => [change.path, change.change, change.rows === null])).toEqual([
      ["course.yaml", "changed", false],
      ["01-intro/foto.png", "changed", true],
      ["02-new/es.md", "added", true],
      ["02-old/es.md", "removed", true],
    ]);
    expect(changes[0]!.rows).toEqual([
      { kind: "removed", text: "k: 1", oldLine: 1, newLine: null },
      { kind: "added", text: "k: 2", oldLine: null, newLine: 1 },
    ]);
  });
});

describe("fileName", () => {
  const lessons = new Map([["01-intro", "Introducción"]]);
  it("names lesson files by the lesson's title and language, and the course's own files by what they are", () => {
    expect(fileName("course.yaml", lessons)).toEqual({ kind: "course" });
    expect(fileName("quiz.yaml", lessons)).toEqual({ kind: "quiz" });
    expect(fileName("01-intro/pt.md", lessons)).toEqual({ kind: "lesson", lesson: "Introducción", locale: "pt" });
    expect(fileName("01-intro/activities.yaml", lessons)).toEqual({ kind: "activities", lesson: "Introducción" });
    expect(fileName("01-intro/mapa.svg", lessons)).toEqual({ kind: "lessonFile", lesson: "Introducción", name: "mapa.svg" });
    expect(fileName("03-unknown/es.md", lessons)).toEqual({ kind: "lesson", lesson: "unknown", locale: "es" });
    expect(fileName("README.md", lessons)).toEqual({ kind: "other", path: "README.md" });
  });
});
