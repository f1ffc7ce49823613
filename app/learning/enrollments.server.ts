/** Enrolments, lesson progress and completion. */
import { z } from "zod";
import type { CurrentUser } from "~/auth/guards.server.ts";
import {
  certificateHolder,
  issueCertificate,
  passingVersionSelect,
  type CertificateHolder,
  type PassingAttempt,
} from "~/certificates/certificates.server.ts";
import { cycleForStart, linkOpenRows } from "~/assignments/enrollment-link.server.ts";
import { now } from "~/clock.server.ts";
import { parseLocales, pickLocale, readLocalized } from "~/courses/localized.ts";
import { visibleCoursesSql, visibleCoursesWhere } from "~/courses/visibility.ts";
import { lessonActivities, lessonContent, versionOutline } from "~/courses/version-cache.server.ts";
import { activitiesOnPage, checkAndSave, practisedActivities, type CheckOutcome } from "~/activities/answers.server.ts";
import type { ActivityPost } from "~/activities/answer-form.ts";
import { db, Prisma, readRows } from "~/db.server.ts";
import { faultPoint } from "~/faults.server.ts";
import type { Locale } from "~/i18n/locales.ts";
import { assignmentState } from "~/reports/status.ts";
import { continuePosition, isComplete, positionAfter, progressPercent, type Position } from "./progress.ts";
import { readingStateFromRows, type ReadingRow, type ReadingState } from "./reading-state.ts";

export interface CourseStructure {
  lessonKeys: string[];
  hasQuiz: boolean;
}

/** The current version's lesson keys in order, and whether it has a quiz. */
export async function currentStructure(courseId: string): Promise<CourseStructure> {
  const course = await db().course.findUnique({
    where: { id: courseId },
    select: {
      currentVersion: {
        select: { id: true, lessons: { orderBy: { position: "asc" }, select: { key: true } }, quiz: { select: { id: true } } },
      },
    },
  });
  const version = course?.currentVersion;
  return { lessonKeys: version?.lessons.map((lesson) => lesson.key) ?? [], hasQuiz: Boolean(version?.quiz) };
}

/** The learner's latest enrolment in a course (the current cycle), or null. */
export async function findEnrollment(userId: string, courseId: string) {
  return db().enrollment.findFirst({
    where: { userId, courseId },
    orderBy: { cycle: "desc" },
    select: { id: true, cycle: true, completedAt: true, lastPosition: true },
  });
}

/** A published course the person may see (network-wide, or their own city's). */
export async function findCourseId(user: CurrentUser, courseKey: string): Promise<string | null> {
  return (await findCourse(user, courseKey))?.id ?? null;
}

async function findCourse(
  user: CurrentUser,
  courseKey: string,
): Promise<{ id: string; versionId: string; sourceLocale: string } | null> {
  const course = await db().course.findFirst({
    where: { key: courseKey, ...visibleCoursesWhere(user.city.id) },
    select: { id: true, currentVersionId: true, sourceLocale: true },
  });
  return course?.currentVersionId
    ? { id: course.id, versionId: course.currentVersionId, sourceLocale: course.sourceLocale }
    : null;
}

/**
 * Enrols the learner (idempotent: an existing enrolment is returned as it is). A completed
 * enrolment whose course has an open row for a later cycle (recertification) starts that cycle: a
 * new, empty enrolment (learners always see the current version). The person's open rows of the
 * course and cycle are linked in the same transaction.
 */
export async function enroll(user: CurrentUser, courseKey: string): Promise<{ id: string } | null> {
  const courseId = await findCourseId(user, courseKey);
  if (!courseId) return null;
  const existing = await findEnrollment(user.id, courseId);
  const cycle = await cycleForStart(user.id, courseId, existing);
  if (existing && existing.cycle === cycle) return existing;
  try {
    return await db().$transaction(async (tx) => {
      const created = await tx.enrollment.create({
        data: { userId: user.id, courseId, cycle, enrolledAt: now() },
        select: { id: true },
      });
      await linkOpenRows(tx, { id: created.id, userId: user.id, courseId, cycle });
      return created;
    });
  } catch (error) {
    // A double click: the other request created it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return findEnrollment(user.id, courseId);
    throw error;
  }
}

async function quizPassed(enrollmentId: string): Promise<boolean> {
  return (await db().quizAttempt.count({ where: { enrollmentId, passed: true } })) > 0;
}

/** The first passed attempt, which the certificate records. */
async function passingAttempt(tx: Prisma.TransactionClient, enrollmentId: string): Promise<PassingAttempt | null> {
  const attempt = await tx.quizAttempt.findFirst({
    where: { enrollmentId, passed: true },
    orderBy: { submittedAt: "asc" },
    select: { score: true, version: { select: passingVersionSelect } },
  });
  return attempt ? { score: attempt.score ?? 0, version: attempt.version } : null;
}

/**
 * Inside the progress transaction: when every lesson is complete and the quiz passed, records
 * completion (once) and issues the certificate. A course without a quiz has no score to
 * certify: it is completed without one.
 */
async function completeIfDone(
  tx: Prisma.TransactionClient,
  structure: CourseStructure,
  holder: CertificateHolder,
  passing: PassingAttempt | undefined,
): Promise<boolean> {
  const { enrollmentId } = holder;
  const lessons = await tx.lessonProgress.findMany({ where: { enrollmentId }, select: { lessonKey: true } });
  const passed = passing ?? (structure.hasQuiz ? await passingAttempt(tx, enrollmentId) : null);
  const done = isComplete({
    ...structure,
    completedLessonKeys: lessons.map((lesson) => lesson.lessonKey),
    quizPassed: passed !== null,
  });
  if (!done) return false;
  await tx.enrollment.updateMany({ where: { id: enrollmentId, completedAt: null }, data: { completedAt: now() } });
  faultPoint("completion-recorded");
  if (passed) {
    await issueCertificate(tx, holder, passed);
    faultPoint("certificate-inserted");
  }
  return true;
}

/**
 * One transaction for a step of progress and all that follows from it: `write` (a lesson
 * marked complete, a graded attempt, or nothing at all for a repair), then, when the enrolment
 * is done, its completion and its certificate. They commit together or not at all, so nobody
 * is left passed but incomplete. `write` returns null when it wrote nothing (a stale quiz
 * post): then nothing else is written. `passing` is the attempt this write graded as passed.
 * Who the certificate is for is read before, to keep the transaction (SQLite's one writer) short.
 */
export async function commitProgress<T>(
  enrollmentId: string,
  write: (tx: Prisma.TransactionClient) => Promise<T | null>,
  options: { passing?: PassingAttempt; structure?: CourseStructure } = {},
): Promise<T | null> {
  const structure =
    options.structure ??
    (await currentStructure(
      (await db().enrollment.findUniqueOrThrow({ where: { id: enrollmentId }, select: { courseId: true } })).courseId,
    ));
  const holder = await certificateHolder(enrollmentId);
  for (let tries = 1; ; tries += 1) {
    try {
      const result = await db().$transaction(async (tx) => {
        const written = await write(tx);
        if (written === null) return null;
        faultPoint("progress-written");
        await completeIfDone(tx, structure, holder, options.passing);
        return written;
      });
      if (result !== null) faultPoint("progress-committed");
      return result;
    } catch (error) {
      // Another request completed this enrolment first (the certificate's unique index), or a
      // double click inserted the same lesson: nothing was written, so run it again on what is there.
      if (tries < 3 && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") continue;
      throw error;
    }
  }
}

/**
 * Marks a lesson complete and moves the learner's position ("continue") to what comes next,
 * with completion and the certificate in the same transaction when this was the last step.
 */
export async function markLessonComplete(
  user: CurrentUser,
  courseKey: string,
  lessonKey: string,
): Promise<{ status: "done"; next: Position } | { status: "not-enrolled" } | { status: "unknown-lesson" }> {
  const courseId = await findCourseId(user, courseKey);
  if (!courseId) return { status: "unknown-lesson" };
  const enrollment = await findEnrollment(user.id, courseId);
  if (!enrollment) return { status: "not-enrolled" };
  const structure = await currentStructure(courseId);
  if (!structure.lessonKeys.includes(lessonKey)) return { status: "unknown-lesson" };
  const next = positionAfter(structure, lessonKey);
  await commitProgress(
    enrollment.id,
    async (tx) => {
      await tx.lessonProgress.upsert({
        where: { enrollmentId_lessonKey: { enrollmentId: enrollment.id, lessonKey } },
        create: { enrollmentId: enrollment.id, lessonKey, completedAt: now() },
        update: {},
      });
      if (next !== null && next !== enrollment.lastPosition)
        await tx.enrollment.update({ where: { id: enrollment.id }, data: { lastPosition: next } });
      return true;
    },
    { structure },
  );
  return { status: "done", next };
}

/** Where "continue" leads, recorded by the actions that move the learner (decision 013). */
export async function recordPosition(enrollmentId: string, position: string, previous: string | null): Promise<void> {
  if (position !== previous) await db().enrollment.update({ where: { id: enrollmentId }, data: { lastPosition: position } });
}

const title = z.string();

/** The course page for a learner: overview plus their enrolment and progress. */
export async function learnerCourseState(user: CurrentUser, courseKey: string) {
  const course = await findCourse(user, courseKey);
  if (!course) return null;
  const courseId = course.id;
  const enrollment = await findEnrollment(user.id, courseId);
  const structure = await currentStructure(courseId);
  // A completed cycle whose next one is open (recertification): the learner starts it from here.
  const nextCycleOpen = enrollment?.completedAt
    ? (await cycleForStart(user.id, courseId, enrollment)) !== enrollment.cycle
    : false;
  if (!enrollment || nextCycleOpen) return { enrolled: false as const, lessonCount: structure.lessonKeys.length };
  const completed = await db().lessonProgress.findMany({ where: { enrollmentId: enrollment.id }, select: { lessonKey: true } });
  const passed = await quizPassed(enrollment.id);
  const input = { ...structure, completedLessonKeys: completed.map((row) => row.lessonKey), quizPassed: passed };
  const certificate = enrollment.completedAt
    ? await db().certificate.findUnique({ where: { enrollmentId: enrollment.id }, select: { code: true } })
    : null;
  return {
    enrolled: true as const,
    completedLessonKeys: input.completedLessonKeys,
    quizPassed: passed,
    percent: progressPercent(input),
    continueAt: continuePosition({ ...input, lastPosition: enrollment.lastPosition }),
    completedAt: enrollment.completedAt,
    certificateCode: certificate?.code ?? null,
    activities: await practisedActivities(enrollment.id, course.versionId),
  };
}

/**
 * The course, the learner's latest enrolment, its completed lessons and its saved answers to the
 * lesson's activities (of the current version): one query on every lesson page.
 */
async function readingState(user: CurrentUser, courseKey: string, lessonKey: string): Promise<ReadingState | null> {
  const rows = await readRows<ReadingRow>(Prisma.sql`
    WITH reading AS (
      SELECT c."id" AS "courseId", c."sourceLocale", c."currentVersionId", e."id" AS "enrollmentId", e."lastPosition"
      FROM "Course" c
      LEFT JOIN "Enrollment" e ON e."id" = (
        SELECT latest."id" FROM "Enrollment" latest
        WHERE latest."userId" = ${user.id} AND latest."courseId" = c."id"
        ORDER BY latest."cycle" DESC LIMIT 1)
      WHERE c."key" = ${courseKey} AND ${visibleCoursesSql("c", user.city.id)})
    SELECT r."courseId", r."sourceLocale", r."currentVersionId", r."enrollmentId", r."lastPosition", p."lessonKey",
           NULL AS "activityKey", NULL AS "answer", NULL AS "revision"
    FROM reading r
    LEFT JOIN "LessonProgress" p ON p."enrollmentId" = r."enrollmentId"
    UNION ALL
    SELECT r."courseId", r."sourceLocale", r."currentVersionId", r."enrollmentId", r."lastPosition", NULL,
           a."activityKey", a."answer", a."revision"
    FROM reading r
    JOIN "ActivityAnswer" a ON a."enrollmentId" = r."enrollmentId"
    JOIN "Activity" act ON act."versionId" = r."currentVersionId" AND act."key" = a."activityKey" AND act."lessonKey" = ${lessonKey}`);
  return readingStateFromRows(rows);
}

/**
 * A lesson to read: the pre-rendered HTML in the learner's language (or the source language).
 * `bodyKey` names that immutable HTML (version, lesson, language), for app/learning/lesson-body.ts.
 */
export async function lessonForReading(user: CurrentUser, courseKey: string, lessonKey: string, locale: Locale) {
  const state = await readingState(user, courseKey, lessonKey);
  const versionId = state?.course.currentVersionId;
  if (!state || !versionId) return null;
  const outline = await versionOutline(versionId);
  const index = outline.lessons.findIndex((lesson) => lesson.key === lessonKey);
  if (index < 0) return null;
  const { enrollment, completedLessonKeys } = state;
  if (!enrollment) return { enrolled: false as const };
  const shownLocale = pickLocale(outline.languages, state.course.sourceLocale, locale);
  const content = await lessonContent(versionId, lessonKey, shownLocale);
  if (!content) return null;
  // Outside the cached body: the activities, with this learner's saved answers.
  const activities = activitiesOnPage(
    await lessonActivities(versionId, lessonKey, shownLocale, pickLocale([], state.course.sourceLocale, shownLocale)),
    state.answers,
  );
  const titleOf = (position: number) => {
    const lesson = outline.lessons[position];
    return lesson ? { key: lesson.key, title: lesson.titles[shownLocale]?.title ?? lesson.key } : null;
  };
  return {
    enrolled: true as const,
    shownLocale,
    courseTitle: readLocalized(outline.title, shownLocale, shownLocale, title),
    lesson: {
      key: lessonKey,
      ...content,
      bodyKey: `${versionId}/${lessonKey}/${shownLocale}`,
      complete: completedLessonKeys.includes(lessonKey),
    },
    position: index + 1,
    lessonCount: outline.lessons.length,
    completedCount: outline.lessons.filter((lesson) => completedLessonKeys.includes(lesson.key)).length,
    previous: index > 0 ? titleOf(index - 1) : null,
    next: titleOf(index + 1),
    hasQuiz: outline.hasQuiz,
    activities,
  };
}

/** Checks a learner's answer to one of a lesson's activities and saves it (app/activities/answers.server.ts). */
export async function checkLessonActivity(
  user: CurrentUser,
  courseKey: string,
  lessonKey: string,
  locale: Locale,
  post: ActivityPost,
): Promise<CheckOutcome | { status: "not-enrolled" } | { status: "unknown-activity" }> {
  const course = await findCourse(user, courseKey);
  if (!course) return { status: "unknown-activity" };
  const enrollment = await findEnrollment(user.id, course.id);
  if (!enrollment) return { status: "not-enrolled" };
  const outline = await versionOutline(course.versionId);
  const shownLocale = pickLocale(outline.languages, course.sourceLocale, locale);
  const activities = await lessonActivities(
    course.versionId,
    lessonKey,
    shownLocale,
    pickLocale([], course.sourceLocale, shownLocale),
  );
  const activity = activities.find((candidate) => candidate.key === post.activityKey);
  if (!activity) return { status: "unknown-activity" };
  return checkAndSave(enrollment.id, activity, post);
}

const dashboardCourseSelect = {
  key: true,
  sourceLocale: true,
  currentVersion: {
    select: {
      title: true,
      languages: true,
      lessons: { orderBy: { position: "asc" }, select: { key: true } },
      quiz: { select: { id: true } },
    },
  },
} as const;

export interface DashboardItem {
  /** Course and cycle. */
  key: string;
  courseKey: string;
  title: string;
  shownLocale: Locale;
  started: boolean;
  dueAt: Date | null;
  overdue: boolean;
  completedAt: Date | null;
  percent: number;
  continueAt: Position;
  certificate: { code: string; revokedAt: Date | null; expiresAt: Date | null } | null;
}

/**
 * The dashboard: every open assignment row (started or not) with its due date, overdue ones
 * marked; courses in progress without an assignment; completed enrolments with their certificate.
 */
export async function learnerDashboard(user: CurrentUser, locale: Locale) {
  const [rows, enrollments] = await Promise.all([
    db().personAssignment.findMany({
      where: { userId: user.id, withdrawnAt: null },
      orderBy: [{ dueAt: "asc" }, { cycle: "asc" }],
      select: {
        cycle: true,
        dueAt: true,
        withdrawnAt: true,
        enrollmentId: true,
        // The row's copies of its enrolment's completion and start (decisions 044, 045).
        completedAt: true,
        startedAt: true,
        courseId: true,
      },
    }),
    db().enrollment.findMany({
      where: { userId: user.id },
      orderBy: { enrolledAt: "desc" },
      select: {
        id: true,
        cycle: true,
        completedAt: true,
        lastPosition: true,
        lessons: { select: { lessonKey: true } },
        attempts: { where: { passed: true }, select: { id: true }, take: 1 },
        certificate: { select: { code: true, revokedAt: true, expiresAt: true } },
        course: { select: dashboardCourseSelect },
      },
    }),
  ]);
  const at = now();
  const unstarted = [...new Set(rows.map((row) => row.courseId))];
  const courses = new Map(
    (await db().course.findMany({ where: { id: { in: unstarted } }, select: { id: true, ...dashboardCourseSelect } })).map(
      (course) => [course.id, course] as const,
    ),
  );
  type Course = (typeof enrollments)[number]["course"];
  const describe = (course: Course) => {
    const version = course.currentVersion;
    if (!version) return null;
    const shownLocale = pickLocale(parseLocales(version.languages), course.sourceLocale, locale);
    return { version, shownLocale, title: readLocalized(version.title, shownLocale, shownLocale, title) };
  };
  const enrollmentItems = new Map(
    enrollments.flatMap((enrollment) => {
      const described = describe(enrollment.course);
      if (!described) return [];
      const input = {
        lessonKeys: described.version.lessons.map((lesson) => lesson.key),
        completedLessonKeys: enrollment.lessons.map((lesson) => lesson.lessonKey),
        quizPassed: enrollment.attempts.length > 0,
        hasQuiz: Boolean(described.version.quiz),
      };
      const item: DashboardItem = {
        key: `${enrollment.course.key}/${enrollment.cycle}`,
        courseKey: enrollment.course.key,
        title: described.title,
        shownLocale: described.shownLocale,
        started: true,
        dueAt: null,
        overdue: false,
        completedAt: enrollment.completedAt,
        percent: progressPercent(input),
        continueAt: continuePosition({ ...input, lastPosition: enrollment.lastPosition }),
        certificate: enrollment.certificate,
      };
      return [[enrollment.id, item] as const];
    }),
  );
  const assigned = rows.flatMap((row): DashboardItem[] => {
    const state = assignmentState(
      {
        dueAt: row.dueAt,
        withdrawnAt: row.withdrawnAt,
        enrollment: row.enrollmentId ? { completedAt: row.completedAt, started: row.startedAt !== null } : null,
      },
      at,
    );
    if (state === "completed" || state === "withdrawn") return [];
    const progress = row.enrollmentId ? enrollmentItems.get(row.enrollmentId) : undefined;
    const course = courses.get(row.courseId);
    const described = course ? describe(course) : null;
    if (!course || !described) return [];
    return [
      {
        key: `${course.key}/${row.cycle}`,
        courseKey: course.key,
        title: described.title,
        shownLocale: described.shownLocale,
        started: progress !== undefined,
        completedAt: null,
        percent: progress?.percent ?? 0,
        continueAt: progress?.continueAt ?? null,
        certificate: null,
        dueAt: row.dueAt,
        overdue: state === "overdue",
      },
    ];
  });
  // One entry per course and cycle: two assignments of one course show the earliest due date.
  const assignedOnce = [...new Map([...assigned].reverse().map((item) => [item.key, item] as const)).values()];
  const assignedKeys = new Set(assignedOnce.map((item) => item.key));
  const items = [...enrollmentItems.values()];
  return {
    assigned: assignedOnce.sort((a, b) => (a.dueAt?.getTime() ?? 0) - (b.dueAt?.getTime() ?? 0)),
    inProgress: items.filter((item) => !item.completedAt && !assignedKeys.has(item.key)),
    completed: items.filter((item) => item.completedAt),
  };
}
