/** Progress rules, pure: what counts as done, and where to continue. */
export interface ProgressInput {
  lessonKeys: readonly string[];
  completedLessonKeys: readonly string[];
  quizPassed: boolean;
  hasQuiz: boolean;
}

export function completedLessonCount(input: Pick<ProgressInput, "lessonKeys" | "completedLessonKeys">): number {
  return input.lessonKeys.filter((key) => input.completedLessonKeys.includes(key)).length;
}

/** Percent of steps done; the quiz counts as one step. */
export function progressPercent(input: ProgressInput): number {
  const steps = input.lessonKeys.length + (input.hasQuiz ? 1 : 0);
  if (steps === 0) return 0;
  const done = completedLessonCount(input) + (input.hasQuiz && input.quizPassed ? 1 : 0);
  return Math.floor((done * 100) / steps);
}

/** Complete when every lesson of the current version is complete and the quiz is passed. */
export function isComplete(input: ProgressInput): boolean {
  return completedLessonCount(input) === input.lessonKeys.length && (!input.hasQuiz || input.quizPassed);
}

/**
 * Where "continue" leads: the lesson or quiz the learner last opened if it still exists and is
 * not done, else the first incomplete lesson, else the quiz.
 */
export function continuePosition(input: ProgressInput & { lastPosition: string | null }): string | "quiz" | null {
  const { lastPosition } = input;
  if (lastPosition && input.lessonKeys.includes(lastPosition) && !input.completedLessonKeys.includes(lastPosition))
    return lastPosition;
  if (lastPosition === "quiz" && input.hasQuiz && !input.quizPassed) return "quiz";
  const firstIncomplete = input.lessonKeys.find((key) => !input.completedLessonKeys.includes(key));
  if (firstIncomplete) return firstIncomplete;
  if (input.hasQuiz && !input.quizPassed) return "quiz";
  return null;
}
