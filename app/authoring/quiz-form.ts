/**
 * What the quiz editor's pages share with the browser: the shape of a question's form, where a
 * checker problem points, and the address word of a new question. The changes themselves are in
 * quiz-editor.ts.
 */
import type { QuestionFile } from "~/courses/format.ts";
import type { ProblemPath } from "~/courses/problems.ts";

export type QuestionType = QuestionFile["type"];
export const questionTypes = ["single", "multiple", "true-false"] as const satisfies readonly QuestionType[];

/** The address word of the new-question page: never a question's key. */
export const NEW_QUESTION = "new";
/** The item analysis page's segment under /quiz/, so no question key may be it either. */
export const QUIZ_ANALYSIS = "analysis";

/** What a question's form holds in one language. An option with key "" is a new one. */
export interface QuestionDraft {
  type: QuestionType;
  text: string;
  explanation: string;
  options: Array<{ key: string; text: string; correct: boolean }>;
  answer: boolean | null;
}

/** Whether a problem's path is exactly `at`. */
export function isAt(path: ProblemPath | undefined, at: ProblemPath): boolean {
  return path !== undefined && path.length === at.length && at.every((part, index) => path[index] === part);
}

/** Whether a problem's path starts with `at`. */
export function isUnder(path: ProblemPath | undefined, at: ProblemPath): boolean {
  return path !== undefined && path.length >= at.length && at.every((part, index) => path[index] === part);
}

/** A question as plain lines, for a stale save's comparison. */
export function questionLines(question: QuestionDraft, marks: { correct: string; answer: (value: boolean) => string }): string {
  const lines = [question.text];
  for (const option of question.options) lines.push(`${option.correct ? marks.correct : "-"} ${option.text}`);
  if (question.answer !== null && question.type === "true-false") lines.push(marks.answer(question.answer));
  lines.push("", question.explanation);
  return lines.join("\n");
}
