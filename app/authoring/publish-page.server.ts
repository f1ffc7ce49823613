/**
 * What the review-and-publish page shows for one draft (/author/$course/publish): its status, the
 * version learners read now, the languages a publish would include and why the others are left
 * out, the checker's problems over the files a publish would use, and the reviews when the city
 * requires them. Every rule is its owner's (publish.server.ts, translations.ts, reviews.server.ts);
 * this only gathers them for the page.
 */
import { problemText } from "~/courses/problems.ts";
import { db } from "~/db.server.ts";
import type { Locale } from "~/i18n/locales.ts";
import { readDraftModel } from "./draft-model.ts";
import { readDraft, type AuthorScope } from "./drafts.server.ts";
import { groupProblems, type ProblemFile, type ProblemGroup } from "./problem-files.ts";
import { checkFiles, declaredLanguages, draftStatus, publishable, type DraftStatus } from "./publish.server.ts";
import { reviewsOf, type ReviewState } from "./reviews.server.ts";
import { lessonFolders, translationMatrix, type TranslationState, type Unit } from "./translations.ts";

export interface LeftOutLanguage {
  locale: Locale;
  /** The units keeping it out: missing or outdated in that language. */
  units: Array<{ unit: Unit; lessonKey: string | null; state: Extract<TranslationState, "missing" | "outdated"> }>;
}

/** One file's problems, each in the reader's language. */
export interface ShownProblems {
  file: ProblemFile;
  problems: Array<{ line: number; text: string }>;
}

export interface ReviewEntry {
  id: string;
  revision: number;
  state: ReviewState;
  /** Null when the person was erased (or is gone). */
  submittedBy: string | null;
  submittedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  comment: string;
}

export interface PublishPage {
  courseKey: string;
  courseTitle: string;
  revision: number;
  sourceLocale: Locale;
  status: DraftStatus;
  currentVersion: { number: number; publishedAt: Date } | null;
  languages: Locale[];
  leftOut: LeftOutLanguage[];
  /** Lesson titles by key, in the reader's language where written, else the source language's. */
  lessonTitles: Record<string, Partial<Record<Locale, string>>>;
  problems: { errors: ShownProblems[]; warnings: ShownProblems[] };
  requireReview: boolean;
  /** The review of the revision shown, if any (the latest first in `reviews`). */
  currentReview: ReviewEntry | null;
  /** Whether the viewer may approve or return the current review (someone other than its submitter). */
  mayDecide: boolean;
  reviews: ReviewEntry[];
  timeZone: string;
}

async function namesOf(ids: ReadonlyArray<string | null>): Promise<Map<string, string | null>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const users = await db().user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true, erasedAt: true } });
  return new Map(users.map((user) => [user.id, user.erasedAt ? null : user.name]));
}

export async function publishPage(scope: AuthorScope, courseKey: string, locale: Locale): Promise<PublishPage | null> {
  const draft = await readDraft(scope, courseKey);
  if (!draft) return null;
  const course = await db().course.findUniqueOrThrow({
    where: { id: draft.courseId },
    select: {
      currentVersionId: true,
      currentVersion: { select: { number: true, publishedAt: true } },
      ownerCity: { select: { requireCourseReview: true, timeZone: true } },
    },
  });
  const { languages, files } = publishable(draft);
  const declared = declaredLanguages(draft.files);
  const matrix = translationMatrix(draft.files, draft.sourceLocale, declared, draft.translations);
  const leftOut = declared
    .filter((language) => !languages.includes(language))
    .map((language) => ({
      locale: language,
      units: matrix.flatMap((row) => {
        const state = row.states[language];
        return state === "missing" || state === "outdated" ? [{ unit: row.unit, lessonKey: row.lessonKey, state }] : [];
      }),
    }));
  const model = readDraftModel(draft.files);
  const courseTitle = model.ok
    ? (model.model.course.title[locale] ?? model.model.course.title[draft.sourceLocale] ?? courseKey)
    : courseKey;
  const lessonTitles: PublishPage["lessonTitles"] = {};
  if (model.ok)
    for (const lesson of model.model.lessons)
      lessonTitles[lesson.key] = Object.fromEntries(
        Object.entries(lesson.translations).map(([language, text]) => [language, text?.frontMatter.title ?? lesson.key]),
      );
  const checked = checkFiles(draft.courseKey, files);
  const grouped = groupProblems(draft.courseKey, checked.problems, lessonFolders(draft.files), draft.sourceLocale);
  const shown = (group: ProblemGroup): ShownProblems => ({
    file: group.file,
    problems: group.problems.map((problem) => ({ line: problem.line, text: problemText(problem, locale) })),
  });
  const rows = await reviewsOf(draft.id);
  const names = await namesOf(rows.flatMap((row) => [row.submittedById, row.decidedById]));
  const reviews: ReviewEntry[] = rows.map((row) => ({
    id: row.id,
    revision: row.revision,
    state: row.state,
    submittedBy: row.submittedById ? (names.get(row.submittedById) ?? null) : null,
    submittedAt: row.submittedAt,
    decidedBy: row.decidedById ? (names.get(row.decidedById) ?? null) : null,
    decidedAt: row.decidedAt,
    comment: row.comment,
  }));
  const currentIndex = rows.findIndex((row) => row.revision === draft.revision);
  const current = currentIndex >= 0 ? rows[currentIndex]! : null;
  return {
    courseKey: draft.courseKey,
    courseTitle,
    revision: draft.revision,
    sourceLocale: draft.sourceLocale,
    status: await draftStatus(draft, course.currentVersionId),
    currentVersion: course.currentVersion,
    languages,
    leftOut,
    lessonTitles,
    problems: { errors: grouped.errors.map(shown), warnings: grouped.warnings.map(shown) },
    requireReview: course.ownerCity?.requireCourseReview ?? false,
    currentReview: current ? reviews[currentIndex]! : null,
    mayDecide: current?.state === "SUBMITTED" && current.submittedById !== scope.userId,
    reviews,
    timeZone: course.ownerCity?.timeZone ?? "UTC",
  };
}
