import { describe, expect, it } from "vitest";
import { courseFolderFiles } from "~/courses/course-writer.ts";
import { addLesson, applyDetails, languageTexts, lessonTitles, moveLesson, removeLesson } from "./course-details.ts";
import { detailsSchema, newCourseSchema, objectivesFromLines } from "./course-forms.ts";
import { newCourseModel, readDraftModel, type DraftModel } from "./draft-model.ts";
import { translationMatrix, translationsSaved } from "./translations.ts";

function course(): DraftModel {
  return newCourseModel({
    key: "madrid.curso",
    sourceLocale: "es",
    title: "Curso",
    summary: "Resumen",
    level: "introductory",
    minutes: 30,
    competencies: ["ai-foundations"],
    firstLessonTitle: "Primera lección",
  });
}

const settings = {
  level: "intermediate",
  minutes: 45,
  competencies: ["security"],
  recommendations: [6, 2],
  languages: ["es", "pt"],
} as const;

describe("the course's details", () => {
  it("saves one language's texts and the settings, keeping the source language and sorting recommendations", () => {
    const model = applyDetails(
      course(),
      "pt",
      { title: "Curso em português", summary: "Resumo", objectives: ["Entender"] },
      { ...settings, languages: ["pt"], competencies: ["security"], recommendations: [6, 2] },
    );
    expect(model.course.languages).toEqual(["es", "pt"]);
    expect(model.course.recommendations).toEqual([2, 6]);
    expect(languageTexts(model, "pt")).toEqual({ title: "Curso em português", summary: "Resumo", objectives: ["Entender"] });
    expect(languageTexts(model, "es").title).toBe("Curso");
    expect(model.course.level).toBe("intermediate");
  });

  it("leaves a translation missing when its texts are emptied, never an empty text", () => {
    const translated = applyDetails(
      course(),
      "pt",
      { title: "Curso", summary: "Resumo", objectives: [] },
      { ...settings, competencies: ["security"], recommendations: [], languages: ["es", "pt"] },
    );
    const emptied = applyDetails(
      translated,
      "pt",
      { title: " ", summary: "", objectives: [] },
      { ...settings, competencies: ["security"], recommendations: [], languages: ["es", "pt"] },
    );
    expect(emptied.course.title.pt).toBeUndefined();
    expect(emptied.course.summary.pt).toBeUndefined();
    const files = courseFolderFiles(emptied);
    expect(translationMatrix(files, "es", ["es", "pt"], []).find((row) => row.unit === "course")?.states.pt).toBe("missing");
  });

  it("records a saved translation as complete and a later source edit as outdated", () => {
    const before = courseFolderFiles(course());
    const s = {
      ...settings,
      competencies: ["security" as const],
      recommendations: [],
      languages: ["es" as const, "pt" as const],
    };
    const translated = courseFolderFiles(
      applyDetails(readModel(before), "pt", { title: "Curso PT", summary: "Resumo PT", objectives: [] }, s),
    );
    const stored = translationsSaved(before, translated, "es");
    expect(translationMatrix(translated, "es", ["es", "pt"], stored)[0]?.states.pt).toBe("complete");
    const edited = courseFolderFiles(
      applyDetails(readModel(translated), "es", { title: "Curso nuevo", summary: "Resumen", objectives: [] }, s),
    );
    expect(translationsSaved(translated, edited, "es")).toEqual([]);
    expect(translationMatrix(edited, "es", ["es", "pt"], stored)[0]?.states.pt).toBe("outdated");
  });

  it("reads objectives one per line", () => {
    expect(objectivesFromLines(" Uno \r\n\n  Dos\n")).toEqual(["Uno", "Dos"]);
  });
});

function readModel(files: Map<string, Uint8Array>): DraftModel {
  const read = readDraftModel(files);
  if (!read.ok) throw new Error(read.unreadable.join());
  return read.model;
}

describe("the lessons", () => {
  it("adds a lesson at the end with a key that is free and never a route word", () => {
    const first = addLesson(course(), "Quiz");
    expect(first.key).toBe("quiz-2");
    const second = addLesson(first.model, "Primera lección");
    expect(second.key).toBe("primera-leccion-2");
    expect(lessonTitles(second.model)).toEqual([
      { key: "primera-leccion", title: "Primera lección" },
      { key: "quiz-2", title: "Quiz" },
      { key: "primera-leccion-2", title: "Primera lección" },
    ]);
  });

  it("moves a lesson and its folder, and refuses a move past either end", () => {
    const { model } = addLesson(course(), "Segunda");
    const moved = moveLesson(model, "segunda", "up")!;
    expect(moved.course.lessons).toEqual(["segunda", "primera-leccion"]);
    expect([...courseFolderFiles(moved).keys()]).toContain("01-segunda/es.md");
    expect(moveLesson(moved, "segunda", "up")).toBeNull();
    expect(moveLesson(moved, "primera-leccion", "down")).toBeNull();
    expect(moveLesson(moved, "no-such", "down")).toBeNull();
  });

  it("removes a lesson with its files but never the last one", () => {
    const { model } = addLesson(course(), "Segunda");
    const removed = removeLesson(model, "primera-leccion");
    expect(removed.ok && removed.model.course.lessons).toEqual(["segunda"]);
    expect(removed.ok && [...courseFolderFiles(removed.model).keys()].some((path) => path.includes("primera"))).toBe(false);
    expect(removed.ok && removeLesson(removed.model, "segunda")).toEqual({ ok: false, problem: "authoring.details.lastLesson" });
    expect(removeLesson(model, "no-such")).toEqual({ ok: false, problem: "authoring.details.lessonMissing" });
  });
});

describe("the forms", () => {
  it("refuses a new course without title, competencies or a whole number of minutes, with message keys", () => {
    const parsed = newCourseSchema.safeParse({
      title: " ",
      summary: "Un resumen",
      sourceLocale: "es",
      level: "introductory",
      minutes: "2.5",
      competencies: [],
      firstLesson: "Un",
    });
    expect(parsed.success).toBe(false);
    const messages = Object.fromEntries(parsed.error!.issues.map((issue) => [issue.path[0], issue.message]));
    expect(messages).toEqual({
      title: "authoring.home.error.title",
      minutes: "authoring.home.error.minutes",
      competencies: "validation.choiceRequired",
      firstLesson: "authoring.home.error.lessonTitle",
    });
  });

  it("requires the title in the source language only", () => {
    const form = {
      revision: "3",
      title: "",
      summary: "",
      objectives: "",
      level: "advanced",
      minutes: "20",
      competencies: ["security"],
      recommendations: ["4"],
      languages: ["es", "pt"],
    };
    expect(detailsSchema("es").safeParse({ ...form, lang: "pt" }).success).toBe(true);
    const source = detailsSchema("es").safeParse({ ...form, lang: "es" });
    expect(source.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ["title", "authoring.home.error.title"],
      ["summary", "authoring.home.error.summary"],
    ]);
    expect(detailsSchema("es").safeParse({ ...form, lang: "pt", recommendations: ["11"] }).success).toBe(false);
  });
});
