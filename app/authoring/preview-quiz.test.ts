import { describe, expect, it } from "vitest";
import type { QuestionFile } from "~/courses/format.ts";
import { answerField, answersFromForm, gradePreview, shownQuestion } from "./preview-quiz.ts";

const questions: QuestionFile[] = [
  {
    key: "sky",
    type: "single",
    text: { es: "¿Color del cielo?", en: "Colour of the sky?" },
    options: [
      { key: "blue", text: { es: "Azul", en: "Blue" } },
      { key: "green", text: { es: "Verde", en: "Green" } },
    ],
    correct: ["blue"],
    explanation: { es: "Es azul.", en: "It is blue." },
  },
  {
    key: "fruits",
    type: "multiple",
    text: { es: "Frutas" },
    options: [
      { key: "apple", text: { es: "Manzana" } },
      { key: "stone", text: { es: "Piedra" } },
      { key: "pear", text: { es: "Pera" } },
    ],
    correct: ["apple", "pear"],
    explanation: { es: "Manzana y pera." },
  },
  { key: "wet", type: "true-false", text: { es: "El agua moja" }, answer: true, explanation: { es: "Moja." } },
];

const form = (pairs: Array<[string, string]>) => ({ entries: () => pairs });

describe("the quiz preview", () => {
  it("shows a question without its answer key, in the language asked for or the source language", () => {
    expect(shownQuestion(questions[0]!, "en", "es")).toEqual({
      key: "sky",
      multiple: false,
      text: "Colour of the sky?",
      options: [
        { key: "blue", text: "Blue" },
        { key: "green", text: "Green" },
      ],
      selected: [],
      feedback: null,
    });
    expect(shownQuestion(questions[1]!, "en", "es").text).toBe("Frutas");
    expect(shownQuestion(questions[2]!, "en", "es").options).toEqual([
      { key: "true", text: null },
      { key: "false", text: null },
    ]);
  });

  it("reads the chosen options per question, dropping unknown keys, repeats and a second choice of a single question", () => {
    const answers = answersFromForm(
      form([
        [answerField("sky"), "green"],
        [answerField("sky"), "blue"],
        [answerField("fruits"), "apple"],
        [answerField("fruits"), "apple"],
        [answerField("fruits"), "gold"],
        [answerField("nope"), "x"],
        [answerField("wet"), "true"],
      ]),
      questions,
    );
    expect(answers).toEqual({ sky: ["green"], fruits: ["apple"], wet: ["true"] });
  });

  it("grades as an attempt is graded: exact sets, rounded-down percent, the pass mark", () => {
    const graded = gradePreview(questions, 60, { sky: ["blue"], fruits: ["pear", "apple"] }, "es", "es");
    expect(graded.result).toEqual({ score: 66, passed: true, passMark: 60, correctCount: 2, total: 3 });
    expect(graded.questions.map((question) => question.feedback?.isCorrect)).toEqual([true, true, false]);
    expect(graded.questions[2]).toMatchObject({ selected: [], feedback: { correct: ["true"], explanation: "Moja." } });
    expect(gradePreview(questions, 70, {}, "es", "es").result).toMatchObject({ score: 0, passed: false });
  });
});
