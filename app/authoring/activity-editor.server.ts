/**
 * The practice activities editor (decision 016, docs/course-format.md "activities.yaml") over the
 * draft model (decision 030): a posted form becomes one activity in one language, and the lesson's
 * activities are added, replaced, moved and removed with their `{{activity: key}}` markers in
 * every language's Markdown. Keys are generated once and never typed: learners' saved answers
 * follow them. The checker (app/courses/checker.server.ts) stays the one judge of a lesson's
 * activities; this module only refuses what cannot be written at all (an empty source text, more
 * parts than the format takes).
 */
import { ACTIVITY_KINDS, activityParts, type ActivityFile, type ActivityKind } from "~/activities/format.ts";
import type { LocalizedText } from "~/courses/format.ts";
import { activityMarkers, markdownHeadings } from "~/courses/markdown.server.ts";
import { problemText, type Problem } from "~/courses/problems.ts";
import type { LessonFolderInput } from "~/courses/course-writer.ts";
import type { Locale } from "~/i18n/locales.ts";
import type { MessageKey } from "~/i18n/translate.ts";
import { lessonKeyFor, type DraftModel } from "./draft-model.ts";
import { CATEGORY_LIMITS, field, MAX_PARTS, PART_LIMITS, type EditorView, type ShownProblem } from "./activity-fields.ts";

export { ACTIVITY_KINDS };
export type { EditorView, ShownProblem };

/** Whether a kind's parts carry feedback, and what their flag means (choice: correct; spot: a problem). */
export const hasFeedback = (kind: ActivityKind) => kind !== "order";
export const hasFlag = (kind: ActivityKind) => kind === "choice" || kind === "spot";

export interface PartInput {
  key: string;
  text: string;
  feedback: string;
  flag: boolean;
  /** sort: the index of the item's category row. */
  category: string;
}

export interface ActivityInput {
  prompt: string;
  explanation: string;
  multiple: boolean;
  parts: PartInput[];
  categories: Array<{ key: string; text: string }>;
}

/** The flat posted fields as one activity's input (absent fields are blank). */
export function activityInput(values: Readonly<Record<string, string | undefined>>): ActivityInput {
  const value = (name: string) => values[name] ?? "";
  return {
    prompt: value("prompt"),
    explanation: value("explanation"),
    multiple: values.multiple === "on",
    parts: Array.from({ length: MAX_PARTS }, (_, index) => ({
      key: value(field.part(index, "key")),
      text: value(field.part(index, "text")),
      feedback: value(field.part(index, "feedback")),
      flag: values[field.part(index, "flag")] === "on",
      category: value(field.part(index, "category")),
    })),
    categories: Array.from({ length: CATEGORY_LIMITS.max }, (_, index) => ({
      key: value(field.category(index, "key")),
      text: value(field.category(index, "text")),
    })),
  };
}

export type FormErrors = Record<string, MessageKey>;
export type Applied = { ok: true; activity: ActivityFile } | { ok: false; errors: FormErrors };

function withText(current: LocalizedText | undefined, locale: Locale, text: string): LocalizedText {
  const next: LocalizedText = { ...current };
  const trimmed = text.trim();
  if (trimmed === "") delete next[locale];
  else next[locale] = trimmed;
  return next;
}

/** A new key from a text, unique among `taken` (which it extends). */
function newKey(text: string, taken: Set<string>): string {
  const key = lessonKeyFor(text, [...taken]);
  taken.add(key);
  return key;
}

interface ApplyArgs {
  kind: ActivityKind;
  /** The activity being edited; null adds a new one (only in the source language). */
  existing: ActivityFile | null;
  locale: Locale;
  sourceLocale: Locale;
  input: ActivityInput;
  /** Activity keys already used in the course. */
  courseKeys: readonly string[];
}

/**
 * The activity as the form leaves it. In the source language the form also sets the structure:
 * blank rows are dropped, new rows get keys, and flags and categories are read; an empty text is
 * refused. In a translation only that language's texts change, and a blank one is missing.
 */
export function applyActivityForm({ kind, existing, locale, sourceLocale, input, courseKeys }: ApplyArgs): Applied {
  if (existing && existing.kind !== kind) return { ok: false, errors: { kind: "authoring.activities.error.kind" } };
  if (locale !== sourceLocale) {
    if (!existing) return { ok: false, errors: { prompt: "authoring.activities.error.addInSource" } };
    return { ok: true, activity: translated(existing, locale, input) };
  }
  const errors: FormErrors = {};
  if (input.prompt.trim() === "") errors.prompt = "authoring.activities.error.emptyText";
  if (input.explanation.trim() === "") errors.explanation = "authoring.activities.error.emptyText";

  const oldParts = existing ? activityParts(existing) : [];
  const partKeys = new Set(oldParts.map((part) => part.key));
  const rows = input.parts
    .map((part, index) => ({ ...part, index }))
    .filter((part) => part.text.trim() !== "" || (hasFeedback(kind) && part.feedback.trim() !== ""));
  for (const row of rows)
    if (row.text.trim() === "") errors[field.part(row.index, "text")] = "authoring.activities.error.emptyText";
  const limit = PART_LIMITS[kind];
  if (rows.length < limit.min || rows.length > limit.max) errors.parts = `authoring.activities.error.${kind}Count`;

  const oldCategories = existing?.kind === "sort" ? existing.categories : [];
  const categoryKeys = new Set(oldCategories.map((category) => category.key));
  const categoryRows =
    kind === "sort"
      ? input.categories.map((category, index) => ({ ...category, index })).filter((category) => category.text.trim() !== "")
      : [];
  const categories = categoryRows.map((row) => {
    const old = oldCategories.find((category) => category.key === row.key);
    return { key: old?.key ?? newKey(row.text, categoryKeys), text: withText(old?.text, locale, row.text), index: row.index };
  });
  if (kind === "sort" && (categories.length < CATEGORY_LIMITS.min || categories.length > CATEGORY_LIMITS.max))
    errors.categories = "authoring.activities.error.categoryCount";

  const parts = rows.map((row) => {
    const old = oldParts.find((part) => part.key === row.key);
    const category = categories.find((entry) => String(entry.index) === row.category);
    if (kind === "sort" && !category) errors[field.part(row.index, "category")] = "authoring.activities.error.chooseCategory";
    return {
      key: old?.key ?? newKey(row.text, partKeys),
      text: withText(old?.text, locale, row.text),
      feedback: withText(old?.feedback, locale, row.feedback),
      flag: row.flag,
      category: category?.key ?? "",
    };
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const key = existing?.key ?? newKey(input.prompt, new Set(courseKeys));
  const prompt = withText(existing?.prompt, locale, input.prompt);
  const explanation = withText(existing?.explanation, locale, input.explanation);
  const base = { key, prompt, explanation };
  switch (kind) {
    case "choice":
      return {
        ok: true,
        activity: {
          ...base,
          kind,
          multiple: input.multiple,
          options: parts.map(({ key: k, flag, text, feedback }) => ({ key: k, correct: flag, text, feedback })),
        },
      };
    case "spot":
      return {
        ok: true,
        activity: {
          ...base,
          kind,
          sentences: parts.map(({ key: k, flag, text, feedback }) => ({ key: k, problem: flag, text, feedback })),
        },
      };
    case "sort":
      return {
        ok: true,
        activity: {
          ...base,
          kind,
          categories: categories.map(({ key: k, text }) => ({ key: k, text })),
          items: parts.map(({ key: k, category, text, feedback }) => ({ key: k, category, text, feedback })),
        },
      };
    case "order":
      return { ok: true, activity: { ...base, kind, steps: parts.map(({ key: k, text }) => ({ key: k, text })) } };
  }
}

type AnyPart = ReturnType<typeof activityParts>[number];

/** One language's texts replaced; the structure, and the other languages, as they were. */
function translated(activity: ActivityFile, locale: Locale, input: ActivityInput): ActivityFile {
  const part = <T extends AnyPart>(old: T, index: number): T => {
    const row = input.parts[index];
    const next = { ...old, text: withText(old.text, locale, row?.text ?? "") };
    return old.feedback ? { ...next, feedback: withText(old.feedback, locale, row?.feedback ?? "") } : next;
  };
  const base = {
    ...activity,
    prompt: withText(activity.prompt, locale, input.prompt),
    explanation: withText(activity.explanation, locale, input.explanation),
  };
  switch (base.kind) {
    case "choice":
      return { ...base, options: base.options.map(part) };
    case "spot":
      return { ...base, sentences: base.sentences.map(part) };
    case "sort":
      return {
        ...base,
        items: base.items.map(part),
        categories: base.categories.map((category, index) => ({
          ...category,
          text: withText(category.text, locale, input.categories[index]?.text ?? ""),
        })),
      };
    case "order":
      return { ...base, steps: base.steps.map(part) };
  }
}

/** The marker paragraph that places an activity. */
export const markerOf = (key: string) => `{{activity: ${key}}}`;

/** The body with the activity's marker appended as a paragraph at its end. */
export function appendMarker(body: string, key: string): string {
  const trimmed = body.replace(/\s+$/, "");
  return `${trimmed === "" ? "" : `${trimmed}\n\n`}${markerOf(key)}\n`;
}

/** The body without the activity's marker paragraphs. */
export function removeMarkers(body: string, key: string): string {
  const lines = new Set(
    activityMarkers(body)
      .markers.filter((marker) => marker.key === key)
      .map((marker) => marker.line),
  );
  if (lines.size === 0) return body;
  return body
    .split("\n")
    .filter((_, index) => !lines.has(index + 1))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/\n{2,}$/, "\n");
}

function lessonOf(model: DraftModel, lessonKey: string): LessonFolderInput {
  const lesson = model.lessons.find((entry) => entry.key === lessonKey);
  if (!lesson) throw new Error(`no lesson ${lessonKey}`);
  return lesson;
}

function eachBody(lesson: LessonFolderInput, change: (body: string) => string): void {
  for (const translation of Object.values(lesson.translations)) if (translation) translation.body = change(translation.body);
}

/** Every activity key of the course, in every lesson. */
export function courseActivityKeys(model: DraftModel): string[] {
  return model.lessons.flatMap((lesson) => lesson.activities.map((activity) => activity.key));
}

export type ActivityChange =
  | { op: "add"; activity: ActivityFile }
  | { op: "replace"; activity: ActivityFile }
  | { op: "remove"; key: string }
  | { op: "move"; key: string; by: -1 | 1 };

/** The model with one change to a lesson's activities (and their markers). False when it changes nothing. */
export function changeActivities(model: DraftModel, lessonKey: string, change: ActivityChange): boolean {
  const lesson = lessonOf(model, lessonKey);
  const index = lesson.activities.findIndex((activity) => activity.key === ("key" in change ? change.key : change.activity.key));
  switch (change.op) {
    case "add":
      lesson.activities.push(change.activity);
      eachBody(lesson, (body) => appendMarker(body, change.activity.key));
      return true;
    case "replace":
      if (index < 0) return false;
      lesson.activities[index] = change.activity;
      return true;
    case "remove":
      if (index < 0) return false;
      lesson.activities.splice(index, 1);
      eachBody(lesson, (body) => removeMarkers(body, change.key));
      return true;
    case "move": {
      const target = index + change.by;
      if (index < 0 || target < 0 || target >= lesson.activities.length) return false;
      const [moved] = lesson.activities.splice(index, 1);
      lesson.activities.splice(target, 0, moved!);
      return true;
    }
  }
}

export type Placement =
  { locale: Locale; state: "placed"; after: string | null } | { locale: Locale; state: "missing" | "twice" };

/** Where the activity stands in each language's Markdown: after which heading (null: before the first), or not placed. */
export function placements(lesson: LessonFolderInput, key: string, languages: readonly Locale[]): Placement[] {
  return languages.map((locale) => {
    const body = lesson.translations[locale]?.body;
    if (body === undefined) return { locale, state: "missing" };
    const found = activityMarkers(body).markers.filter((marker) => marker.key === key);
    if (found.length === 0) return { locale, state: "missing" };
    if (found.length > 1) return { locale, state: "twice" };
    const heading = markdownHeadings(body)[found[0]!.headingsBefore - 1];
    return { locale, state: "placed", after: heading?.text ?? null };
  });
}

const LIST_FIELDS = new Set(["options", "sentences", "items", "steps"]);

/** The form field a checker path inside one activity points at ("prompt", "parts", "part-2-feedback", ...). */
export function fieldOfPath(rest: readonly (string | number)[]): string {
  const [first, index, name] = rest;
  if (first === undefined || first === "key") return "activity";
  if (typeof first === "string" && LIST_FIELDS.has(first)) {
    if (typeof index === "number" && (name === "text" || name === "feedback" || name === "category"))
      return field.part(index, name);
    return "parts";
  }
  if (first === "categories") return typeof index === "number" && name === "text" ? field.category(index, "text") : "categories";
  return String(first);
}

export interface LessonProblems {
  /** By activity index: each problem with the field it belongs to. */
  byActivity: ShownProblem[][];
  /** The lesson's other problems about activities and markers, with their file and line. */
  general: Array<{ file: string; line: number; text: string; severity: Problem["severity"] }>;
}

const MARKER_CODES = new Set([
  "checker.markerNotOwnParagraph",
  "checker.markerUnknownActivity",
  "checker.activityPlacedTwice",
  "checker.activityMissingHere",
  "checker.activityElsewhere",
]);

/** The checker's problems about one lesson's activities.yaml and its markers, in the reader's language. */
export function lessonActivityProblems(
  problems: readonly Problem[],
  folder: string,
  count: number,
  reader: Locale,
): LessonProblems {
  const result: LessonProblems = { byActivity: Array.from({ length: count }, () => []), general: [] };
  for (const problem of problems) {
    const text = problemText(problem, reader);
    const inYaml = problem.file.endsWith(`/${folder}/activities.yaml`) || problem.file === `${folder}/activities.yaml`;
    const inMarkdown = new RegExp(`(^|/)${folder}/[a-z]{2}\\.md$`).test(problem.file) && MARKER_CODES.has(problem.code);
    if (!inYaml && !inMarkdown) continue;
    const [top, index, ...rest] = problem.path ?? [];
    if (inYaml && top === "activities" && typeof index === "number" && index < count)
      result.byActivity[index]!.push({ field: fieldOfPath(rest), text, severity: problem.severity });
    else result.general.push({ file: problem.file, line: problem.line, text, severity: problem.severity });
  }
  return result;
}

export const isActivityKind = (value: unknown): value is ActivityKind =>
  typeof value === "string" && (ACTIVITY_KINDS as readonly string[]).includes(value);

/** The form's values for an activity in one language (the structure's fields too: keys, flags, categories). */
export function formValuesOf(activity: ActivityFile, locale: Locale): Record<string, string> {
  const values: Record<string, string> = {
    prompt: activity.prompt[locale] ?? "",
    explanation: activity.explanation[locale] ?? "",
  };
  if (activity.kind === "choice" && activity.multiple) values.multiple = "on";
  const categories = activity.kind === "sort" ? activity.categories : [];
  categories.forEach((category, index) => {
    values[field.category(index, "key")] = category.key;
    values[field.category(index, "text")] = category.text[locale] ?? "";
  });
  activityParts(activity).forEach((part, index) => {
    values[field.part(index, "key")] = part.key;
    values[field.part(index, "text")] = part.text[locale] ?? "";
    if (part.feedback) values[field.part(index, "feedback")] = part.feedback[locale] ?? "";
    const flagged = "correct" in part ? part.correct : "problem" in part ? part.problem : false;
    if (flagged) values[field.part(index, "flag")] = "on";
    if ("category" in part)
      values[field.part(index, "category")] = String(categories.findIndex((category) => category.key === part.category));
  });
  return values;
}

/** What the editor shows for an activity (or a new one of a kind) in one language. */
export function editorView(kind: ActivityKind, activity: ActivityFile | null, locale: Locale, sourceLocale: Locale): EditorView {
  const inSource = locale === sourceLocale;
  const existingParts = activity ? activityParts(activity).length : 0;
  const existingCategories = activity?.kind === "sort" ? activity.categories.length : 0;
  return {
    kind,
    key: activity?.key ?? null,
    partCount: inSource ? PART_LIMITS[kind].max : existingParts,
    categoryCount: kind !== "sort" ? 0 : inSource ? CATEGORY_LIMITS.max : existingCategories,
    values: activity ? formValuesOf(activity, locale) : {},
    source: activity && !inSource ? formValuesOf(activity, sourceLocale) : null,
  };
}
