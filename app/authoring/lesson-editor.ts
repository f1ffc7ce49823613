/**
 * The lesson editor's rules that need no database: what a lesson form may hold, the file name an
 * uploaded image gets, the paragraph that places it, and which languages still show an image.
 */
import { z } from "zod";
import { slugOf } from "~/courses/search-text.ts";
import { locales, type Locale } from "~/i18n/locales.ts";

/** The largest lesson body the editor saves (UTF-8 bytes of the Markdown), per language. */
export const LESSON_BODY_MAX_BYTES = 200 * 1024;
/** The largest image a lesson takes. */
export const LESSON_IMAGE_MAX_BYTES = 1024 * 1024;
export const LESSON_MINUTES_MAX = 600;

export const lessonLocale = z.enum(locales);

/** The text of one language of a lesson, as the form posts it (save and preview). */
export const lessonTextSchema = z.object({
  intent: z.enum(["save", "preview"]),
  revision: z.coerce.number().int().min(0),
  lang: lessonLocale,
  title: z.string().trim().min(1, "authoring.lesson.error.titleRequired").max(200, "authoring.lesson.error.titleTooLong"),
  minutes: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, "authoring.lesson.error.minutes")
    .transform(Number)
    .refine((value) => value >= 1 && value <= LESSON_MINUTES_MAX, "authoring.lesson.error.minutes"),
  body: z
    .string()
    .refine((value) => new TextEncoder().encode(value).byteLength <= LESSON_BODY_MAX_BYTES, "authoring.lesson.error.bodyTooLong")
    .transform((value) => value.replace(/\r\n?/g, "\n")),
});
export type LessonText = z.infer<typeof lessonTextSchema>;

const extensions = { png: ".png", jpeg: ".jpg", webp: ".webp", svg: ".svg" } as const;
export type LessonImageKind = keyof typeof extensions;

/**
 * A plain, safe file name for an upload: its base name folded to lower-case letters, digits and
 * "-", the extension of the kind its content is (never the one it was sent with), and a number
 * added when the lesson already has a file of that name.
 */
export function imageFileName(uploadName: string, kind: LessonImageKind, taken: readonly string[]): string {
  const base = uploadName.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "");
  const stem = slugOf(base, 60) || "imagen";
  const name = (suffix: string) => `${stem}${suffix}${extensions[kind]}`;
  if (!taken.includes(name(""))) return name("");
  for (let number = 2; ; number += 1) if (!taken.includes(name(`-${number}`))) return name(`-${number}`);
}

/** Alt text as Markdown image text: brackets and backslashes escaped, one line. */
function altText(alt: string): string {
  return alt
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\[\]]/g, (character) => `\\${character}`);
}

/** The body with a paragraph showing the image appended (the author moves it where it belongs). */
export function withImageParagraph(body: string, alt: string, fileName: string): string {
  const trimmed = body.replace(/\s+$/, "");
  return `${trimmed}${trimmed ? "\n\n" : ""}![${altText(alt)}](${fileName})\n`;
}

/** Whether an image reference of a body (its URL as written) points at this file of the lesson folder. */
export function pointsAt(url: string, fileName: string): boolean {
  const path = url.split(/[?#]/)[0] ?? "";
  return path.replace(/^\.\//, "") === fileName;
}

/** The languages whose text still references the file. */
export function languagesReferencing(
  references: Partial<Record<Locale, readonly { kind: string; url: string }[]>>,
  fileName: string,
): Locale[] {
  return locales.filter((locale) => (references[locale] ?? []).some((reference) => pointsAt(reference.url, fileName)));
}
