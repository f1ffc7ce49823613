/**
 * The forms of the authoring home and the course details page, as zod schemas whose messages are
 * i18n keys (app/forms/parse-form.ts). Limits match the course format's (app/courses/format.ts).
 * No server code here: the pages' components read the field lists.
 */
import { z } from "zod";
import { competencies, levels } from "~/courses/competencies.ts";
import { locales, type Locale } from "~/i18n/locales.ts";

/**
 * The recommendations of the UCCI "Call to Action" (2024) a course can serve, by number; the
 * document has nine (the format accepts up to 10), each named in the catalogues by
 * `authoring.details.recommendation.<n>`.
 */
export const recommendationNumbers = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/** Objectives typed one per line, blank lines left out. */
export function objectivesFromLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

const titleText = z.string().trim().min(3, "authoring.home.error.title").max(120, "authoring.home.error.title");
const summaryText = z.string().trim().min(3, "authoring.home.error.summary").max(600, "authoring.home.error.summary");
const lessonTitle = z.string().trim().min(3, "authoring.home.error.lessonTitle").max(120, "authoring.home.error.lessonTitle");
const minutes = z.coerce
  .number({ error: "authoring.home.error.minutes" })
  .int("authoring.home.error.minutes")
  .min(1, "authoring.home.error.minutes")
  .max(6000, "authoring.home.error.minutes");
const level = z.enum(levels, "validation.choice");
const competencyList = z.array(z.enum(competencies, "validation.choice")).min(1, "validation.choiceRequired");
const locale = z.enum(locales, "validation.language");
const revision = z.coerce.number().int().min(0);

/** The fields of the new-course form, in the order it shows them. */
export const newCourseFields = ["title", "summary", "sourceLocale", "level", "minutes", "competencies", "firstLesson"] as const;

export const newCourseSchema = z.object({
  title: titleText,
  summary: summaryText,
  sourceLocale: locale,
  level,
  minutes,
  competencies: competencyList,
  firstLesson: lessonTitle,
});

/**
 * The details of one language and the course's settings. In the source language the title and
 * summary are required; in a translation an empty text leaves that language's text missing.
 */
export function detailsSchema(sourceLocale: Locale) {
  const optional = (schema: z.ZodString) => z.union([z.literal(""), schema]);
  return z
    .object({
      revision,
      lang: locale,
      title: z.string().trim(),
      summary: z.string().trim(),
      objectives: z.string().max(6000, "authoring.home.error.summary").transform(objectivesFromLines),
      level,
      minutes,
      competencies: competencyList,
      recommendations: z.array(
        z.coerce.number().pipe(
          z.union(
            recommendationNumbers.map((n) => z.literal(n)),
            "validation.choice",
          ),
        ),
      ),
      languages: z.array(locale),
    })
    .superRefine((value, context) => {
      const inSource = value.lang === sourceLocale;
      const title = inSource ? titleText : optional(titleText);
      const summary = inSource ? summaryText : optional(summaryText);
      for (const [field, schema] of [
        ["title", title],
        ["summary", summary],
      ] as const) {
        const checked = schema.safeParse(value[field]);
        if (!checked.success) context.addIssue({ code: "custom", path: [field], message: checked.error.issues[0]!.message });
      }
    });
}

/** The fields of the details form, in the order it shows them. */
export const detailsFields = [
  "title",
  "summary",
  "objectives",
  "level",
  "minutes",
  "competencies",
  "recommendations",
  "languages",
] as const;

export const addLessonSchema = z.object({ revision, lessonTitle });
export const lessonActionSchema = z.object({
  revision,
  lesson: z.string().min(1).max(100),
  direction: z.enum(["up", "down"]).optional(),
});
