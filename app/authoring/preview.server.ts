/**
 * Preview as a learner (issue 15): a draft shown as learners would get it once published — the
 * files a publish would use (publishable), read by the course checker, lessons rendered by the
 * importer's pipeline, activities checked and the quiz graded by the learners' own functions.
 * Nothing is written: no enrolment, progress, answer, attempt or certificate.
 */
import path from "node:path";
import { activityDefinition, activityTexts, type ActivityFile } from "~/activities/format.ts";
import { checkWithoutSaving, type ActivityOnPage, type CheckOutcome } from "~/activities/answers.server.ts";
import type { ActivityPost } from "~/activities/answer-form.ts";
import { activityView } from "~/activities/views.ts";
import { sha256Hex } from "~/cities/stored-files.server.ts";
import { lessonFolderName } from "~/courses/course-writer.ts";
import type { CourseFile, QuestionFile, QuizFile } from "~/courses/format.ts";
import { joinLessonParts, splitLessonParts } from "~/courses/lesson-parts.ts";
import { pickLocale } from "~/courses/localized.ts";
import { renderLessonBody } from "~/courses/markdown.server.ts";
import { isError } from "~/courses/problems.ts";
import type { LessonActivity } from "~/courses/version-cache.server.ts";
import { isLocale, locales, type Locale } from "~/i18n/locales.ts";
import type { OverviewCourse } from "~/learning/course-overview.tsx";
import { notFound } from "~/http/responses.server.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import { readDraftModel } from "./draft-model.ts";
import { filesHash, readDraft, type Draft } from "./drafts.server.ts";
import { requireAuthor } from "./guard.server.ts";
import type { PreviewState } from "./preview-frame.tsx";
import { checkFiles, publishable } from "./publish.server.ts";
import { answersFromForm, gradePreview, shownQuestion, type PreviewGrade } from "./preview-quiz.ts";
import type { FormEntries } from "~/forms/parse-form.ts";

interface ReadableLesson {
  key: string;
  folder: string;
  translations: Partial<Record<Locale, { frontMatter: { title: string; minutes: number }; body: string }>>;
  activities: ActivityFile[];
}

interface ReadableCourse {
  course: CourseFile;
  quiz: { settings: QuizFile["settings"]; questions: QuestionFile[] };
  lessons: ReadableLesson[];
}

export interface DraftPreview {
  courseKey: string;
  /** The languages the course declares: the author may preview any of them. */
  languages: Locale[];
  /** The language asked for, and the one learners reading in it get (the source when it is not complete). */
  wanted: Locale;
  shownLocale: Locale;
  sourceLocale: Locale;
  /** Errors the checker finds (the course could not be published as it is). */
  errorCount: number;
  /** The course as far as it reads; null when not even its course.yaml and quiz.yaml read. */
  course: ReadableCourse | null;
  files: ReadonlyMap<string, Uint8Array>;
}

/** The language to preview in: `?lang=` when it is one of ours, else the author's own. */
export function previewLocale(url: URL, fallback: Locale): Locale {
  const asked = url.searchParams.get("lang");
  return asked && isLocale(asked) ? asked : fallback;
}

interface CheckedDraft {
  complete: Locale[];
  declared: Locale[];
  errorCount: number;
  course: ReadableCourse | null;
}

/** The checker takes a moment on a whole course: its reading of a draft is kept by the draft's content. */
const checkedDrafts = new Map<string, CheckedDraft>();
const KEPT = 50;

function checkedDraft(draft: Draft): CheckedDraft {
  const key = sha256Hex(
    new TextEncoder().encode(`${draft.courseKey}\n${filesHash(draft.files)}\n${JSON.stringify(draft.translations)}`),
  );
  const kept = checkedDrafts.get(key);
  if (kept) return kept;
  const { files, languages: complete } = publishable(draft);
  const checked = checkFiles(draft.courseKey, files);
  let course: ReadableCourse | null = checked.source;
  if (!course) {
    // Preview what reads: the draft's files as the editors read them.
    const model = readDraftModel(files);
    if (model.ok) {
      course = {
        ...model.model,
        lessons: model.model.lessons.map((lesson, position) => ({ ...lesson, folder: lessonFolderName(position, lesson.key) })),
      };
    }
  }
  const declared = readDraftModel(draft.files);
  const result = {
    complete,
    declared: declared.ok ? locales.filter((locale) => declared.model.course.languages.includes(locale)) : complete,
    errorCount: checked.problems.filter(isError).length,
    course,
  };
  if (checkedDrafts.size >= KEPT) checkedDrafts.delete(checkedDrafts.keys().next().value!);
  checkedDrafts.set(key, result);
  return result;
}

export function draftPreview(draft: Draft, wanted: Locale): DraftPreview {
  const { complete, declared, errorCount, course } = checkedDraft(draft);
  return {
    courseKey: draft.courseKey,
    languages: declared,
    wanted,
    shownLocale: pickLocale(complete, draft.sourceLocale, wanted),
    sourceLocale: draft.sourceLocale,
    errorCount,
    course,
    files: draft.files,
  };
}

type Localized<T> = Partial<Record<Locale, T>>;

function inShown<T>(preview: DraftPreview, texts: Localized<T>, empty: T): T {
  return texts[preview.shownLocale] ?? texts[preview.sourceLocale] ?? empty;
}

function lessonTranslation(preview: DraftPreview, lesson: ReadableLesson) {
  return lesson.translations[preview.shownLocale] ?? lesson.translations[preview.sourceLocale] ?? null;
}

/** The course page's view model, as `getCourseOverview` gives it for a published version. */
export function previewOverview(preview: DraftPreview, course: ReadableCourse): OverviewCourse {
  const details = course.course;
  return {
    title: inShown(preview, details.title, preview.courseKey),
    summary: inShown(preview, details.summary, ""),
    objectives: inShown(preview, details.objectives, []),
    shownLocale: preview.shownLocale,
    level: details.level,
    minutes: details.minutes,
    competencies: details.competencies,
    version: null,
    lessons: course.lessons.map((lesson) => {
      const translation = lessonTranslation(preview, lesson);
      return {
        key: lesson.key,
        title: translation?.frontMatter.title ?? lesson.key,
        minutes: translation?.frontMatter.minutes ?? 0,
      };
    }),
    quiz: { passMark: course.quiz.settings.passMark, draw: course.quiz.settings.draw },
  };
}

/** A lesson's activities with the answer key, in the shown language: for the server only. */
function lessonActivities(preview: DraftPreview, lesson: ReadableLesson): LessonActivity[] {
  return lesson.activities.map((activity) => ({
    key: activity.key,
    definition: activityDefinition(activity),
    texts: activityTexts(activity, activity.prompt[preview.shownLocale] ? preview.shownLocale : preview.sourceLocale),
  }));
}

/** The draft's images, by path: each draft file is in the file store by its hash (`/files/<hash>`). */
function imageUrls(preview: DraftPreview, lesson: ReadableLesson): Map<string, string> {
  const urls = new Map<string, string>();
  for (const [filePath, bytes] of preview.files) {
    if (filePath.startsWith(`${lesson.folder}/`) && !/\.(md|yaml)$/.test(filePath))
      urls.set(filePath, `/files/${sha256Hex(bytes)}`);
  }
  return urls;
}

/** The lesson page's view model, as `lessonForReading` gives it to a learner who has done nothing yet. */
export function previewLesson(preview: DraftPreview, course: ReadableCourse, lessonKey: string) {
  const index = course.lessons.findIndex((lesson) => lesson.key === lessonKey);
  const lesson = course.lessons[index];
  const translation = lesson ? lessonTranslation(preview, lesson) : null;
  if (!lesson || !translation) return null;
  const images = imageUrls(preview, lesson);
  // The importer's pipeline: rendered, sanitised, joined for storage; the page splits it again.
  const stored = joinLessonParts(
    renderLessonBody(
      translation.body,
      (relativePath) => images.get(`${lesson.folder}/${path.posix.normalize(relativePath)}`) ?? null,
      preview.shownLocale,
    ),
  );
  const neighbour = (position: number) => {
    const other = course.lessons[position];
    return other ? { key: other.key, title: lessonTranslation(preview, other)?.frontMatter.title ?? other.key } : null;
  };
  const activities: ActivityOnPage[] = lessonActivities(preview, lesson).map((activity) => ({
    view: activityView(activity.key, activity.definition, activity.texts),
    saved: { fields: null, revision: 0 },
  }));
  return {
    courseTitle: inShown(preview, course.course.title, preview.courseKey),
    lesson: {
      key: lesson.key,
      title: translation.frontMatter.title,
      minutes: translation.frontMatter.minutes,
      ...splitLessonParts(stored.html, stored.slots),
    },
    position: index + 1,
    lessonCount: course.lessons.length,
    previous: index > 0 ? neighbour(index - 1) : null,
    next: neighbour(index + 1),
    hasQuiz: true,
    activities,
  };
}

/** Checks an answer to one of the lesson's activities by the learners' rule; keeps nothing. Null: no such activity. */
export function previewCheck(
  preview: DraftPreview,
  course: ReadableCourse,
  lessonKey: string,
  post: ActivityPost,
): CheckOutcome | null {
  const lesson = course.lessons.find((candidate) => candidate.key === lessonKey);
  const activity = lesson ? lessonActivities(preview, lesson).find((candidate) => candidate.key === post.activityKey) : undefined;
  return activity ? checkWithoutSaving(activity, post) : null;
}

/** Every preview route's start: an author of the course's city (else 403), the draft (else 404), previewed in `?lang=`. */
export async function requirePreview(request: Request, courseKey: string): Promise<DraftPreview> {
  const { scope } = await requireAuthor(request);
  const draft = await readDraft(scope, courseKey);
  if (!draft) throw notFound();
  return draftPreview(draft, previewLocale(new URL(request.url), await getLocale(request)));
}

/** What the preview frame shows: the language choice and whether the draft has errors. */
export function previewState(preview: DraftPreview): PreviewState {
  const { courseKey, languages, wanted, shownLocale, errorCount } = preview;
  return { courseKey, languages, wanted, shownLocale, errorCount };
}

/** The quiz as the preview shows it: the rules, and the whole pool in file order without the answer key. */
export function previewQuiz(preview: DraftPreview, course: ReadableCourse) {
  const { settings, questions } = course.quiz;
  return {
    courseTitle: inShown(preview, course.course.title, preview.courseKey),
    settings: {
      draw: settings.draw,
      passMark: settings.passMark,
      attemptLimit: settings.attemptLimit ?? null,
      cooldownMinutes: settings.cooldownMinutes,
      timeLimitMinutes: settings.timeLimitMinutes ?? null,
      extraTimePercent: 0,
      mode: settings.mode,
    },
    questions: questions.map((question) => shownQuestion(question, preview.shownLocale, preview.sourceLocale)),
  };
}

/** The posted answers graded in memory by the quiz's grading function: nothing is stored. */
export function previewGrade(preview: DraftPreview, course: ReadableCourse, form: FormEntries): PreviewGrade {
  const { questions, settings } = course.quiz;
  return gradePreview(questions, settings.passMark, answersFromForm(form, questions), preview.shownLocale, preview.sourceLocale);
}
