/**
 * The rows a graded attempt leaves for item analysis: one per drawn question, right or not, the
 * options chosen, and the attempt's own figures the statistics need (decision 033).
 */
import type { Grade } from "~/quiz/grading.ts";

export interface QuestionAnswerRow {
  attemptId: string;
  questionId: string;
  versionId: string;
  correct: boolean;
  /** JSON array of the chosen option keys, sorted. */
  chosen: string;
  firstAttempt: boolean;
  attemptCorrect: number;
  attemptTotal: number;
}

/**
 * Item analysis counts a learner's first encounter with a course only: attempt 1 of the first
 * cycle. A recertification cycle is a new enrolment whose attempts start again at 1, but the
 * learner has taken the quiz before, so it counts like a second attempt (not at all).
 */
export function isFirstAttempt(attemptNumber: number, cycle: number): boolean {
  return attemptNumber === 1 && cycle === 1;
}

export function questionAnswerRows(
  attempt: { id: string; versionId: string; number: number; cycle: number },
  drawn: ReadonlyArray<{ key: string }>,
  questionIds: ReadonlyMap<string, string>,
  answers: Readonly<Record<string, readonly string[]>>,
  grade: Pick<Grade, "correctByQuestion" | "correctCount" | "total">,
): QuestionAnswerRow[] {
  const firstAttempt = isFirstAttempt(attempt.number, attempt.cycle);
  return drawn.flatMap((question) => {
    const questionId = questionIds.get(question.key);
    if (!questionId) return [];
    return [
      {
        attemptId: attempt.id,
        questionId,
        versionId: attempt.versionId,
        correct: grade.correctByQuestion[question.key] ?? false,
        chosen: JSON.stringify([...(answers[question.key] ?? [])].sort()),
        firstAttempt,
        attemptCorrect: grade.correctCount,
        attemptTotal: grade.total,
      },
    ];
  });
}
