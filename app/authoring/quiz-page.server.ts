/**
 * What the quiz editor's pages read and write: the author's draft as a model, the language being
 * edited, the checker's problems of quiz.yaml after the last save, and a save of a changed quiz on
 * the revision the page was rendered from.
 */
import { isLocale, type Locale } from "~/i18n/locales.ts";
import type { Problem } from "~/courses/problems.ts";
import { readDraft, saveDraft, type AuthorScope, type Draft } from "./drafts.server.ts";
import { modelChanges, readDraftModel, type DraftModel } from "./draft-model.ts";
import { checkFiles } from "./publish.server.ts";
import type { DraftQuiz } from "./quiz-editor.ts";

export interface QuizDraft {
  draft: Draft;
  model: DraftModel;
  sourceLocale: Locale;
  languages: Locale[];
}

/** The author's draft as a model; a course not theirs is 404, a draft whose files do not read is 409. */
export async function readQuizDraft(scope: AuthorScope, courseKey: string): Promise<QuizDraft> {
  const draft = await readDraft(scope, courseKey);
  if (!draft) throw new Response(null, { status: 404 });
  const read = readDraftModel(draft.files);
  if (!read.ok) throw new Response(null, { status: 409, statusText: "Unreadable draft" });
  const sourceLocale = read.model.course.sourceLocale;
  const languages = read.model.course.languages.includes(sourceLocale)
    ? read.model.course.languages
    : [sourceLocale, ...read.model.course.languages];
  return { draft, model: read.model, sourceLocale, languages };
}

/** The language asked for, when the course is written in it; else the source language. */
export function editedLanguage(
  quizDraft: Pick<QuizDraft, "sourceLocale" | "languages">,
  asked: string | null | undefined,
): Locale {
  return isLocale(asked) && quizDraft.languages.includes(asked) ? asked : quizDraft.sourceLocale;
}

/**
 * The checker's problems of the draft's quiz.yaml (one implementation: the course checker). The
 * quiz's rules read only course.yaml (its languages) and quiz.yaml, so only those two files are
 * checked: the same findings, without rendering every lesson on each page view.
 */
export function quizProblems(draft: Pick<Draft, "courseKey" | "files">): Problem[] {
  const files = new Map([...draft.files].filter(([path]) => path === "course.yaml" || path === "quiz.yaml"));
  return checkFiles(draft.courseKey, files).problems.filter((problem) => problem.file === `${draft.courseKey}/quiz.yaml`);
}

/** Saves the quiz changed on the page's revision: only the files that differ are written. */
export async function saveQuiz(scope: AuthorScope, quizDraft: QuizDraft, revision: number, quiz: DraftQuiz) {
  const model: DraftModel = { ...quizDraft.model, quiz };
  return saveDraft(scope, quizDraft.draft.courseKey, revision, modelChanges(quizDraft.draft.files, model));
}

/** The course's title in the reader's language, or in its source language. */
export function courseTitle(quizDraft: Pick<QuizDraft, "model" | "sourceLocale">, locale: string): string {
  const title = quizDraft.model.course.title;
  return (isLocale(locale) ? title[locale] : undefined) ?? title[quizDraft.sourceLocale] ?? quizDraft.model.course.key;
}
