/**
 * The rows a graded attempt leaves for item analysis: one per drawn question, right or not, the
 * options chosen, and the attempt's own figures the statistics need (decision 033).
 */
import type { Grade } from "~/quiz/grading.ts";
import type { AnswerGroup as Group, ChoiceGroup as Choice } from "./item-analysis.ts";

/** A group of the counts, per version (the tables hold every version's). */
export type AnswerGroup = Group & { versionId: string };
export type ChoiceGroup = Choice & { versionId: string };

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

/**
 * What item analysis counts, from the rows (decision 037): first attempts only, grouped by
 * question, correctness and the attempt's figures, and by question and options chosen. The one
 * owner of the counts: grading adds these to the count tables, the rebuild sums them over a
 * version's rows.
 */
export function answerCounts(rows: Iterable<Omit<QuestionAnswerRow, "attemptId">>): {
  answers: AnswerGroup[];
  choices: ChoiceGroup[];
} {
  const answers = new Map<string, AnswerGroup>();
  const choices = new Map<string, ChoiceGroup>();
  for (const row of rows) {
    if (!row.firstAttempt) continue;
    const answerKey = JSON.stringify([row.versionId, row.questionId, row.correct, row.attemptCorrect, row.attemptTotal]);
    const answer = answers.get(answerKey);
    if (answer) answer.count += 1;
    else
      answers.set(answerKey, {
        versionId: row.versionId,
        questionId: row.questionId,
        correct: row.correct,
        attemptCorrect: row.attemptCorrect,
        attemptTotal: row.attemptTotal,
        count: 1,
      });
    const choiceKey = JSON.stringify([row.versionId, row.questionId, row.chosen]);
    const choice = choices.get(choiceKey);
    if (choice) choice.count += 1;
    else choices.set(choiceKey, { versionId: row.versionId, questionId: row.questionId, chosen: row.chosen, count: 1 });
  }
  // In the order of their keys, whatever order the questions were drawn in: grading upserts the
  // groups in this order, so concurrent gradings lock shared count rows in the same order and never
  // deadlock (PostgreSQL did, under load, when each attempt's draw set the order).
  return { answers: inKeyOrder(answers), choices: inKeyOrder(choices) };
}

function inKeyOrder<T>(groups: Map<string, T>): T[] {
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, group]) => group);
}
