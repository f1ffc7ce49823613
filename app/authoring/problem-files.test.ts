import { describe, expect, it } from "vitest";
import { makeProblem } from "~/courses/problems.ts";
import { groupProblems, problemFile } from "./problem-files.ts";

const lessons = [
  { key: "intro", folder: "01-intro" },
  { key: "risks", folder: "02-risks" },
];
const key = "madrid.demo";

describe("where a problem is for a trainer", () => {
  it("names the course details, the quiz, a lesson in its language and a lesson's activities, each with its editor", () => {
    expect(problemFile(key, { file: `${key}/course.yaml`, params: { language: "pt" } }, lessons, "es")).toMatchObject({
      part: "course",
      locale: "pt",
      href: "/author/madrid.demo?lang=pt",
    });
    expect(problemFile(key, { file: `${key}/quiz.yaml`, params: {} }, lessons, "es")).toMatchObject({
      part: "quiz",
      locale: "es",
      href: "/author/madrid.demo/quiz?lang=es",
    });
    expect(problemFile(key, { file: `${key}/02-risks/en.md`, params: {} }, lessons, "es")).toMatchObject({
      part: "lesson",
      lessonKey: "risks",
      locale: "en",
      href: "/author/madrid.demo/lessons/risks?lang=en",
    });
    expect(
      problemFile(key, { file: `${key}/01-intro/activities.yaml`, params: { language: "en" } }, lessons, "es"),
    ).toMatchObject({
      part: "activities",
      lessonKey: "intro",
      href: "/author/madrid.demo/lessons/intro/activities?lang=en",
    });
  });

  it("sends a file outside the lessons, or an image, to the nearest editor", () => {
    expect(problemFile(key, { file: `${key}/03-extra/es.md`, params: {} }, lessons, "es")).toMatchObject({
      part: "other",
      href: "/author/madrid.demo?lang=es",
    });
    expect(problemFile(key, { file: `${key}/01-intro/chart.png`, params: {} }, lessons, "pt")).toMatchObject({
      part: "other",
      lessonKey: "intro",
      href: "/author/madrid.demo/lessons/intro?lang=pt",
    });
  });

  it("groups errors and warnings apart, by file, each group by line", () => {
    const problems = [
      makeProblem(`${key}/quiz.yaml`, 9, "checker.unknownCorrectOption", { key: "z", question: "q2" }),
      makeProblem(`${key}/01-intro/es.md`, 1, "checker.lessonFileName"),
      makeProblem(`${key}/quiz.yaml`, 3, "checker.duplicateQuestionKey", { key: "q1" }),
      makeProblem(`${key}/quiz.yaml`, 4, "checker.duplicateQuestionKey", { key: "q1" }, { severity: "warning" }),
    ];
    const { errors, warnings } = groupProblems(key, problems, lessons, "es");
    expect(errors.map((group) => [group.file.part, group.problems.map((problem) => problem.line)])).toEqual([
      ["quiz", [3, 9]],
      ["lesson", [1]],
    ]);
    expect(warnings.map((group) => [group.file.part, group.problems.length])).toEqual([["quiz", 1]]);
  });
});
