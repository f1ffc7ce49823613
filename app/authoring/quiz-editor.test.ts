import { describe, expect, it } from "vitest";
import type { QuestionFile } from "~/courses/format.ts";
import {
  addQuestion,
  draftFromPosted,
  editQuestion,
  moveQuestion,
  questionDraftOf,
  questionErrors,
  removeQuestion,
  withSettings,
  type DraftQuiz,
  type PostedQuestion,
} from "./quiz-editor.ts";
import { NEW_QUESTION } from "./quiz-form.ts";

const single: QuestionFile = {
  key: "which-tool",
  type: "single",
  text: { es: "¿Qué herramienta?", pt: "Qual ferramenta?" },
  options: [
    { key: "a", text: { es: "Una", pt: "Uma" } },
    { key: "b", text: { es: "Otra", pt: "Outra" } },
  ],
  correct: ["a"],
  explanation: { es: "Porque sí.", pt: "Porque sim." },
};
const trueFalse: QuestionFile = {
  key: "is-it",
  type: "true-false",
  text: { es: "¿Es así?" },
  answer: true,
  explanation: { es: "Sí." },
};
const quiz: DraftQuiz = { settings: { passMark: 70, cooldownMinutes: 0, draw: 2, mode: "exam" }, questions: [single, trueFalse] };

function posted(overrides: Partial<PostedQuestion>): PostedQuestion {
  return {
    type: "single",
    text: "",
    explanation: "",
    optionKey: [],
    optionText: [],
    correct: [],
    removeOption: [],
    ...overrides,
  };
}

describe("adding a question", () => {
  it("makes its keys from its texts, never the new-question word nor a key already taken", () => {
    const draft = draftFromPosted(
      posted({
        text: "¿Qué herramienta?",
        explanation: "Así.",
        optionKey: ["", "", ""],
        optionText: ["Una opción", "Nueva", ""],
        correct: ["+1"],
      }),
    );
    const added = addQuestion(quiz, draft, "es");
    expect(added.ok && added.key).toBe("que-herramienta");
    const question = added.ok ? added.quiz.questions[2] : null;
    expect(question).toMatchObject({ type: "single", text: { es: "¿Qué herramienta?" }, correct: ["nueva"] });
    expect(question?.type !== "true-false" && question?.options.map((option) => option.key)).toEqual(["una-opcion", "nueva"]);
    const named = addQuestion(quiz, { ...draft, text: "New" }, "es");
    expect(named.ok && named.key).not.toBe(NEW_QUESTION);
  });

  it("adds a true-false question with its answer", () => {
    const added = addQuestion(
      quiz,
      draftFromPosted(posted({ type: "true-false", text: "La IA siempre acierta.", explanation: "No.", answer: "false" })),
      "es",
    );
    expect(added.ok && added.quiz.questions.at(-1)).toEqual({
      key: "la-ia-siempre-acierta",
      type: "true-false",
      text: { es: "La IA siempre acierta." },
      explanation: { es: "No." },
      answer: false,
    });
  });
});

describe("editing a question", () => {
  it("keeps the keys of existing options, adds a new one and takes out a removed one", () => {
    const draft = draftFromPosted(
      posted({
        text: "¿Cuál?",
        explanation: "Así.",
        optionKey: ["a", "b", ""],
        optionText: ["Una", "Otra", "Tercera"],
        correct: ["b", "+2"],
        removeOption: ["a"],
        type: "multiple",
      }),
    );
    const edited = editQuestion(quiz, "which-tool", draft, "es", "es");
    const question = edited.ok ? edited.quiz.questions[0] : null;
    expect(question).toMatchObject({ key: "which-tool", type: "multiple", correct: ["b", "tercera"] });
    // The other languages' texts of a kept option stay.
    expect(question?.type === "multiple" && question.options).toEqual([
      { key: "b", text: { es: "Otra", pt: "Outra" } },
      { key: "tercera", text: { es: "Tercera" } },
    ]);
  });

  it("saves no correct option (the checker reports it) rather than refusing it", () => {
    const draft = draftFromPosted(
      posted({ text: "¿Cuál?", explanation: "Así.", optionKey: ["a", "b"], optionText: ["Una", "Otra"], correct: [] }),
    );
    expect(questionErrors(draft, true)).toEqual({});
    const edited = editQuestion(quiz, "which-tool", draft, "es", "es");
    expect(edited.ok && edited.quiz.questions[0]).toMatchObject({ correct: [] });
  });

  it("in a translation changes only that language's texts, and an empty one is left missing", () => {
    const draft = questionDraftOf(single, "pt");
    const edited = editQuestion(
      quiz,
      "which-tool",
      { ...draft, text: "Qual é a ferramenta?", options: [{ key: "b", text: "", correct: true }] },
      "pt",
      "es",
    );
    const question = edited.ok ? edited.quiz.questions[0] : null;
    expect(question).toMatchObject({ text: { es: "¿Qué herramienta?", pt: "Qual é a ferramenta?" }, correct: ["a"] });
    expect(question?.type === "single" && question.options.map((option) => option.text)).toEqual([
      { es: "Una", pt: "Uma" },
      { es: "Otra" },
    ]);
  });

  it("refuses an empty text in the source language, next to its field, but not in a translation", () => {
    const draft = draftFromPosted(
      posted({ text: " ", explanation: "Así.", optionKey: ["a", "b"], optionText: ["Una", ""], correct: ["a"] }),
    );
    expect(questionErrors(draft, true)).toEqual({
      text: "authoring.quiz.error.textRequired",
      "option-1": "authoring.quiz.error.textRequired",
    });
    expect(questionErrors(draft, false)).toEqual({});
  });

  it("refuses fewer than two options and a true-false question without its answer", () => {
    const one = draftFromPosted(
      posted({ text: "¿Cuál?", explanation: "Así.", optionKey: ["a", "b"], optionText: ["Una", "Otra"], removeOption: ["b"] }),
    );
    expect(questionErrors(one, true)).toEqual({ options: "authoring.quiz.error.optionCount" });
    const unanswered = draftFromPosted(posted({ type: "true-false", text: "¿Sí?", explanation: "Sí." }));
    expect(questionErrors(unanswered, true)).toEqual({ answer: "authoring.quiz.error.answerRequired" });
  });

  it("does not turn a true-false question into a choice question", () => {
    const edited = editQuestion(quiz, "is-it", questionDraftOf(single, "es"), "es", "es");
    expect(edited).toEqual({ ok: false, problem: "authoring.quiz.error.typeChange" });
  });
});

describe("the pool and the settings", () => {
  it("moves a question and stays put at either end", () => {
    const moved = moveQuestion(quiz, "is-it", -1);
    expect(moved.ok && moved.quiz.questions.map((question) => question.key)).toEqual(["is-it", "which-tool"]);
    const atTop = moveQuestion(quiz, "which-tool", -1);
    expect(atTop.ok && atTop.quiz.questions.map((question) => question.key)).toEqual(["which-tool", "is-it"]);
  });

  it("removes a question, and says when it is not there", () => {
    const removed = removeQuestion(quiz, "is-it");
    expect(removed.ok && removed.quiz.questions.map((question) => question.key)).toEqual(["which-tool"]);
    expect(removeQuestion(quiz, "gone")).toEqual({ ok: false, problem: "authoring.quiz.error.noSuchQuestion" });
  });

  it("leaves out an unlimited attempt count and an absent time limit", () => {
    const settings = withSettings(
      { ...quiz, settings: { ...quiz.settings, attemptLimit: 3, timeLimitMinutes: 20 } },
      { passMark: 80, cooldownMinutes: 5, draw: 1, mode: "practice" },
    ).settings;
    expect(settings).toEqual({ passMark: 80, cooldownMinutes: 5, draw: 1, mode: "practice" });
    expect("attemptLimit" in settings).toBe(false);
  });
});
