/**
 * The checker read through a tree in memory (a draft's files), and what each problem carries for
 * an editor: the rule's code and parameters, the YAML field's path, and whether it is a warning.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { crossCourseProblems, loadCourse, loadCourseTree, problemText, type Problem } from "./checker.server.ts";
import { memoryTree } from "./course-tree.ts";

const fixture = path.resolve("tests/fixtures/courses/sample-course");

function filesOf(dir: string, prefix = ""): Array<[string, Uint8Array]> {
  return readdirSync(dir).flatMap((name): Array<[string, Uint8Array]> => {
    const full = path.join(dir, name);
    const relative = prefix ? `${prefix}/${name}` : name;
    return statSync(full).isDirectory() ? filesOf(full, relative) : [[relative, readFileSync(full)]];
  });
}
const sample = new Map(filesOf(fixture));

/** The sample course in memory, with some files edited (null removes one) or added. */
function draft(edits: Record<string, ((source: string) => string) | string | null> = {}, key = "sample-course") {
  const files = new Map(sample);
  for (const [file, edit] of Object.entries(edits)) {
    if (edit === null) files.delete(file);
    else files.set(file, Buffer.from(typeof edit === "string" ? edit : edit(Buffer.from(files.get(file)!).toString("utf8"))));
  }
  return loadCourseTree(memoryTree(files), { name: key, shownAs: key });
}

/** What an editor reads of a problem. */
const brief = ({ file, line, code, params, path, severity }: Problem) => ({ file, line, code, params, path, severity });

describe("the checker on a tree in memory", () => {
  it("accepts the sample course in memory, with the same content hash as its folder", () => {
    const { source, problems } = draft();
    expect(problems).toEqual([]);
    expect(source?.lessons.map((lesson) => lesson.key)).toEqual(["first-steps", "next-steps"]);
    expect(source?.assets.map((asset) => asset.relativePath)).toEqual(["01-first-steps/diagram.svg"]);
    expect(source?.contentHash).toBe(loadCourse(fixture).source?.contentHash);
  });

  it("names the draw's field, with the numbers of its message", () => {
    expect(draft({ "quiz.yaml": (source) => source.replace("draw: 2", "draw: 9") }).problems.map(brief)).toEqual([
      { file: "sample-course/quiz.yaml", line: 5, code: "checker.drawLargerThanPool", params: { draw: 9, count: 3 }, path: ["settings", "draw"], severity: "error" },
    ]);
  });

  it("names a question's correct field and a course's title by their paths", () => {
    const wrongCorrect = draft({ "quiz.yaml": (source) => source.replace("correct: [apple, pear]", "correct: [apple, banana]") });
    expect(wrongCorrect.source).toBeNull();
    expect(wrongCorrect.problems.map(brief)).toEqual([
      {
        file: "sample-course/quiz.yaml",
        line: 28,
        code: "checker.unknownCorrectOption",
        params: { key: "banana", question: "pick-fruits" },
        path: ["questions", 1, "correct"],
        severity: "error",
      },
    ]);
    const [missing] = draft({ "course.yaml": (source) => source.replace("  pt: Curso de teste\n", "") }).problems;
    expect(missing).toMatchObject({ code: "checker.missingLanguage", params: { field: "title", language: "pt" }, path: ["title"], line: 8 });
  });

  it("says each problem in the trainer's language, naming the language rather than its code", () => {
    const [missing] = draft({ "course.yaml": (source) => source.replace("  pt: Curso de teste\n", "") }).problems;
    expect(problemText(missing!, "es")).toBe("Falta la versión en portugués de «title».");
    expect(problemText(missing!, "pt")).toBe("Falta a versão em português de “title”.");
    expect(missing!.message).toBe(problemText(missing!, "en"));
    expect(missing!.message).toBe("The Portuguese version of “title” is missing.");
  });

  it("names an activity's options, and the activities file of its lesson", () => {
    const { problems } = draft({ "01-first-steps/activities.yaml": (source) => source.replace("correct: true", "correct: false") });
    expect(problems.map(brief)).toEqual([
      {
        file: "sample-course/01-first-steps/activities.yaml",
        line: 9,
        code: "checker.noCorrectOption",
        params: { activity: "check-a-reply" },
        path: ["activities", 0, "options"],
        severity: "error",
      },
    ]);
  });

  it("reports unknown and invalid fields by path, with zod's detail", () => {
    const { problems } = draft({ "course.yaml": (source) => source.replace("minutes: 30", "minutes: thirty\nlevle: advanced") });
    expect(problems.map(brief)).toEqual([
      expect.objectContaining({ code: "checker.invalidField", params: { field: "minutes", detail: expect.stringMatching(/number/) }, path: ["minutes"], line: 5 }),
      expect.objectContaining({ code: "checker.unknownField", params: { field: "levle" }, path: ["levle"], line: 6 }),
    ]);
  });

  it("gives a Markdown file's problems a line but no path", () => {
    const { problems } = draft({ "02-next-steps/en.md": (source) => source.replace("Texto (en).", "Texto <b>(en)</b>.") });
    expect(problems.map(brief)).toEqual([
      { file: "sample-course/02-next-steps/en.md", line: 6, code: "checker.rawHtml", params: {}, path: undefined, severity: "error" },
    ]);
  });

  it("returns the course with item-writing findings as warnings", () => {
    const { source, problems } = draft({ "quiz.yaml": (source) => source.replace("en: Blue }", "en: Blue as the sea }") });
    expect(source?.course.key).toBe("sample-course");
    expect(problems.map(brief)).toEqual([
      {
        file: "sample-course/quiz.yaml",
        line: 7,
        code: "checker.correctOftenLongest",
        params: { language: "en", count: 1, total: 1, allowed: 0, questions: "colour-of-sky" },
        path: ["questions"],
        severity: "warning",
      },
    ]);
  });

  it("reports a question repeated in another course as a warning at the question's text", () => {
    const other = draft({ "course.yaml": (source) => source.replace("key: sample-course", "key: madrid.other") }, "madrid.other");
    expect(other.problems).toEqual([]);
    const [first] = crossCourseProblems([draft().source!, other.source!]);
    expect(brief(first!)).toEqual({
      file: "madrid.other/quiz.yaml",
      line: 10,
      code: "checker.repeatedQuestion",
      params: { question: "colour-of-sky", language: "es", course: "sample-course" },
      path: ["questions", 0, "text"],
      severity: "warning",
    });
  });

  it("resolves a lesson's links and images inside its own folder only", () => {
    const escape = (source: string) =>
      source
        .replace("[enlace](https://oecd.ai/en/ai-principles)", "[otra lección](../02-next-steps/en.md) y [curso](../course.yaml)")
        .replace("](diagram.svg)", "](/01-first-steps/diagram.svg)");
    const { problems } = draft({ "01-first-steps/en.md": escape });
    expect(problems.map((problem) => [problem.line, problem.code, problem.params.url])).toEqual([
      [6, "checker.unresolvedImage", "/01-first-steps/diagram.svg"],
      [10, "checker.unresolvedLink", "../02-next-steps/en.md"],
      [10, "checker.unresolvedLink", "../course.yaml"],
    ]);
    const inside = draft({ "01-first-steps/en.md": (source) => source.replace("[enlace](https://oecd.ai/en/ai-principles)", "[figura](./diagram.svg#top)") });
    expect(inside.problems).toEqual([]);
  });

  it("refuses a lesson key that is a word of the course's address", () => {
    const files = {
      "course.yaml": (source: string) => source.replace("  - next-steps", "  - quiz"),
      "02-next-steps/es.md": null,
      "02-next-steps/pt.md": null,
      "02-next-steps/en.md": null,
      "02-next-steps/activities.yaml": null,
      "02-quiz/es.md": "---\ntitle: Cuestionario\nminutes: 5\n---\n\nTexto.\n",
    };
    const { source, problems } = draft(files);
    expect(source).toBeNull();
    expect(problems.map(brief)).toEqual([
      {
        file: "sample-course/course.yaml",
        line: 22,
        code: "checker.reservedLessonKey",
        params: { key: "quiz", field: "lessons.1" },
        path: ["lessons", 1],
        severity: "error",
      },
    ]);
    expect(problems[0]!.message).toBe("“quiz” cannot be a lesson's key: the course's address already uses that word. Choose another.");
  });

  it("accepts a city course's key, and refuses keys of neither form", () => {
    const city = draft({ "course.yaml": (source) => source.replace("key: sample-course", "key: madrid.ia-en-tramites") }, "madrid.ia-en-tramites");
    expect(city.problems).toEqual([]);
    for (const key of ["Madrid.ia", "madrid.ia.extra", ".ia", "madrid.", "madrid_ia"]) {
      const { problems } = draft({ "course.yaml": (source) => source.replace("key: sample-course", `key: "${key}"`) }, key);
      expect(problems.map((problem) => [problem.code, problem.path]), key).toEqual([["checker.invalidField", ["key"]]]);
    }
  });

  it("reports a missing course.yaml and quiz.yaml by the file's name", () => {
    expect(draft({ "course.yaml": null }).problems.map(brief)).toEqual([
      { file: "sample-course/course.yaml", line: 1, code: "checker.missingFile", params: { file: "course.yaml" }, path: undefined, severity: "error" },
    ]);
    expect(draft({ "quiz.yaml": null }).problems.map((problem) => problem.code)).toEqual(["checker.missingFile"]);
  });
});
