import { describe, expect, it } from "vitest";
import {
  afterCompletionHref,
  cameFromCompletion,
  continuePosition,
  isComplete,
  positionAfter,
  positionHref,
  progressPercent,
} from "./progress.ts";

const base = {
  lessonKeys: ["a", "b", "c"],
  completedLessonKeys: [] as string[],
  quizPassed: false,
  hasQuiz: true,
  lastPosition: null as string | null,
};

describe("progress", () => {
  it("counts lessons and the quiz as steps", () => {
    expect(progressPercent(base)).toBe(0);
    expect(progressPercent({ ...base, completedLessonKeys: ["a", "b"] })).toBe(50);
    expect(progressPercent({ ...base, completedLessonKeys: ["a", "b", "c"], quizPassed: true })).toBe(100);
  });

  it("ignores progress on lessons that no longer exist in the current version", () => {
    expect(progressPercent({ ...base, completedLessonKeys: ["old-lesson", "a"] })).toBe(25);
    expect(isComplete({ ...base, completedLessonKeys: ["a", "b", "old"], quizPassed: true })).toBe(false);
  });

  it("is complete only with every lesson and a passed quiz", () => {
    expect(isComplete({ ...base, completedLessonKeys: ["a", "b", "c"] })).toBe(false);
    expect(isComplete({ ...base, completedLessonKeys: ["c", "b", "a"], quizPassed: true })).toBe(true);
  });

  it("continues where the learner stopped, else at the first incomplete lesson, else the quiz", () => {
    expect(continuePosition({ ...base, lastPosition: "b" })).toBe("b");
    expect(continuePosition({ ...base, completedLessonKeys: ["a"], lastPosition: "a" })).toBe("b");
    expect(continuePosition({ ...base, lastPosition: "removed" })).toBe("a");
    expect(continuePosition({ ...base, completedLessonKeys: ["a", "b", "c"], lastPosition: "quiz" })).toBe("quiz");
    expect(continuePosition({ ...base, completedLessonKeys: ["a"], lastPosition: "quiz" })).toBe("quiz");
    expect(continuePosition({ ...base, completedLessonKeys: ["a", "b", "c"], quizPassed: true })).toBeNull();
  });

  it("leads from a lesson to the next one, then the quiz, then the course page", () => {
    expect(positionAfter(base, "a")).toBe("b");
    expect(positionAfter(base, "c")).toBe("quiz");
    expect(positionAfter({ ...base, hasQuiz: false }, "c")).toBeNull();
    expect(positionAfter(base, "not-a-lesson")).toBe("quiz");
  });

  it("maps every position to its page", () => {
    expect(positionHref("course", "b")).toBe("/learn/course/b");
    expect(positionHref("course", "quiz")).toBe("/learn/course/quiz");
    expect(positionHref("course", null)).toBe("/courses/course");
  });

  it("leads from a completed lesson to what follows, on a page that knows the lesson was saved", () => {
    for (const next of ["b", "quiz", null] as const) {
      const href = new URL(afterCompletionHref("course", next), "http://aula.invalid");
      expect(href.pathname).toBe(positionHref("course", next));
      expect(cameFromCompletion(href.searchParams)).toBe(true);
    }
    expect(cameFromCompletion(new URLSearchParams(""))).toBe(false);
    expect(cameFromCompletion(new URLSearchParams("saved=profile"))).toBe(false);
  });
});
