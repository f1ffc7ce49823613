import { describe, expect, it } from "vitest";
import type { QuestionFile, QuizFile } from "./format.ts";
import { comparableText, correctIsStrictlyLongest, itemWritingFindings, longestCorrectAllowed, repeatedQuestions } from "./item-writing.ts";

const texts = (es: string, en = es) => ({ es, pt: es, en });

function single(key: string, correct: string, wrong: string[]): QuestionFile {
  return {
    key,
    type: "single",
    text: texts(`Question ${key}?`),
    options: [{ key: "right", text: texts(correct) }, ...wrong.map((text, index) => ({ key: `wrong-${index}`, text: texts(text) }))],
    correct: ["right"],
    explanation: texts("Because."),
  };
}

function multiple(key: string, correctCount: number): QuestionFile {
  const options = ["a", "b", "c", "d", "e"].map((option) => ({ key: option, text: texts(`Option ${option}`) }));
  return { key, type: "multiple", text: texts(`Which ${key}?`), options, correct: options.slice(0, correctCount).map((option) => option.key), explanation: texts("So.") };
}

const trueFalse: QuestionFile = { key: "tf", type: "true-false", text: texts("True?"), answer: true, explanation: texts("Yes.") };
const quiz = (questions: QuestionFile[]): QuizFile => ({
  settings: { passMark: 70, cooldownMinutes: 0, draw: 1, mode: "exam" },
  questions,
});

describe("item-writing rules", () => {
  it("allows the correct option to be the longest in at most a third of single-choice questions", () => {
    expect([0, 2, 3, 8, 9].map(longestCorrectAllowed)).toEqual([0, 0, 1, 2, 3]);
  });

  it("counts a correct option as the giveaway only when strictly longer than every other, in that language", () => {
    expect(correctIsStrictlyLongest(single("q", "a long correct answer", ["short", "shorter"]), "es")).toBe(true);
    expect(correctIsStrictlyLongest(single("q", "same size", ["same size", "x"]), "es")).toBe(false);
    const onlyInEnglish: QuestionFile = {
      key: "q",
      type: "single",
      text: texts("Question?"),
      correct: ["right"],
      explanation: texts("Because."),
      options: [
        { key: "right", text: { es: "sí", pt: "sim", en: "the longest of all" } },
        { key: "other", text: { es: "no del todo", pt: "não de todo", en: "no" } },
      ],
    };
    expect(correctIsStrictlyLongest(onlyInEnglish, "en")).toBe(true);
    expect(correctIsStrictlyLongest(onlyInEnglish, "es")).toBe(false);
    expect(correctIsStrictlyLongest(trueFalse, "es")).toBe(false);
  });

  it("reports a quiz where the longest option gives the answer away, naming the questions", () => {
    const giveaways = [1, 2].map((n) => single(`give-${n}`, "the right and rather long answer", ["wrong", "no"]));
    const fair = single("fair", "yes", ["a longer wrong answer"]);
    const findings = itemWritingFindings(quiz([...giveaways, fair, trueFalse]), ["es"]);
    expect(findings).toEqual([
      {
        questionIndex: null,
        code: "checker.correctOftenLongest",
        params: { language: "es", count: 2, total: 3, allowed: 1, questions: "give-1, give-2" },
      },
    ]);
    expect(itemWritingFindings(quiz([giveaways[0]!, fair, single("fair-2", "no", ["a longer one"])]), ["es"])).toEqual([]);
  });

  it("reports multiple-choice questions that all have the same number of correct options", () => {
    expect(itemWritingFindings(quiz([multiple("m1", 3), multiple("m2", 3)]), ["es"])).toEqual([
      { questionIndex: null, code: "checker.sameCorrectCount", params: { count: 3 } },
    ]);
    expect(itemWritingFindings(quiz([multiple("m1", 3), multiple("m2", 1)]), ["es"])).toEqual([]);
    expect(itemWritingFindings(quiz([multiple("only", 3)]), ["es"])).toEqual([]);
  });

  it("exempts true/false questions", () => {
    expect(itemWritingFindings(quiz([trueFalse, trueFalse]), ["es", "pt", "en"])).toEqual([]);
  });

  it("finds a question asked in two courses, ignoring case, spacing and final punctuation", () => {
    expect(comparableText("  ¿Qué   hace la IA?  ")).toBe(comparableText("¿qué hace la ia"));
    const asked = single("asked", "yes", ["no way"]);
    const again: QuestionFile = { ...asked, key: "again", text: { es: "QUESTION ASKED", pt: "Outra", en: "Other" } };
    const repeats = repeatedQuestions([
      { courseKey: "first", quiz: quiz([asked]), languages: ["es", "pt", "en"] },
      { courseKey: "second", quiz: quiz([trueFalse, again]), languages: ["es", "pt", "en"] },
    ]);
    expect(repeats).toEqual([{ courseKey: "second", questionIndex: 1, otherCourseKey: "first", locale: "es" }]);
    expect(repeatedQuestions([{ courseKey: "first", quiz: quiz([asked, asked]), languages: ["es"] }])).toEqual([]);
  });
});
