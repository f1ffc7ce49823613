/**
 * The course details page over a draft: what it shows in one language, and each of its saves
 * (details, add, move or remove a lesson) as a change to the draft model saved on the revision the
 * page was rendered from. A stale save writes nothing and returns the texts to show side by side.
 */
import { isLocale, type Locale } from "~/i18n/locales.ts";
import type { MessageKey } from "~/i18n/translate.ts";
import {
  addLesson,
  applyDetails,
  languageTexts,
  lessonTitles,
  moveLesson,
  removeLesson,
  type CourseSettings,
  type LanguageTexts,
} from "./course-details.ts";
import { modelChanges, readDraftModel, type DraftModel } from "./draft-model.ts";
import { readDraft, saveDraft, type AuthorScope, type Draft } from "./drafts.server.ts";
import { translationMatrix, type TranslationState } from "./translations.ts";

export interface DetailsPage {
  key: string;
  revision: number;
  sourceLocale: Locale;
  /** The language whose texts are edited: the one asked for if the course is written in it, else the source. */
  lang: Locale;
  /** The course's title in the reader's language, else the source language. */
  title: string;
  unreadable: string[] | null;
  model: Pick<DraftModel["course"], "languages" | "level" | "minutes" | "competencies" | "recommendations"> | null;
  texts: LanguageTexts;
  sourceTexts: LanguageTexts | null;
  /** The state of the details' translation in each language. */
  states: Partial<Record<Locale, TranslationState>>;
  lessons: Array<{ key: string; title: string }>;
}

export async function detailsPage(
  scope: AuthorScope,
  courseKey: string,
  wanted: string | null,
  reader: Locale,
): Promise<DetailsPage | null> {
  const draft = await readDraft(scope, courseKey);
  if (!draft) return null;
  const read = readDraftModel(draft.files);
  const base = { key: draft.courseKey, revision: draft.revision, sourceLocale: draft.sourceLocale };
  if (!read.ok) {
    const empty = { title: "", summary: "", objectives: [] };
    return {
      ...base,
      lang: draft.sourceLocale,
      title: draft.courseKey,
      unreadable: read.unreadable,
      model: null,
      texts: empty,
      sourceTexts: null,
      states: {},
      lessons: [],
    };
  }
  const { course } = read.model;
  const lang = isLocale(wanted) && course.languages.includes(wanted) ? wanted : draft.sourceLocale;
  const matrix = translationMatrix(draft.files, draft.sourceLocale, course.languages, draft.translations);
  return {
    ...base,
    lang,
    title: course.title[reader] ?? course.title[draft.sourceLocale] ?? draft.courseKey,
    unreadable: null,
    model: {
      languages: course.languages,
      level: course.level,
      minutes: course.minutes,
      competencies: course.competencies,
      recommendations: course.recommendations,
    },
    texts: languageTexts(read.model, lang),
    sourceTexts: lang === draft.sourceLocale ? null : languageTexts(read.model, draft.sourceLocale),
    states: matrix.find((row) => row.unit === "course")?.states ?? {},
    lessons: lessonTitles(read.model),
  };
}

export type CourseChange =
  | { kind: "details"; revision: number; locale: Locale; texts: LanguageTexts; settings: CourseSettings }
  | { kind: "addLesson"; revision: number; title: string }
  | { kind: "moveLesson"; revision: number; lesson: string; direction: "up" | "down" }
  | { kind: "removeLesson"; revision: number; lesson: string };

/** A text of a refused stale save: what the author sent and what is saved now. */
export interface StaleTextOf {
  label: MessageKey;
  mine: string;
  saved: string;
}

export type ChangeOutcome =
  | { ok: true; done: "saved" | "lessonAdded" | "lessonMoved" | "lessonRemoved" }
  | { ok: false; problem: "authoring.problem.stale"; texts: StaleTextOf[] }
  | {
      ok: false;
      problem:
        | "authoring.problem.notFound"
        | "authoring.details.lessonMissing"
        | "authoring.details.lastLesson"
        | "authoring.details.cannotMove"
        | "authoring.details.unreadableShort";
      field: string | null;
      status: number;
    };

function changed(
  model: DraftModel,
  change: CourseChange,
): { model: DraftModel } | Exclude<ChangeOutcome, { ok: true } | { problem: "authoring.problem.stale" }> {
  switch (change.kind) {
    case "details":
      return { model: applyDetails(model, change.locale, change.texts, change.settings) };
    case "addLesson":
      return { model: addLesson(model, change.title).model };
    case "moveLesson": {
      if (!model.course.lessons.includes(change.lesson))
        return { ok: false, problem: "authoring.details.lessonMissing", field: null, status: 409 };
      const moved = moveLesson(model, change.lesson, change.direction);
      return moved ? { model: moved } : { ok: false, problem: "authoring.details.cannotMove", field: null, status: 409 };
    }
    case "removeLesson": {
      const removed = removeLesson(model, change.lesson);
      return removed.ok ? { model: removed.model } : { ok: false, problem: removed.problem, field: null, status: 409 };
    }
  }
}

const done = { details: "saved", addLesson: "lessonAdded", moveLesson: "lessonMoved", removeLesson: "lessonRemoved" } as const;

/** What to show beside the author's own text when their save came too late. */
function staleTexts(latest: DraftModel | null, change: CourseChange): StaleTextOf[] {
  if (!latest) return [];
  if (change.kind === "details") {
    const saved = languageTexts(latest, change.locale);
    return [
      { label: "authoring.details.title", mine: change.texts.title, saved: saved.title },
      { label: "authoring.details.summary", mine: change.texts.summary, saved: saved.summary },
      { label: "authoring.details.objectives", mine: change.texts.objectives.join("\n"), saved: saved.objectives.join("\n") },
    ];
  }
  if (change.kind === "addLesson") {
    const titles = lessonTitles(latest).map((lesson) => lesson.title);
    return [{ label: "authoring.details.lessons", mine: [...titles, change.title].join("\n"), saved: titles.join("\n") }];
  }
  return [];
}

/** Applies one change of the details page to the draft and saves it on the change's revision. */
export async function saveCourseChange(scope: AuthorScope, draft: Draft, change: CourseChange): Promise<ChangeOutcome> {
  const read = readDraftModel(draft.files);
  if (!read.ok) return { ok: false, problem: "authoring.details.unreadableShort", field: null, status: 409 };
  const next = changed(read.model, change);
  if (!("model" in next)) return next;
  const outcome = await saveDraft(scope, draft.courseKey, change.revision, modelChanges(draft.files, next.model));
  if (outcome.ok) return { ok: true, done: done[change.kind] };
  if (outcome.problem === "authoring.problem.notFound") return { ok: false, problem: outcome.problem, field: null, status: 404 };
  const latestFiles = new Map(draft.files);
  for (const [path, bytes] of outcome.current) {
    if (bytes === null) latestFiles.delete(path);
    else latestFiles.set(path, bytes);
  }
  const latest = readDraftModel(latestFiles);
  return { ok: false, problem: outcome.problem, texts: staleTexts(latest.ok ? latest.model : null, change) };
}
