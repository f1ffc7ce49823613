/** Grading: a pure function of the answer key and the answers, run only on the server. */
export interface GradableQuestion {
  key: string;
  correct: string[];
}

export interface Grade {
  correctCount: number;
  total: number;
  /** Percent, rounded down. */
  score: number;
  passed: boolean;
  correctByQuestion: Record<string, boolean>;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

/** The score of an attempt: percent of its questions answered correctly, rounded down. */
export function scoreOf(correctCount: number, total: number): number {
  return total === 0 ? 0 : Math.floor((correctCount * 100) / total);
}

/** A question counts when the chosen options are exactly the correct ones. */
export function gradeAttempt(
  questions: readonly GradableQuestion[],
  answers: Readonly<Record<string, readonly string[]>>,
  passMark: number,
): Grade {
  const correctByQuestion: Record<string, boolean> = {};
  for (const question of questions) correctByQuestion[question.key] = sameSet(answers[question.key] ?? [], question.correct);
  const correctCount = Object.values(correctByQuestion).filter(Boolean).length;
  const total = questions.length;
  const score = scoreOf(correctCount, total);
  return { correctCount, total, score, passed: score >= passMark, correctByQuestion };
}
