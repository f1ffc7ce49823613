/**
 * The course file format (docs/course-format.md) as zod schemas. Unknown fields are errors,
 * so a typo never silently drops content.
 */
import { z } from "zod";
import { locales } from "~/i18n/locales.ts";
import { competencies, levels } from "./competencies.ts";

export const KEY_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const key = z.string().regex(KEY_PATTERN, "must be lowercase kebab-case (a-z, 0-9, -)");
const text = z.string().trim().min(1, "must not be empty");
const localeEnum = z.enum(locales);

/** A text per language; which languages are required is checked against `languages`. */
export const localizedText = z.partialRecord(localeEnum, text);
export type LocalizedText = z.infer<typeof localizedText>;
const localizedList = z.partialRecord(localeEnum, z.array(text).min(1));

export const courseFileSchema = z.strictObject({
  key,
  sourceLocale: localeEnum,
  languages: z.array(localeEnum).min(1),
  level: z.enum(levels),
  minutes: z.number().int().positive().max(6000),
  competencies: z.array(z.enum(competencies)).min(1),
  recommendations: z.array(z.number().int().min(1).max(10)).default([]),
  title: localizedText,
  summary: localizedText,
  objectives: localizedList,
  lessons: z.array(key).min(1),
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
  correct: z.array(key).min(1),
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
