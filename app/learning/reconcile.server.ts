/**
 * The one write a page view (GET) may make: it finishes what an earlier request left owed, and
 * writes nothing when nothing is. An attempt whose deadline passed is graded (with the answers
 * stored before it); an enrolment whose lessons are all complete and whose quiz is passed, but
 * which has no completion or no certificate (left so by a version before decision 013 wrote
 * them in one transaction), gets both, together. Every other loader only reads.
 */
import type { CurrentUser } from "~/auth/guards.server.ts";
import { visibleCoursesWhere } from "~/courses/visibility.ts";
import { db } from "~/db.server.ts";
import { settleExpiredAttempts } from "~/quiz/attempts.server.ts";
import { commitProgress, currentStructure } from "./enrollments.server.ts";
import { isComplete } from "./progress.ts";

/** The learner's enrolment named by a course (its latest cycle) or by one of its attempts. */
export type ReconcileTarget = { courseKey: string } | { attemptId: string };

export async function reconcileEnrollment(user: CurrentUser, target: ReconcileTarget): Promise<void> {
  const enrollment = await db().enrollment.findFirst({
    where: {
      userId: user.id,
      ...("courseKey" in target
        ? { course: { key: target.courseKey, ...visibleCoursesWhere(user.city.id) } }
        : { attempts: { some: { id: target.attemptId } } }),
    },
    orderBy: { cycle: "desc" },
    select: {
      id: true,
      courseId: true,
      completedAt: true,
      certificate: { select: { id: true } },
      attempts: { where: { OR: [{ passed: true }, { submittedAt: null, deadline: { not: null } }] }, select: { passed: true } },
    },
  });
  if (!enrollment) return;
  if (enrollment.attempts.some((attempt) => attempt.passed === null)) {
    // Grading a pass records completion and the certificate in the same transaction.
    await settleExpiredAttempts(enrollment.id);
    return;
  }
  const passed = enrollment.attempts.some((attempt) => attempt.passed === true);
  if (!passed || (enrollment.completedAt && enrollment.certificate)) return;
  const [structure, lessons] = await Promise.all([
    currentStructure(enrollment.courseId),
    db().lessonProgress.findMany({ where: { enrollmentId: enrollment.id }, select: { lessonKey: true } }),
  ]);
  if (!isComplete({ ...structure, completedLessonKeys: lessons.map((lesson) => lesson.lessonKey), quizPassed: true })) return;
  await commitProgress(enrollment.id, async () => true, { structure });
}
