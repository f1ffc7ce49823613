/**
 * The quiz editor's changes to a draft's quiz (decision 030): settings, and questions of every
 * type added, edited per language, moved and removed. Question and option keys are made from the
 * text when a question or option is added and never change afterwards (learners' attempts and the
 * item analysis follow them). The rules of a good quiz stay the checker's (app/courses/checker.server.ts):
 * here only what a form can refuse by itself, such as an empty text in the source language.
 */
import { MAX_OPTIONS, type QuestionFile } from "~/courses/format.ts";
import type { Locale } from "~/i18n/locales.ts";
import { lessonKeyFor, type DraftModel } from "./draft-model.ts";
import { NEW_QUESTION, QUIZ_ANALYSIS, type QuestionDraft, type QuestionType } from "./quiz-form.ts";

export type DraftQuiz = DraftModel["quiz"];
export type QuizSettings = DraftQuiz["settings"];

/** A key made from a text (the same slug rule as lesson keys), not one of `taken`. */
function keyFrom(text: string, taken: readonly string[], fallback: string): string {
  const reserved = [...taken, NEW_QUESTION, QUIZ_ANALYSIS];
  const key = lessonKeyFor(text, reserved);
  return key === "leccion" ? lessonKeyFor(fallback, reserved) : key;
}

/** A question as its form shows it in one language (empty where that language has no text yet). */
export function questionDraftOf(question: QuestionFile, locale: Locale): QuestionDraft {
  return {
    type: question.type,
    text: question.text[locale] ?? "",
    explanation: question.explanation[locale] ?? "",
    options:
      question.type === "true-false"
        ? []
        : question.options.map((option) => ({
            key: option.key,
            text: option.text[locale] ?? "",
            correct: question.correct.includes(option.key),
          })),
    answer: question.type === "true-false" ? question.answer : null,
  };
}

export function emptyQuestionDraft(type: QuestionType): QuestionDraft {
  return {
    type,
    text: "",
    explanation: "",
    options: type === "true-false" ? [] : [0, 1, 2].map(() => ({ key: "", text: "", correct: false })),
    answer: null,
  };
}

/** The fields of a question's form as posted: options as parallel lists, one row possibly new (key ""). */
export interface PostedQuestion {
  type: QuestionType;
  text: string;
  explanation: string;
  optionKey: string[];
  optionText: string[];
  /** The keys of the options marked correct; a new option's is "+" and its row number. */
  correct: string[];
  answer?: "true" | "false";
  /** The options to take out, by key. */
  removeOption: string[];
}

/** The form's option rows: a blank new row is left out, as is the option being removed. */
export function draftFromPosted(posted: PostedQuestion): QuestionDraft {
  const options = posted.optionKey.flatMap((key, row) => {
    const text = (posted.optionText[row] ?? "").trim();
    if ((key === "" && text === "") || posted.removeOption.includes(key)) return [];
    return [{ key, text, correct: posted.correct.includes(key === "" ? `+${row}` : key) }];
  });
  return {
    type: posted.type,
    text: posted.text.trim(),
    explanation: posted.explanation.trim(),
    options: posted.type === "true-false" ? [] : options,
    answer: posted.answer === undefined ? null : posted.answer === "true",
  };
}

/** The form field each refusal belongs next to: "text", "explanation", "options", `option-<row>`, "answer". */
export type QuestionErrors = Record<
  string,
  "authoring.quiz.error.textRequired" | "authoring.quiz.error.optionCount" | "authoring.quiz.error.answerRequired"
>;

/**
 * What a form refuses by itself: in the source language every text is required (a translation
 * may leave a text for later, the checker names it missing), a choice question has 2 to MAX_OPTIONS
 * options and a true-false question an answer.
 */
export function questionErrors(draft: QuestionDraft, isSource: boolean): QuestionErrors {
  const errors: QuestionErrors = {};
  if (!isSource) return errors;
  if (draft.text === "") errors.text = "authoring.quiz.error.textRequired";
  if (draft.explanation === "") errors.explanation = "authoring.quiz.error.textRequired";
  if (draft.type === "true-false") {
    if (draft.answer === null) errors.answer = "authoring.quiz.error.answerRequired";
    return errors;
  }
  draft.options.forEach((option, row) => {
    if (option.text === "") errors[`option-${row}`] = "authoring.quiz.error.textRequired";
  });
  if (draft.options.length < 2 || draft.options.length > MAX_OPTIONS) errors.options = "authoring.quiz.error.optionCount";
  return errors;
}

/** A localized text with this language's text set, or taken out when empty. */
function withText(texts: Partial<Record<Locale, string>>, locale: Locale, text: string): Partial<Record<Locale, string>> {
  const next = { ...texts };
  if (text === "") delete next[locale];
  else next[locale] = text;
  return next;
}

/** The question the draft describes: in the source language its shape and texts, in another only its texts. */
function applyDraft(
  existing: QuestionFile | null,
  key: string,
  draft: QuestionDraft,
  locale: Locale,
  isSource: boolean,
): QuestionFile {
  const text = withText(existing?.text ?? {}, locale, draft.text);
  const explanation = withText(existing?.explanation ?? {}, locale, draft.explanation);
  if (!isSource && existing) {
    if (existing.type === "true-false") return { ...existing, text, explanation };
    const byKey = new Map(draft.options.map((option) => [option.key, option.text]));
    return {
      ...existing,
      text,
      explanation,
      options: existing.options.map((option) =>
        byKey.has(option.key) ? { ...option, text: withText(option.text, locale, byKey.get(option.key)!) } : option,
      ),
    };
  }
  if (draft.type === "true-false") return { key, type: "true-false", text, explanation, answer: draft.answer ?? true };
  const previous = existing && existing.type !== "true-false" ? existing.options : [];
  const taken: string[] = draft.options
    .filter((option) => previous.some((old) => old.key === option.key))
    .map((option) => option.key);
  const options = draft.options.map((option, row) => {
    const old = previous.find((candidate) => candidate.key === option.key);
    const optionKey = old ? old.key : keyFrom(option.text, taken, `option-${row + 1}`);
    if (!old) taken.push(optionKey);
    return { key: optionKey, text: withText(old?.text ?? {}, locale, option.text), correct: option.correct };
  });
  return {
    key,
    type: draft.type,
    text,
    explanation,
    options: options.map(({ key: optionKey, text: optionText }) => ({ key: optionKey, text: optionText })),
    correct: options.filter((option) => option.correct).map((option) => option.key),
  };
}

export type QuestionChange =
  | { ok: true; quiz: DraftQuiz; key: string }
  | { ok: false; problem: "authoring.quiz.error.noSuchQuestion" | "authoring.quiz.error.typeChange" };

/** Adds a question (in the source language) at the end of the pool, its keys made from its texts. */
export function addQuestion(quiz: DraftQuiz, draft: QuestionDraft, sourceLocale: Locale): QuestionChange {
  const key = keyFrom(
    draft.text,
    quiz.questions.map((question) => question.key),
    `question-${quiz.questions.length + 1}`,
  );
  const question = applyDraft(null, key, draft, sourceLocale, true);
  return { ok: true, quiz: { ...quiz, questions: [...quiz.questions, question] }, key };
}

/**
 * Saves a question's form in one language. In the source language its type may change between
 * single and multiple choice (a true-false question stays one), options may be added or taken
 * out and the correct ones chosen; in another language only its texts change.
 */
export function editQuestion(
  quiz: DraftQuiz,
  key: string,
  draft: QuestionDraft,
  locale: Locale,
  sourceLocale: Locale,
): QuestionChange {
  const index = quiz.questions.findIndex((question) => question.key === key);
  const existing = quiz.questions[index];
  if (!existing) return { ok: false, problem: "authoring.quiz.error.noSuchQuestion" };
  const isSource = locale === sourceLocale;
  if (isSource && (existing.type === "true-false") !== (draft.type === "true-false"))
    return { ok: false, problem: "authoring.quiz.error.typeChange" };
  const questions = [...quiz.questions];
  questions[index] = applyDraft(existing, key, draft, locale, isSource);
  return { ok: true, quiz: { ...quiz, questions }, key };
}

export function removeQuestion(quiz: DraftQuiz, key: string): QuestionChange {
  if (!quiz.questions.some((question) => question.key === key))
    return { ok: false, problem: "authoring.quiz.error.noSuchQuestion" };
  return { ok: true, quiz: { ...quiz, questions: quiz.questions.filter((question) => question.key !== key) }, key };
}

/** Moves a question one place up (-1) or down (+1); at either end it stays where it is. */
export function moveQuestion(quiz: DraftQuiz, key: string, by: -1 | 1): QuestionChange {
  const index = quiz.questions.findIndex((question) => question.key === key);
  if (index === -1) return { ok: false, problem: "authoring.quiz.error.noSuchQuestion" };
  const target = index + by;
  if (target < 0 || target >= quiz.questions.length) return { ok: true, quiz, key };
  const questions = [...quiz.questions];
  [questions[index], questions[target]] = [questions[target]!, questions[index]!];
  return { ok: true, quiz: { ...quiz, questions }, key };
}

export function withSettings(quiz: DraftQuiz, settings: QuizSettings): DraftQuiz {
  const next: QuizSettings = {
    passMark: settings.passMark,
    cooldownMinutes: settings.cooldownMinutes,
    draw: settings.draw,
    mode: settings.mode,
  };
  if (settings.attemptLimit !== undefined) next.attemptLimit = settings.attemptLimit;
  if (settings.timeLimitMinutes !== undefined) next.timeLimitMinutes = settings.timeLimitMinutes;
  return { ...quiz, settings: next };
}
