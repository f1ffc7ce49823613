/**
 * The lesson editor (/author/<course>/lessons/<lesson>): one language of a lesson's Markdown at a
 * time, saved through the draft model (decision 030); a preview rendered by the learner pages'
 * own pipeline; images added to the lesson's folder after a check of their content.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";
import { svgErrors } from "~/cities/branding.server.ts";
import { sha256Hex } from "~/cities/stored-files.server.ts";
import type { Problem } from "~/courses/checker.server.ts";
import { lessonFolderName, normalizeLessonBody, type LessonFolderInput } from "~/courses/course-writer.ts";
import { joinLessonParts, splitLessonParts } from "~/courses/lesson-parts.ts";
import { markdownReferences, renderLessonBody, splitFrontMatter } from "~/courses/markdown.server.ts";
import { problemText } from "~/courses/problems.ts";
import type { UploadedFileInfo } from "~/forms/limits.ts";
import type { Locale } from "~/i18n/locales.ts";
import { translatorFor, type MessageKey } from "~/i18n/translate.ts";
import { sanitiseSvg } from "~/security/svg-sanitiser.server.ts";
import { readDraftModel, modelChanges, type DraftModel } from "./draft-model.ts";
import { readDraft, saveDraft, type AuthorScope, type Draft, type SaveOutcome } from "./drafts.server.ts";
import { checkFiles } from "./publish.server.ts";
import {
  languagesReferencing,
  imageFileName,
  withImageParagraph,
  type LessonImageKind,
  type LessonText,
} from "./lesson-editor.ts";

/** A lesson body as the editor shows it: as the canonical writer keeps it, without leading blank lines. */
export const editedBody = (body: string): string => normalizeLessonBody(body);

export interface LessonEditing {
  draft: Draft;
  model: DraftModel;
  lesson: LessonFolderInput;
  /** The lesson's folder in the draft ("01-intro"). */
  folder: string;
}

/** One of the author's lessons with its draft, or null (not the author's city's course, no such lesson, unreadable files). */
export async function lessonForEditing(
  scope: Pick<AuthorScope, "cityId">,
  courseKey: string,
  lessonKey: string,
): Promise<LessonEditing | null> {
  const draft = await readDraft(scope, courseKey);
  if (!draft) return null;
  return lessonOf(draft, lessonKey);
}

function lessonOf(draft: Draft, lessonKey: string): LessonEditing | null {
  const read = readDraftModel(draft.files);
  if (!read.ok) return null;
  const position = read.model.lessons.findIndex((lesson) => lesson.key === lessonKey);
  if (position < 0) return null;
  return { draft, model: read.model, lesson: read.model.lessons[position]!, folder: lessonFolderName(position, lessonKey) };
}

/**
 * The lesson body as the learner page would show it: rendered and sanitised by `renderLessonBody`
 * and stored as `joinLessonParts` stores it (as the version writer does), its images the draft's
 * files served from the file store by hash (nothing is stored for a preview), each practice
 * activity a box naming it at its place. The result is sanitised HTML only.
 */
export function lessonPreviewHtml(files: Draft["files"], folder: string, body: string, locale: Locale): string {
  const resolve = (relativePath: string) => {
    const bytes = files.get(`${folder}/${path.posix.normalize(relativePath)}`);
    return bytes && !relativePath.endsWith(".md") && !relativePath.endsWith(".yaml") ? `/files/${sha256Hex(bytes)}` : null;
  };
  const stored = joinLessonParts(renderLessonBody(body, resolve, locale));
  const { parts, slots } = splitLessonParts(stored.html, stored.slots);
  const t = translatorFor(locale);
  return parts
    .map((html, index) => {
      const part = `<div class="prose-lesson">${html}</div>`;
      const slot = slots[index];
      if (slot === undefined) return part;
      const label = escapeHtml(t("authoring.lesson.preview.activity", { key: slot }));
      return `${part}<div class="my-4 rounded border-2 border-dashed border-slate-500 bg-slate-50 p-4 text-slate-800"><p>${label}</p></div>`;
    })
    .join("");
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export interface LessonProblem {
  /** The line of the lesson text (the body the editor shows, without the front matter). */
  line: number;
  text: string;
  severity: Problem["severity"];
}

/**
 * The checker's problems in one language's file of this lesson (the file shown as
 * "<course>/<folder>/<lang>.md"), in the reader's language, each at its line of the body.
 */
export function lessonProblems(editing: LessonEditing, locale: Locale, reader: Locale): LessonProblem[] {
  const relative = `${editing.folder}/${locale}.md`;
  const bytes = editing.draft.files.get(relative);
  const split = bytes ? splitFrontMatter(new TextDecoder().decode(bytes)) : null;
  // The editor shows the body without the blank lines the writer puts after the front matter.
  const firstLine = split ? split.bodyLine + (split.body.match(/^(?:[ \t]*\n)*/)?.[0].split("\n").length ?? 1) - 1 : 1;
  return checkFiles(editing.draft.courseKey, editing.draft.files)
    .problems.filter((problem) => problem.file === `${editing.draft.courseKey}/${relative}`)
    .map((problem) => ({
      line: Math.max(1, problem.line - firstLine + 1),
      text: problemText(problem, reader),
      severity: problem.severity,
    }));
}

export type LessonSaveOutcome = SaveOutcome | { ok: false; problem: "authoring.lesson.error.language" };

/** Saves one language's title, minutes and body, if the draft is still at the form's revision. */
export async function saveLessonText(
  scope: AuthorScope,
  courseKey: string,
  lessonKey: string,
  input: LessonText,
): Promise<LessonSaveOutcome> {
  const editing = await lessonForEditing(scope, courseKey, lessonKey);
  if (!editing) return { ok: false, problem: "authoring.problem.notFound" };
  if (!editing.model.course.languages.includes(input.lang)) return { ok: false, problem: "authoring.lesson.error.language" };
  editing.lesson.translations[input.lang] = { frontMatter: { title: input.title, minutes: input.minutes }, body: input.body };
  return saveDraft(scope, courseKey, input.revision, modelChanges(editing.draft.files, editing.model));
}

export type LessonImageCheck = { ok: true; bytes: Uint8Array; kind: LessonImageKind } | { ok: false; error: MessageKey };

const imageKinds: Record<string, LessonImageKind> = { "image/png": "png", "image/jpeg": "jpeg", "image/webp": "webp" };

/**
 * An uploaded lesson image read by its content: a PNG, JPEG or WebP by `file-type`'s reading (the
 * kind its name claimed must be the kind it is); an SVG through the one sanitiser, refused when it
 * held a script, stored as the sanitiser cleaned it.
 */
export async function checkLessonImage(file: UploadedFileInfo): Promise<LessonImageCheck> {
  const bytes = new Uint8Array(await readFile(file.path));
  if (file.kind === "svg") {
    const result = sanitiseSvg(bytes);
    if (!result.ok) return { ok: false, error: svgErrors[result.reason] };
    if (result.removedScripts) return { ok: false, error: "authoring.lesson.error.svgScript" };
    return { ok: true, bytes: new TextEncoder().encode(result.svg), kind: "svg" };
  }
  const kind = imageKinds[(await fileTypeFromBuffer(bytes))?.mime ?? ""];
  return kind && kind === file.kind ? { ok: true, bytes, kind } : { ok: false, error: "authoring.lesson.error.imageType" };
}

/**
 * Adds a checked image to the lesson's folder and a paragraph showing it, with that language's
 * alt text, at the end of each language's Markdown.
 */
export async function addLessonImage(
  scope: AuthorScope,
  courseKey: string,
  lessonKey: string,
  input: {
    revision: number;
    uploadName: string;
    image: { bytes: Uint8Array; kind: LessonImageKind };
    alts: Partial<Record<Locale, string>>;
  },
): Promise<{ ok: true; name: string; revision: number } | Exclude<SaveOutcome, { ok: true }>> {
  const editing = await lessonForEditing(scope, courseKey, lessonKey);
  if (!editing) return { ok: false, problem: "authoring.problem.notFound" };
  const taken = [...editing.draft.files.keys()]
    .filter((file) => file.startsWith(`${editing.folder}/`))
    .map((file) => file.slice(editing.folder.length + 1));
  const name = imageFileName(input.uploadName, input.image.kind, taken);
  editing.lesson.images.push({ name, bytes: input.image.bytes });
  for (const [locale, translation] of Object.entries(editing.lesson.translations)) {
    const alt = input.alts[locale as Locale];
    if (translation && alt) translation.body = withImageParagraph(translation.body, alt, name);
  }
  const saved = await saveDraft(scope, courseKey, input.revision, modelChanges(editing.draft.files, editing.model));
  return saved.ok ? { ok: true, name, revision: saved.revision } : saved;
}

/** The languages whose Markdown still shows an image of the lesson. */
export function imageUsedIn(lesson: LessonFolderInput, name: string): Locale[] {
  const references = Object.fromEntries(
    Object.entries(lesson.translations).map(([locale, translation]) => [
      locale,
      markdownReferences(translation?.body ?? "").filter((reference) => reference.kind === "image"),
    ]),
  );
  return languagesReferencing(references, name);
}

export type RemoveImageOutcome =
  | SaveOutcome
  | { ok: false; problem: "authoring.lesson.error.imageInUse"; languages: Locale[] }
  | { ok: false; problem: "authoring.lesson.error.noSuchImage" };

/** Removes an image from the lesson's folder; refused while a language's Markdown still shows it. */
export async function removeLessonImage(
  scope: AuthorScope,
  courseKey: string,
  lessonKey: string,
  revision: number,
  name: string,
): Promise<RemoveImageOutcome> {
  const editing = await lessonForEditing(scope, courseKey, lessonKey);
  if (!editing) return { ok: false, problem: "authoring.problem.notFound" };
  const index = editing.lesson.images.findIndex((image) => image.name === name);
  if (index < 0) return { ok: false, problem: "authoring.lesson.error.noSuchImage" };
  const languages = imageUsedIn(editing.lesson, name);
  if (languages.length > 0) return { ok: false, problem: "authoring.lesson.error.imageInUse", languages };
  editing.lesson.images.splice(index, 1);
  return saveDraft(scope, courseKey, revision, modelChanges(editing.draft.files, editing.model));
}
