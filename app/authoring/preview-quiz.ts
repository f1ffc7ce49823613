/**
 * The quiz of a draft as an author previews it: the whole pool in file order (learners get a draw,
 * options shuffled), answered in one form and graded in memory by the quiz's own grading
 * function. Nothing here is stored.
 */
import type { FormEntries } from "~/forms/parse-form.ts";
import type { FormLimits } from "~/forms/limits.ts";
import { correctKeys, optionKeys, type QuestionFile } from "~/courses/format.ts";
import type { Locale } from "~/i18n/locales.ts";
import { gradeAttempt } from "~/quiz/grading.ts";
import type { ShownQuestion } from "~/quiz/question-views.tsx";

/** The field a question's chosen options post as. */
export const answerField = (questionKey: string) => `answer.${questionKey}`;

/** A pool of up to a few hundred questions with up to six options each. */
export const previewQuizLimits: FormLimits = { maxFields: 1000, maxBytes: 64 * 1024 };

type Texts = Partial<Record<Locale, string>>;
const inLocale = (texts: Texts, locale: Locale, fallback: Locale) => texts[locale] ?? texts[fallback] ?? "";

/** A question as the quiz shows it before it is answered: no answer key, no explanation. */
export function shownQuestion(question: QuestionFile, locale: Locale, fallback: Locale): ShownQuestion {
  return {
    key: question.key,
    multiple: question.type === "multiple",
    text: inLocale(question.text, locale, fallback),
    options:
      question.type === "true-false"
        ? optionKeys(question).map((key) => ({ key, text: null }))
        : question.options.map((option) => ({ key: option.key, text: inLocale(option.text, locale, fallback) || option.key })),
    selected: [],
    feedback: null,
  };
}

/** The options chosen per question; keys that are not one of the question's options are dropped. */
export function answersFromForm(form: FormEntries, questions: readonly QuestionFile[]): Record<string, string[]> {
  const answers: Record<string, string[]> = {};
  const byField = new Map(questions.map((question) => [answerField(question.key), question]));
  for (const [name, value] of form.entries()) {
    const question = byField.get(name);
    if (!question || typeof value !== "string" || !optionKeys(question).includes(value)) continue;
    const chosen = (answers[question.key] ??= []);
    if (!chosen.includes(value) && (question.type === "multiple" || chosen.length === 0)) chosen.push(value);
  }
  return answers;
}

export interface PreviewGrade {
  result: { score: number; passed: boolean; passMark: number; correctCount: number; total: number };
  questions: ShownQuestion[];
}

/** Every question graded as an attempt is, with the answer given, the correct one and the explanation. */
export function gradePreview(
  questions: readonly QuestionFile[],
  passMark: number,
  answers: Readonly<Record<string, readonly string[]>>,
  locale: Locale,
  fallback: Locale,
): PreviewGrade {
  const grade = gradeAttempt(
    questions.map((question) => ({ key: question.key, correct: correctKeys(question) })),
    answers,
    passMark,
  );
  return {
    result: { score: grade.score, passed: grade.passed, passMark, correctCount: grade.correctCount, total: grade.total },
    questions: questions.map((question) => ({
      ...shownQuestion(question, locale, fallback),
      selected: [...(answers[question.key] ?? [])],
      feedback: {
        correct: correctKeys(question),
        isCorrect: grade.correctByQuestion[question.key] ?? false,
        explanation: inLocale(question.explanation, locale, fallback),
      },
    })),
  };
}
