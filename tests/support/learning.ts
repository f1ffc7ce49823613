/** Helpers to take quizzes in tests, through the same domain functions as the pages. */
import path from "node:path";
import { getCurrentUser, type CurrentUser } from "~/auth/guards.server.ts";
import { importCourseFolder } from "~/courses/importer.server.ts";
import { db } from "~/db.server.ts";
import type { AssignmentRequest } from "~/assignments/assignment-input.ts";
import { enroll, markLessonComplete } from "~/learning/enrollments.server.ts";
import { attemptView, sendAttemptEvents, startAttempt } from "~/quiz/attempts.server.ts";
import { createUser, sessionCookie } from "./factories.ts";

export const SAMPLE_COURSE = "sample-course";

export async function importSampleCourse(): Promise<void> {
  const outcome = await importCourseFolder(path.resolve("tests/fixtures/courses/sample-course"));
  if (outcome.status === "refused") throw new Error(JSON.stringify(outcome.problems));
}

export async function currentUserFor(options: Parameters<typeof createUser>[0] = {}): Promise<CurrentUser> {
  const user = await createUser(options);
  const request = new Request("http://localhost/", { headers: { Cookie: await sessionCookie(user.id) } });
  return (await getCurrentUser(request))!;
}

/** The answer key of the course's current quiz, read straight from the database. */
export async function answerKeyOf(courseKey: string): Promise<Map<string, string[]>> {
  const questions = await db().question.findMany({
    where: { quiz: { version: { course: { key: courseKey } } } },
    select: { key: true, correct: true },
  });
  return new Map(questions.map((question) => [question.key, JSON.parse(question.correct) as string[]]));
}

/** Answers every question (rightly or wrongly) and goes to the review, ready to submit; returns the step. */
export async function answerAll(
  user: CurrentUser,
  attemptId: string,
  answerRightly: boolean,
  courseKey = SAMPLE_COURSE,
): Promise<number> {
  const key = await answerKeyOf(courseKey);
  let view = (await attemptView(user, attemptId, "es"))!;
  for (let index = 0; index < view.total; index += 1) {
    const question = view.questions[index]!;
    const right = key.get(question.key)!;
    const wrong = question.options
      .map((option) => option.key)
      .filter((option) => !right.includes(option))
      .slice(0, 1);
    const isLast = index === view.total - 1;
    const status = await sendAttemptEvents(user, attemptId, view.step, [
      { type: "ANSWER", questionKey: question.key, options: answerRightly ? right : wrong },
      isLast ? { type: "REVIEW" } : { type: "NEXT" },
    ]);
    if (status.status !== "accepted") throw new Error(`answer refused: ${status.status}`);
    view = (await attemptView(user, attemptId, "es"))!;
  }
  return view.step;
}

/** Answers every question (rightly or wrongly), reviews and submits. */
export async function takeAttempt(
  user: CurrentUser,
  attemptId: string,
  answerRightly: boolean,
  courseKey = SAMPLE_COURSE,
): Promise<void> {
  const step = await answerAll(user, attemptId, answerRightly, courseKey);
  const submitted = await sendAttemptEvents(user, attemptId, step, [{ type: "SUBMIT" }]);
  if (submitted.status !== "accepted") throw new Error(`submit refused: ${submitted.status}`);
}

/** Completes the sample course: both lessons, then a passing attempt. */
export async function completeSampleCourse(user: CurrentUser): Promise<void> {
  await enroll(user, SAMPLE_COURSE);
  for (const lesson of ["first-steps", "next-steps"]) await markLessonComplete(user, SAMPLE_COURSE, lesson);
  const attempt = await startAttempt(user, SAMPLE_COURSE);
  if (!attempt.ok) throw new Error("attempt refused");
  await takeAttempt(user, attempt.attemptId, true);
}

/** An assignment of a course to nobody yet, due 30 days after each person is assigned, without validity. */
export function assignmentRequest(courseId: string, overrides: Partial<AssignmentRequest> = {}): AssignmentRequest {
  return {
    courseId,
    departments: [],
    wholeCity: false,
    emails: [],
    due: { kind: "days", days: 30 },
    validityMonths: null,
    windowDays: null,
    ...overrides,
  };
}
