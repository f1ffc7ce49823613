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

/** A place in a course: a lesson's key, the quiz, or null for the course page itself. */
export type Position = string | "quiz" | null;

/** The page of a position: the one mapping from where a learner is to a URL. */
export function positionHref(courseKey: string, position: Position): string {
  if (position === "quiz") return `/learn/${courseKey}/quiz`;
  if (position) return `/learn/${courseKey}/${position}`;
  return `/courses/${courseKey}`;
}

const SAVED_PARAM = "saved";

/** Where "mark as complete" leads: what comes next, with word that the lesson was saved. */
export function afterCompletionHref(courseKey: string, next: Position): string {
  return `${positionHref(courseKey, next)}?${SAVED_PARAM}=lesson`;
}

/** Whether the page was reached by marking a lesson complete (see `afterCompletionHref`). */
export function cameFromCompletion(search: URLSearchParams): boolean {
  return search.get(SAVED_PARAM) === "lesson";
}

/** What follows a lesson: the next lesson in order, else the quiz, else the course page. */
export function positionAfter(input: Pick<ProgressInput, "lessonKeys" | "hasQuiz">, lessonKey: string): Position {
  const index = input.lessonKeys.indexOf(lessonKey);
  const next = index >= 0 ? input.lessonKeys[index + 1] : undefined;
  if (next) return next;
  return input.hasQuiz ? "quiz" : null;
}

/**
 * Where "continue" leads: the lesson or quiz the learner last opened if it still exists and is
 * not done, else the first incomplete lesson, else the quiz.
 */
export function continuePosition(input: ProgressInput & { lastPosition: string | null }): Position {
  const { lastPosition } = input;
  if (lastPosition && input.lessonKeys.includes(lastPosition) && !input.completedLessonKeys.includes(lastPosition))
    return lastPosition;
  if (lastPosition === "quiz" && input.hasQuiz && !input.quizPassed) return "quiz";
  const firstIncomplete = input.lessonKeys.find((key) => !input.completedLessonKeys.includes(key));
  if (firstIncomplete) return firstIncomplete;
  if (input.hasQuiz && !input.quizPassed) return "quiz";
  return null;
}
