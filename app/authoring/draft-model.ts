/**
 * A draft's files as the structured course the editors change, and back (decision 030). Files are
 * read with the course format's schemas and written by the one canonical writer
 * (app/courses/course-writer.ts), so every save leaves the draft in the `courses/` format. While
 * drafting, a quiz may have no question yet; the checker refuses that at publish.
 */
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { activitiesFileSchema } from "~/activities/format.ts";
import { courseFolderFiles, lessonFolderName, type CourseFolderInput, type LessonFolderInput } from "~/courses/course-writer.ts";
import {
  courseFileSchema,
  lessonFrontMatterSchema,
  questionSchema,
  quizFileSchema,
  RESERVED_LESSON_KEYS,
} from "~/courses/format.ts";
import { splitFrontMatter } from "~/courses/markdown.server.ts";
import { locales, type Locale } from "~/i18n/locales.ts";
import type { Competency, Level } from "~/courses/competencies.ts";
import { slugOf } from "~/courses/search-text.ts";
import type { DraftFiles } from "./translations.ts";

export type DraftModel = CourseFolderInput;

/** The quiz file while drafting: the same fields, the pool possibly still empty. */
const draftQuizSchema = quizFileSchema.extend({ questions: z.array(questionSchema) });

const decoder = new TextDecoder();

function yamlOf(files: DraftFiles, path: string): unknown {
  const bytes = files.get(path);
  if (!bytes) return undefined;
  try {
    return parseYaml(decoder.decode(bytes));
  } catch {
    return undefined;
  }
}

export type ReadModel = { ok: true; model: DraftModel } | { ok: false; unreadable: string[] };

/**
 * The draft as structured data, or the files that do not read as the format says (only a draft
 * whose files came from outside the editors, such as an imported zip, can have any).
 */
export function readDraftModel(files: DraftFiles): ReadModel {
  const unreadable: string[] = [];
  const course = courseFileSchema.safeParse(yamlOf(files, "course.yaml"));
  if (!course.success) unreadable.push("course.yaml");
  const quiz = draftQuizSchema.safeParse(yamlOf(files, "quiz.yaml"));
  if (!quiz.success) unreadable.push("quiz.yaml");
  if (!course.success || !quiz.success) return { ok: false, unreadable };
  const lessons: LessonFolderInput[] = course.data.lessons.map((key, position) => {
    const folder = lessonFolderName(position, key);
    const lesson: LessonFolderInput = { key, translations: {}, activities: [], images: [] };
    for (const locale of locales) {
      const bytes = files.get(`${folder}/${locale}.md`);
      if (!bytes) continue;
      const split = splitFrontMatter(decoder.decode(bytes));
      const frontMatter = split.frontMatter === null ? null : lessonFrontMatterSchema.safeParse(safeYaml(split.frontMatter));
      if (!frontMatter?.success) unreadable.push(`${folder}/${locale}.md`);
      else lesson.translations[locale] = { frontMatter: frontMatter.data, body: split.body };
    }
    if (files.has(`${folder}/activities.yaml`)) {
      const activities = activitiesFileSchema.safeParse(yamlOf(files, `${folder}/activities.yaml`));
      if (activities.success) lesson.activities = activities.data.activities;
      else unreadable.push(`${folder}/activities.yaml`);
    }
    const ownFiles = new Set([...locales.map((locale) => `${locale}.md`), "activities.yaml"]);
    for (const [path, bytes] of files) {
      const name = path.slice(folder.length + 1);
      if (path.startsWith(`${folder}/`) && !name.includes("/") && !ownFiles.has(name)) lesson.images.push({ name, bytes });
    }
    return lesson;
  });
  if (unreadable.length > 0) return { ok: false, unreadable };
  return { ok: true, model: { course: course.data, quiz: quiz.data, lessons } };
}

function safeYaml(text: string): unknown {
  try {
    return parseYaml(text);
  } catch {
    return undefined;
  }
}

/** The files to write (and, as null, to delete) to turn `before` into the model's files. */
export function modelChanges(before: DraftFiles, model: DraftModel): Map<string, Uint8Array | null> {
  const after = courseFolderFiles(model);
  const changes = new Map<string, Uint8Array | null>();
  for (const path of before.keys()) if (!after.has(path)) changes.set(path, null);
  for (const [path, bytes] of after) {
    const previous = before.get(path);
    if (!previous || Buffer.compare(Buffer.from(previous), Buffer.from(bytes)) !== 0) changes.set(path, bytes);
  }
  return changes;
}

export interface NewCourse {
  key: string;
  sourceLocale: Locale;
  title: string;
  summary: string;
  level: Level;
  minutes: number;
  competencies: Competency[];
  firstLessonTitle: string;
}

/** A new course's first draft: its details and one empty lesson in the source language, no question yet. */
export function newCourseModel(input: NewCourse): DraftModel {
  const lessonKey = lessonKeyFor(input.firstLessonTitle);
  return {
    course: {
      key: input.key,
      sourceLocale: input.sourceLocale,
      languages: [input.sourceLocale],
      level: input.level,
      minutes: input.minutes,
      competencies: input.competencies,
      recommendations: [],
      title: { [input.sourceLocale]: input.title },
      summary: { [input.sourceLocale]: input.summary },
      objectives: {},
      lessons: [lessonKey],
    },
    quiz: { settings: { passMark: 70, cooldownMinutes: 0, draw: 5, mode: "exam" }, questions: [] },
    lessons: [
      {
        key: lessonKey,
        translations: { [input.sourceLocale]: { frontMatter: { title: input.firstLessonTitle, minutes: 10 }, body: "" } },
        activities: [],
        images: [],
      },
    ],
  };
}

/** A lesson key from a title: lower-case words joined by "-", never a word the learner's URLs use. */
export function lessonKeyFor(title: string, taken: readonly string[] = []): string {
  const base = slugOf(title, 40) || "leccion";
  const free = (key: string) => !taken.includes(key) && !RESERVED_LESSON_KEYS.includes(key);
  if (free(base)) return base;
  for (let suffix = 2; ; suffix += 1) if (free(`${base}-${suffix}`)) return `${base}-${suffix}`;
}
