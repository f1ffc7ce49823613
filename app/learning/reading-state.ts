/**
 * What a lesson page needs from the database besides the cached course content: the course,
 * the learner's latest enrolment and its completed lessons. One SQL query returns them as one
 * row per completed lesson (or a single row with nulls); this folds the rows back together.
 */
export interface ReadingRow {
  courseId: string;
  sourceLocale: string;
  currentVersionId: string | null;
  enrollmentId: string | null;
  lastPosition: string | null;
  lessonKey: string | null;
}

export interface ReadingState {
  course: { id: string; sourceLocale: string; currentVersionId: string | null };
  enrollment: { id: string; lastPosition: string | null } | null;
  completedLessonKeys: string[];
}

export function readingStateFromRows(rows: readonly ReadingRow[]): ReadingState | null {
  const first = rows[0];
  if (!first) return null;
  return {
    course: { id: first.courseId, sourceLocale: first.sourceLocale, currentVersionId: first.currentVersionId },
    enrollment: first.enrollmentId ? { id: first.enrollmentId, lastPosition: first.lastPosition } : null,
    completedLessonKeys: rows.flatMap((row) => (row.lessonKey ? [row.lessonKey] : [])),
  };
}
