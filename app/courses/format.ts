/**
 * The course file format (docs/course-format.md) as zod schemas. Unknown fields are errors,
 * so a typo never silently drops content.
 */
import { z } from "zod";
import { locales } from "~/i18n/locales.ts";
import { CITY_SLUG_PATTERN } from "~/cities/slug.ts";
import { competencies, levels } from "./competencies.ts";

export const KEY_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const key = z.string().regex(KEY_PATTERN, "must be lowercase kebab-case (a-z, 0-9, -)");

/**
 * A course key: the curriculum's are kebab-case with no dot ("ai-fundamentals"); a city's own
 * courses are "<city-slug>.<name>" ("madrid.ia-en-tramites"), so the two can never collide.
 */
export const COURSE_KEY_PATTERN = new RegExp(`^(?:${CITY_SLUG_PATTERN.source.slice(1, -1)}\\.)?${KEY_PATTERN.source.slice(1, -1)}$`);
const courseKey = z.string().regex(COURSE_KEY_PATTERN, "must be lowercase kebab-case (a-z, 0-9, -), after a city's slug and a dot for a city's course");

/** The key of a city's own course. */
export function cityCourseKey(citySlug: string, name: string): string {
  const joined = `${citySlug}.${name}`;
  if (!CITY_SLUG_PATTERN.test(citySlug) || !KEY_PATTERN.test(name)) throw new Error(`not a city course key: ${joined}`);
  return joined;
}

/** A course key without its city's prefix: "madrid.ia-en-tramites" → "ia-en-tramites"; a network key as it is. */
export function courseKeyName(key: string): string {
  return key.includes(".") ? key.slice(key.indexOf(".") + 1) : key;
}

/** Whether a course key is one of this city's own courses. */
export function isCityCourseKey(key: string, citySlug: string): boolean {
  return CITY_SLUG_PATTERN.test(citySlug) && key.startsWith(`${citySlug}.`) && KEY_PATTERN.test(key.slice(citySlug.length + 1));
}

/**
 * Words that follow /learn/<course>/ in the app's addresses (app/routes/learn.$course.*): a lesson
 * with one of these keys could never be reached.
 */
export const RESERVED_LESSON_KEYS: readonly string[] = ["quiz"];
const lessonKey = key.refine((value) => !RESERVED_LESSON_KEYS.includes(value), "checker.reservedLessonKey");
const text = z.string().trim().min(1, "must not be empty");
const localeEnum = z.enum(locales);

/** A text per language; which languages are required is checked against `languages`. */
export const localizedText = z.partialRecord(localeEnum, text);
export type LocalizedText = z.infer<typeof localizedText>;
const localizedList = z.partialRecord(localeEnum, z.array(text).min(1));

export const courseFileSchema = z.strictObject({
  key: courseKey,
  sourceLocale: localeEnum,
  languages: z.array(localeEnum).min(1),
  level: z.enum(levels),
  minutes: z.number().int().positive().max(6000),
  competencies: z.array(z.enum(competencies)).min(1),
  recommendations: z.array(z.number().int().min(1).max(10)).default([]),
  title: localizedText,
  summary: localizedText,
  objectives: localizedList,
  lessons: z.array(lessonKey).min(1),
});
export type CourseFile = z.infer<typeof courseFileSchema>;

/** Most options a choice question has (the quiz form reads at most this many answers). */
export const MAX_OPTIONS = 8;
const optionSchema = z.strictObject({ key, text: localizedText });

const choiceQuestion = z.strictObject({
  key,
  type: z.enum(["single", "multiple"]),
  text: localizedText,
  options: z.array(optionSchema).min(2).max(MAX_OPTIONS),
  // At least one: a rule of the checker (checker.questionWithoutCorrect), so a draft can hold a question still being written.
  correct: z.array(key),
  explanation: localizedText,
});

const trueFalseQuestion = z.strictObject({
  key,
  type: z.literal("true-false"),
  text: localizedText,
  answer: z.boolean(),
  explanation: localizedText,
});

export const questionSchema = z.discriminatedUnion("type", [choiceQuestion, trueFalseQuestion]);
export type QuestionFile = z.infer<typeof questionSchema>;

export const quizSettingsSchema = z.strictObject({
  passMark: z.number().int().min(1).max(100),
  attemptLimit: z.number().int().positive().optional(),
  cooldownMinutes: z.number().int().min(0).default(0),
  timeLimitMinutes: z.number().int().positive().optional(),
  draw: z.number().int().positive(),
  mode: z.enum(["exam", "practice"]),
});

export const quizFileSchema = z.strictObject({
  settings: quizSettingsSchema,
  questions: z.array(questionSchema).min(1),
});
export type QuizFile = z.infer<typeof quizFileSchema>;

export const lessonFrontMatterSchema = z.strictObject({
  title: text,
  minutes: z.number().int().positive().max(600),
});
export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;

/** The options of a question as the quiz shows them (true/false has two fixed ones). */
export function optionKeys(question: QuestionFile): string[] {
  return question.type === "true-false" ? ["true", "false"] : question.options.map((option) => option.key);
}

export function correctKeys(question: QuestionFile): string[] {
  return question.type === "true-false" ? [String(question.answer)] : question.correct;
}
