/**
 * Learners' answers to practice activities: the last checked answer per enrolment and activity
 * key (so it survives new course versions), saved in the same action that checks it.
 */
import type { LessonActivity } from "~/courses/version-cache.server.ts";
import { now } from "~/clock.server.ts";
import { db, Prisma } from "~/db.server.ts";
import { answerFromFields, fieldsOfAnswer, type ActivityFields, type ActivityPost } from "./answer-form.ts";
import { activityAnswerSchema, checkAnswer, fitAnswer, type ActivityAnswer } from "./checking.ts";
import type { MessageKey } from "~/i18n/translate.ts";
import type { SavedAnswer } from "~/learning/reading-state.ts";
import { activityFeedback, activityView, type ActivityFeedback, type ActivityView } from "./views.ts";

export interface ActivityOnPage {
  view: ActivityView;
  /** The learner's last answer (null when none, or when it no longer fits a changed activity) and its revision. */
  saved: { fields: ActivityFields | null; revision: number };
}

export type CheckOutcome =
  | { status: "invalid"; activityKey: string; error: MessageKey; fields: ActivityFields; revision: number }
  | {
      status: "checked";
      activityKey: string;
      feedback: ActivityFeedback;
      fields: ActivityFields;
      revision: number;
      saved: boolean;
    };

function storedAnswer(json: string): ActivityAnswer | null {
  try {
    const parsed = activityAnswerSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The lesson's activities as the page shows them, with the learner's saved answers (read with the
 * lesson page's one statement, app/learning/enrollments.server.ts).
 */
export function activitiesOnPage(activities: readonly LessonActivity[], saved: readonly SavedAnswer[]): ActivityOnPage[] {
  return activities.map((activity) => {
    const row = saved.find((candidate) => candidate.activityKey === activity.key);
    const answer = row ? storedAnswer(row.answer) : null;
    const fits = answer ? fitAnswer(activity.definition, answer) : null;
    return {
      view: activityView(activity.key, activity.definition, activity.texts),
      saved: { fields: fits ? fieldsOfAnswer(fits) : null, revision: row?.revision ?? 0 },
    };
  });
}

/**
 * Saves an answer if the saved one is still the revision the learner's page showed: a second
 * tab's older page writes nothing. A doubled post of the same answer counts as saved.
 */
async function saveAnswer(enrollmentId: string, activityKey: string, answer: ActivityAnswer, correct: boolean, revision: number) {
  const json = JSON.stringify(answer);
  const checkedAt = now();
  if (revision === 0) {
    try {
      await db().activityAnswer.create({ data: { enrollmentId, activityKey, answer: json, correct, revision: 1, checkedAt } });
      return { saved: true, revision: 1 };
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    }
  } else {
    const updated = await db().activityAnswer.updateMany({
      where: { enrollmentId, activityKey, revision },
      data: { answer: json, correct, revision: revision + 1, checkedAt },
    });
    if (updated.count === 1) return { saved: true, revision: revision + 1 };
  }
  const current = await db().activityAnswer.findUnique({
    where: { enrollmentId_activityKey: { enrollmentId, activityKey } },
    select: { answer: true, revision: true },
  });
  if (!current) return saveAnswer(enrollmentId, activityKey, answer, correct, 0);
  return { saved: current.answer === json, revision: current.revision };
}

type Checked = { status: "checked"; answer: ActivityAnswer; feedback: ActivityFeedback; correct: boolean };

/** The posted fields read and checked against the activity: the verdict's feedback, or why it cannot be checked. */
function checkPost(activity: LessonActivity, post: ActivityPost): Checked | Extract<CheckOutcome, { status: "invalid" }> {
  const invalid = (error: MessageKey) =>
    ({ status: "invalid", activityKey: activity.key, error, fields: post.fields, revision: post.revision }) as const;
  const reading = answerFromFields(activity.definition, post.fields);
  if (!reading.ok) return invalid(reading.error);
  const verdict = checkAnswer(activity.definition, reading.answer);
  if (!verdict) return invalid("activity.error.invalid");
  return {
    status: "checked",
    answer: reading.answer,
    correct: verdict.correct,
    feedback: activityFeedback(activity.key, verdict, activity.texts),
  };
}

/** Checks an answer on the server and saves it as the learner's last one, in one step. */
export async function checkAndSave(enrollmentId: string, activity: LessonActivity, post: ActivityPost): Promise<CheckOutcome> {
  const checked = checkPost(activity, post);
  if (checked.status === "invalid") return checked;
  const { saved, revision } = await saveAnswer(enrollmentId, activity.key, checked.answer, checked.correct, post.revision);
  return { status: "checked", activityKey: activity.key, feedback: checked.feedback, fields: post.fields, revision, saved };
}

/** Checks an answer by the same rule and keeps nothing (an author's preview): `saved` is false. */
export function checkWithoutSaving(activity: LessonActivity, post: ActivityPost): CheckOutcome {
  const checked = checkPost(activity, post);
  if (checked.status === "invalid") return checked;
  return {
    status: "checked",
    activityKey: activity.key,
    feedback: checked.feedback,
    fields: post.fields,
    revision: post.revision,
    saved: false,
  };
}

/** "N of M activities practised": the current version's activities the learner has an answer to. */
export async function practisedActivities(
  enrollmentId: string,
  versionId: string,
): Promise<{ practised: number; total: number }> {
  const activities = await db().activity.findMany({ where: { versionId }, select: { key: true } });
  if (activities.length === 0) return { practised: 0, total: 0 };
  const practised = await db().activityAnswer.count({
    where: { enrollmentId, activityKey: { in: activities.map((activity) => activity.key) } },
  });
  return { practised, total: activities.length };
}
