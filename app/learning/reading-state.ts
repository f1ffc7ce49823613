/**
 * What a lesson page needs from the database besides the cached course content: the course,
 * the learner's latest enrolment, its completed lessons and its saved answers to the lesson's
 * activities. One SQL query returns them as one row per completed lesson (or a single row with
 * nulls) plus one row per saved answer; this folds the rows back together.
 */
export type ReadingRow = {
  courseId: string;
  sourceLocale: string;
  currentVersionId: string | null;
  enrollmentId: string | null;
  lastPosition: string | null;
  lessonKey: string | null;
  activityKey: string | null;
  answer: string | null;
  // SQLite may answer a bigint.
  revision: number | bigint | null;
};

export interface SavedAnswer {
  activityKey: string;
  /** The answer as stored (JSON text). */
  answer: string;
  revision: number;
}

export interface ReadingState {
  course: { id: string; sourceLocale: string; currentVersionId: string | null };
  enrollment: { id: string; lastPosition: string | null } | null;
  completedLessonKeys: string[];
  /** The enrolment's saved answers to the lesson's activities. */
  answers: SavedAnswer[];
}

export function readingStateFromRows(rows: readonly ReadingRow[]): ReadingState | null {
  const first = rows[0];
  if (!first) return null;
  return {
    course: { id: first.courseId, sourceLocale: first.sourceLocale, currentVersionId: first.currentVersionId },
    enrollment: first.enrollmentId ? { id: first.enrollmentId, lastPosition: first.lastPosition } : null,
    completedLessonKeys: rows.flatMap((row) => (row.lessonKey ? [row.lessonKey] : [])),
    answers: rows.flatMap((row) =>
      row.activityKey && row.answer !== null
        ? [{ activityKey: row.activityKey, answer: row.answer, revision: Number(row.revision ?? 0) }]
        : [],
    ),
  };
}
