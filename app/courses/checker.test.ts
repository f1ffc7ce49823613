import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { crossCourseProblems, formatProblem, loadCourse } from "./checker.server.ts";

const fixture = path.resolve("tests/fixtures/courses/sample-course");
const made: string[] = [];

/** A copy of the valid sample course with one file changed. */
function brokenCopy(edits: Record<string, (source: string) => string | null>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "aula-course-"));
  made.push(root);
  const dir = path.join(root, "sample-course");
  cpSync(fixture, dir, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const full = path.join(dir, file);
    const next = edit(readFileSync(full, "utf8"));
    if (next === null) rmSync(full);
    else writeFileSync(full, next);
  }
  return dir;
}

function problemsOf(dir: string): string[] {
  return loadCourse(dir).problems.map(formatProblem);
}

afterEach(() => {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe("course checker", () => {
  it("accepts the valid sample course and hashes its content", () => {
    const { source, problems } = loadCourse(fixture);
    expect(problems).toEqual([]);
    expect(source?.lessons.map((lesson) => lesson.key)).toEqual(["first-steps", "next-steps"]);
    expect(source?.assets.map((asset) => asset.relativePath)).toEqual(["01-first-steps/diagram.svg"]);
    expect(source?.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("reports a declared language whose lesson file is missing", () => {
    const dir = brokenCopy({ "02-next-steps/pt.md": () => null });
    expect(problemsOf(dir)).toEqual(["sample-course/02-next-steps/pt.md:1: The Portuguese version of this lesson is missing: the course declares that language."]);
  });

  it("reports a declared language missing from a translated field, with its line", () => {
    const dir = brokenCopy({ "course.yaml": (source) => source.replace("  pt: Um curso pequeno para os testes.\n", "") });
    expect(problemsOf(dir)).toEqual(["sample-course/course.yaml:12: The Portuguese version of “summary” is missing."]);
  });

  it("reports duplicate YAML keys and duplicate question keys", () => {
    const duplicateField = brokenCopy({ "course.yaml": (source) => source.replace("minutes: 30", "minutes: 30\nminutes: 40") });
    expect(problemsOf(duplicateField)).toEqual(["sample-course/course.yaml:6: This file cannot be read: Map keys must be unique"]);
    const duplicateQuestion = brokenCopy({ "quiz.yaml": (source) => source.replace("key: pick-fruits", "key: colour-of-sky") });
    expect(problemsOf(duplicateQuestion)).toEqual(["sample-course/quiz.yaml:18: The question key “colour-of-sky” is used more than once."]);
  });

  it("reports a YAML alias to no anchor with its line, instead of failing", () => {
    const dir = brokenCopy({ "course.yaml": (source) => source.replace("minutes: 30", "minutes: *undefined") });
    expect(problemsOf(dir)).toEqual(["sample-course/course.yaml:5: This file cannot be read (YAML alias): Unresolved alias (the anchor must be set before the alias): undefined"]);
  });

  it("reports a correct option that does not exist", () => {
    const dir = brokenCopy({ "quiz.yaml": (source) => source.replace("correct: [apple, pear]", "correct: [apple, banana]") });
    expect(problemsOf(dir)).toEqual(["sample-course/quiz.yaml:28: The correct option “banana” does not exist in the question “pick-fruits”."]);
  });

  it("reports a draw larger than the pool", () => {
    const dir = brokenCopy({ "quiz.yaml": (source) => source.replace("draw: 2", "draw: 9") });
    expect(problemsOf(dir)).toEqual(["sample-course/quiz.yaml:5: Each attempt draws 9 questions, but the pool has only 3 questions."]);
  });

  it("reports a relative link or image that does not resolve", () => {
    const dir = brokenCopy({ "01-first-steps/en.md": (source) => source.replace("diagram.svg", "missing.svg") });
    expect(problemsOf(dir)).toEqual(["sample-course/01-first-steps/en.md:6: The image “missing.svg” is not a file in the lesson's folder."]);
  });

  it("reports an external link that is not well-formed https", () => {
    const dir = brokenCopy({ "01-first-steps/es.md": (source) => source.replace("https://oecd.ai/en/ai-principles)", "http://oecd.ai/en/ai-principles)") });
    expect(problemsOf(dir)).toEqual(["sample-course/01-first-steps/es.md:10: The external link “http://oecd.ai/en/ai-principles” is not a well-formed https address."]);
  });

  it("reports an image without alt text", () => {
    const dir = brokenCopy({ "01-first-steps/pt.md": (source) => source.replace("![Diagrama pt]", "![]") });
    expect(problemsOf(dir)).toEqual(["sample-course/01-first-steps/pt.md:6: The image “diagram.svg” has no alternative text."]);
  });

  it("reports an unknown field in course.yaml, quiz.yaml and a lesson's front matter", () => {
    const course = brokenCopy({ "course.yaml": (source) => source.replace("level: introductory", "level: introductory\nlevle: advanced") });
    expect(problemsOf(course)).toEqual(["sample-course/course.yaml:5: Unknown field: “levle”. Check its spelling, or remove it."]);
    const quiz = brokenCopy({ "quiz.yaml": (source) => source.replace("    answer: true", "    answer: true\n    hint: none") });
    expect(problemsOf(quiz)).toEqual(["sample-course/quiz.yaml:34: Unknown field: “hint”. Check its spelling, or remove it."]);
    const lesson = brokenCopy({ "02-next-steps/es.md": (source) => source.replace("minutes: 10", "minutes: 10\nauthor: Ana") });
    expect(problemsOf(lesson)).toEqual(["sample-course/02-next-steps/es.md:4: Unknown field: “author”. Check its spelling, or remove it."]);
  });

  it("reports raw HTML in a lesson", () => {
    const dir = brokenCopy({ "02-next-steps/en.md": (source) => source.replace("Texto (en).", "Texto <b onclick=\"x()\">(en)</b>.") });
    expect(problemsOf(dir)).toEqual(["sample-course/02-next-steps/en.md:6: Lessons cannot contain HTML."]);
  });

  it("reports a quiz whose correct option is the longest too often, at the quiz's questions", () => {
    const dir = brokenCopy({ "quiz.yaml": (source) => source.replace("text: { es: Azul, pt: Azul, en: Blue }", "text: { es: Azul, pt: Azul, en: Blue as the sea }") });
    expect(problemsOf(dir)).toEqual([
      "sample-course/quiz.yaml:7: In the English version, the correct option is the longest in too many single-choice questions (1 of 1; at most 0): colour-of-sky. Learners can guess it by its length.",
    ]);
  });

  it("reports multiple-choice questions that all have the same number of correct options", () => {
    const second = [
      "  - key: pick-colours",
      "    type: multiple",
      "    text: { es: Elige colores, pt: Escolha cores, en: Pick colours }",
      "    options:",
      "      - key: red",
      "        text: { es: Rojo, pt: Vermelho, en: Red }",
      "      - key: stone",
      "        text: { es: Piedra, pt: Pedra, en: Stone }",
      "      - key: pink",
      "        text: { es: Rosa, pt: Rosa, en: Pink }",
      "    correct: [red, pink]",
      "    explanation: { es: Rojo y rosa., pt: Vermelho e rosa., en: Red and pink. }",
      "",
    ].join("\n");
    const dir = brokenCopy({ "quiz.yaml": (source) => `${source.trimEnd()}\n${second}` });
    expect(problemsOf(dir)).toEqual([
      "sample-course/quiz.yaml:7: Every multiple-choice question has 2 correct options: vary how many are correct.",
    ]);
  });

  it("reports a question asked again in another course, at its line", () => {
    const other = brokenCopy({
      "course.yaml": (source) => source.replace("key: sample-course", "key: other-course"),
      "quiz.yaml": (source) => source.replace("Elige las frutas, pt: Escolha as frutas, en: Pick the fruits", "Elige unas frutas, pt: Escolha umas frutas, en: Pick some fruits"),
    });
    const renamed = path.join(path.dirname(other), "other-course");
    cpSync(other, renamed, { recursive: true });
    const sources = [loadCourse(fixture).source!, loadCourse(renamed).source!];
    expect(crossCourseProblems(sources).map(formatProblem)).toEqual([
      "other-course/quiz.yaml:10: The question “colour-of-sky” (Spanish version) repeats a question of the course “sample-course”.",
      "other-course/quiz.yaml:32: The question “water-is-wet” (Spanish version) repeats a question of the course “sample-course”.",
    ]);
  });

  describe("practice activities", () => {
    const first = "01-first-steps/activities.yaml";
    const second = "02-next-steps/activities.yaml";

    it("reads each lesson's activities in file order", () => {
      const { source } = loadCourse(fixture);
      expect(source?.lessons.map((lesson) => lesson.activities.map((activity) => `${activity.kind}:${activity.key}`))).toEqual([
        ["choice:check-a-reply", "spot:spot-the-problems"],
        ["sort:sort-the-uses", "order:order-the-steps"],
      ]);
    });

    it("reports an unknown kind", () => {
      const dir = brokenCopy({ [second]: (source) => source.replace("kind: order", "kind: ranking") });
      expect(problemsOf(dir)).toEqual(["sample-course/02-next-steps/activities.yaml:32: The field “activities.1.kind” is not valid: unknown kind: use one of choice, spot, sort, order"]);
    });

    it("reports an unknown field", () => {
      const dir = brokenCopy({ [first]: (source) => source.replace("    multiple: false", "    multiple: false\n    shuffle: true") });
      expect(problemsOf(dir)).toEqual(["sample-course/01-first-steps/activities.yaml:9: Unknown field: “shuffle”. Check its spelling, or remove it."]);
    });

    it("reports a language of the course missing from a text", () => {
      const dir = brokenCopy({ [first]: (source) => source.replace(" pt: Não (pt). Pode conter erros.,", "") });
      expect(problemsOf(dir)).toEqual(["sample-course/01-first-steps/activities.yaml:17: The Portuguese version of “activities.0.options.1.feedback” is missing."]);
    });

    it("reports an activity key used twice in the course, and a duplicate key inside an activity", () => {
      const twice = brokenCopy({ [second]: (source) => source.replace("key: order-the-steps", "key: check-a-reply") });
      expect(problemsOf(twice)).toContain("sample-course/02-next-steps/activities.yaml:31: The activity key “check-a-reply” is already used in this course (each activity's key is unique within the course).");
      const inside = brokenCopy({ [first]: (source) => source.replace("key: office-hours", "key: greeting") });
      expect(problemsOf(inside)).toEqual(["sample-course/01-first-steps/activities.yaml:33: The key “greeting” appears more than once in the activity “spot-the-problems”."]);
    });

    it("reports a choice with no correct option", () => {
      const dir = brokenCopy({ [first]: (source) => source.replace("correct: true", "correct: false") });
      expect(problemsOf(dir)).toEqual(["sample-course/01-first-steps/activities.yaml:9: The choice activity “check-a-reply” has no correct option."]);
    });

    it("reports a single choice with more than one correct option", () => {
      const dir = brokenCopy({ [first]: (source) => source.replace("key: ask-again\n        correct: false", "key: ask-again\n        correct: true") });
      expect(problemsOf(dir)).toEqual(["sample-course/01-first-steps/activities.yaml:9: The single-choice activity “check-a-reply” has 2 correct options: keep one, or allow several answers (multiple: true)."]);
    });

    it("reports a spot the problem with no problem sentence", () => {
      const dir = brokenCopy({ [first]: (source) => source.replaceAll("problem: true", "problem: false") });
      expect(problemsOf(dir)).toEqual(["sample-course/01-first-steps/activities.yaml:33: The activity “spot-the-problems” has no problem sentence to find."]);
    });

    it("reports a sort item in an unknown category", () => {
      const dir = brokenCopy({ [second]: (source) => source.replace("category: minimal-risk", "category: limited-risk") });
      expect(problemsOf(dir)).toEqual([
        "sample-course/02-next-steps/activities.yaml:19: The item “spam-filter” is in a category that does not exist, “limited-risk”.",
        "sample-course/02-next-steps/activities.yaml:8: The category “minimal-risk” of the activity “sort-the-uses” has no item.",
      ]);
    });

    it("reports a sort category with no item", () => {
      const dir = brokenCopy({
        [second]: (source) => source.replace("    items:", "      - key: unused\n        text: { es: Sin uso, pt: Sem uso, en: Unused }\n    items:"),
      });
      expect(problemsOf(dir)).toEqual(["sample-course/02-next-steps/activities.yaml:8: The category “unused” of the activity “sort-the-uses” has no item."]);
    });

    it("reports an order with duplicate steps", () => {
      const dir = brokenCopy({ [second]: (source) => source.replace("en: Fix and review", "en: Stop the tool") });
      expect(problemsOf(dir)).toEqual(["sample-course/02-next-steps/activities.yaml:37: The step “Stop the tool” (English version) appears more than once in the activity “order-the-steps”."]);
    });

    it("reports an activity placed in one language but not another", () => {
      const dir = brokenCopy({ "02-next-steps/pt.md": (source) => source.replace("{{activity: order-the-steps}}\n", "") });
      expect(problemsOf(dir)).toEqual(["sample-course/02-next-steps/pt.md:1: The activity “order-the-steps” is placed in the Spanish version but not in this one."]);
    });

    it("reports an activity placed twice", () => {
      const dir = brokenCopy({ "02-next-steps/en.md": (source) => `${source.trimEnd()}\n\n{{activity: sort-the-uses}}\n` });
      expect(problemsOf(dir)).toEqual(["sample-course/02-next-steps/en.md:20: The activity “sort-the-uses” is placed twice."]);
    });

    it("reports an activity never placed", () => {
      const unplace = (source: string) => source.replace("{{activity: check-a-reply}}\n", "");
      const dir = brokenCopy({ "01-first-steps/es.md": unplace, "01-first-steps/pt.md": unplace, "01-first-steps/en.md": unplace });
      expect(problemsOf(dir)).toEqual(["sample-course/01-first-steps/activities.yaml:2: The activity “check-a-reply” is never placed: add {{activity: check-a-reply}} to every language."]);
    });

    it("reports a marker naming an activity that does not exist, or not on a line of its own", () => {
      const unknown = brokenCopy({ "02-next-steps/es.md": (source) => source.replace("{{activity: sort-the-uses}}", "{{activity: sort-the-use}}") });
      expect(problemsOf(unknown)).toEqual([
        "sample-course/02-next-steps/es.md:8: The marker names an activity, “sort-the-use”, that does not exist in this lesson's activities.",
        "sample-course/02-next-steps/es.md:1: The activity “sort-the-uses” is placed in the Portuguese version but not in this one.",
      ]);
      const inline = brokenCopy({ "02-next-steps/en.md": (source) => source.replace("Texto (en).", "Texto (en). {{activity: x}}") });
      expect(problemsOf(inline)).toEqual(["sample-course/02-next-steps/en.md:6: An activity marker {{activity: <key>}} must be a paragraph of its own."]);
    });

    it("reports an activity placed at another position relative to the headings", () => {
      const dir = brokenCopy({ "02-next-steps/en.md": (source) => source.replace("\n{{activity: order-the-steps}}\n", "").replace("- Punto.", "- Punto.\n\n{{activity: order-the-steps}}") });
      expect(problemsOf(dir)).toEqual(["sample-course/02-next-steps/en.md:1: The activity “order-the-steps” is not in the same section as in the Spanish version: here it comes after 1 headings, there after 0."]);
    });
  });
});
