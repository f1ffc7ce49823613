/**
 * The course's details and its list of lessons, as changes to the draft model (decision 030): the
 * texts of one language (title, summary, objectives), the settings written once for the course
 * (level, minutes, competencies, Call to Action recommendations, languages), and adding, moving
 * and removing lessons. Pure: the page's action reads the draft, applies one of these and saves.
 */
import type { Competency, Level } from "~/courses/competencies.ts";
import type { Locale } from "~/i18n/locales.ts";
import { lessonKeyFor, type DraftModel } from "./draft-model.ts";

export interface LanguageTexts {
  title: string;
  summary: string;
  /** One objective per entry, already trimmed; empty entries are dropped. */
  objectives: string[];
}

export interface CourseSettings {
  level: Level;
  minutes: number;
  competencies: Competency[];
  recommendations: number[];
  /** The languages the course is written in; the source language is always kept. */
  languages: Locale[];
}

/** The texts of the details in one language, as the form shows them (empty when missing). */
export function languageTexts(model: DraftModel, locale: Locale): LanguageTexts {
  const course = model.course;
  return {
    title: course.title[locale] ?? "",
    summary: course.summary[locale] ?? "",
    objectives: course.objectives[locale] ?? [],
  };
}

function withText<T>(record: Partial<Record<Locale, T>>, locale: Locale, value: T | null): Partial<Record<Locale, T>> {
  const next = { ...record };
  if (value === null) delete next[locale];
  else next[locale] = value;
  return next;
}

/**
 * The details saved in one language, and the course's settings. An empty text removes that
 * language's text (so a translation left blank shows as missing, never as an empty "complete").
 * A language can be added (its texts are then missing everywhere) or removed, never the source.
 */
export function applyDetails(model: DraftModel, locale: Locale, texts: LanguageTexts, settings: CourseSettings): DraftModel {
  const course = model.course;
  const languages = [...new Set([course.sourceLocale, ...settings.languages])];
  return {
    ...model,
    course: {
      ...course,
      level: settings.level,
      minutes: settings.minutes,
      competencies: settings.competencies,
      recommendations: [...settings.recommendations].sort((a, b) => a - b),
      languages,
      title: withText(course.title, locale, texts.title.trim() || null),
      summary: withText(course.summary, locale, texts.summary.trim() || null),
      objectives: withText(course.objectives, locale, texts.objectives.length > 0 ? texts.objectives : null),
    },
  };
}

/** A new lesson at the end, titled in the source language, with an empty text; returns its key. */
export function addLesson(model: DraftModel, title: string, minutes = 10): { model: DraftModel; key: string } {
  const key = lessonKeyFor(title, model.course.lessons);
  const source = model.course.sourceLocale;
  return {
    key,
    model: {
      ...model,
      course: { ...model.course, lessons: [...model.course.lessons, key] },
      lessons: [
        ...model.lessons,
        {
          key,
          translations: { [source]: { frontMatter: { title: title.trim(), minutes }, body: "" } },
          activities: [],
          images: [],
        },
      ],
    },
  };
}

/** The lesson moved one place up or down; null when it is not there or cannot move that way. */
export function moveLesson(model: DraftModel, key: string, direction: "up" | "down"): DraftModel | null {
  const from = model.course.lessons.indexOf(key);
  const to = direction === "up" ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= model.course.lessons.length) return null;
  const swap = <T>(list: readonly T[]): T[] => {
    const next = [...list];
    [next[from], next[to]] = [next[to]!, next[from]!];
    return next;
  };
  return { ...model, course: { ...model.course, lessons: swap(model.course.lessons) }, lessons: swap(model.lessons) };
}

export type RemoveOutcome =
  { ok: true; model: DraftModel } | { ok: false; problem: "authoring.details.lessonMissing" | "authoring.details.lastLesson" };

/**
 * The lesson, its texts, activities and images removed. A course keeps at least one lesson. Learners'
 * progress is keyed by lesson, so what they did in the other lessons stays.
 */
export function removeLesson(model: DraftModel, key: string): RemoveOutcome {
  if (!model.course.lessons.includes(key)) return { ok: false, problem: "authoring.details.lessonMissing" };
  if (model.course.lessons.length === 1) return { ok: false, problem: "authoring.details.lastLesson" };
  return {
    ok: true,
    model: {
      ...model,
      course: { ...model.course, lessons: model.course.lessons.filter((lesson) => lesson !== key) },
      lessons: model.lessons.filter((lesson) => lesson.key !== key),
    },
  };
}

/** Each lesson's title in the source language (or, lacking it, its key), in course order. */
export function lessonTitles(model: DraftModel): Array<{ key: string; title: string }> {
  const source = model.course.sourceLocale;
  return model.lessons.map((lesson) => ({
    key: lesson.key,
    title: lesson.translations[source]?.frontMatter.title ?? lesson.key,
  }));
}
