/** A course's title in a reader's language, from its current version (the source language when not translated). */
import { z } from "zod";
import { parseLocales, pickLocale, readLocalized } from "~/courses/localized.ts";
import type { Locale } from "~/i18n/locales.ts";

export const titledCourseSelect = {
  key: true,
  sourceLocale: true,
  currentVersion: { select: { title: true, languages: true } },
} as const;

interface TitledCourse {
  key: string;
  sourceLocale: string;
  currentVersion: { title: string; languages: string } | null;
}

const titleText = z.string();

export function courseTitleIn(course: TitledCourse, locale: Locale): string {
  const version = course.currentVersion;
  if (!version) return course.key;
  const shown = pickLocale(parseLocales(version.languages), course.sourceLocale, locale);
  return readLocalized(version.title, shown, shown, titleText);
}
