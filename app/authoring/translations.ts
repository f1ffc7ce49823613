/**
 * Translations as a state (decision 030). A draft's translatable parts ("units") are the course's
 * details, each lesson, each lesson's activities and the quiz. A unit's text in one language is
 * read from the draft's files: a lesson's `<locale>.md`, or every localized field of a YAML file
 * (an object keyed only by languages). A translation is complete when it exists and was saved
 * against the current source-language text, known by the hash stored with it; outdated when the
 * source text changed since; missing when any part of it is absent.
 */
import { createHash } from "node:crypto";
import { parse as parseYaml } from "yaml";
import { isLocale, locales, type Locale } from "~/i18n/locales.ts";

export type Unit = "course" | "quiz" | `lesson:${string}` | `activities:${string}`;
export type TranslationState = "source" | "complete" | "outdated" | "missing";

export type DraftFiles = ReadonlyMap<string, Uint8Array>;

export interface StoredTranslation {
  unit: string;
  locale: string;
  sourceHash: string;
}

export interface UnitRow {
  unit: Unit;
  /** The lesson key for lesson and activities units. */
  lessonKey: string | null;
  states: Partial<Record<Locale, TranslationState>>;
}

const decoder = new TextDecoder();

function readYaml(files: DraftFiles, filePath: string): unknown {
  const bytes = files.get(filePath);
  if (!bytes) return null;
  try {
    return parseYaml(decoder.decode(bytes));
  } catch {
    // A file that does not parse has no readable text; the checker reports why.
    return null;
  }
}

/** The lesson keys in course order, each with its folder ("01-intro"). */
export function lessonFolders(files: DraftFiles): Array<{ key: string; folder: string }> {
  const course = readYaml(files, "course.yaml") as { lessons?: unknown } | null;
  const keys = Array.isArray(course?.lessons) ? course.lessons.filter((key): key is string => typeof key === "string") : [];
  return keys.map((key, index) => ({ key, folder: `${String(index + 1).padStart(2, "0")}-${key}` }));
}

function isLocalized(value: unknown): value is Record<string, unknown> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every(isLocale);
}

/** Every localized field's value in `locale`, by its path; null when a field lacks the language. */
function localizedTexts(value: unknown, locale: Locale): string | null {
  const parts: Array<[string, unknown]> = [];
  let missing = false;
  const walk = (node: unknown, at: string) => {
    if (isLocalized(node)) {
      const text = node[locale];
      if (text === undefined || text === null || text === "") missing = true;
      else parts.push([at, text]);
      return;
    }
    if (Array.isArray(node)) node.forEach((item, index) => walk(item, `${at}/${index}`));
    else if (node && typeof node === "object") for (const [key, child] of Object.entries(node)) walk(child, `${at}/${key}`);
  };
  walk(value, "");
  return missing ? null : JSON.stringify(parts);
}

/** The unit's text in one language, or null when it is missing. */
export function unitText(files: DraftFiles, unit: Unit, locale: Locale): string | null {
  if (unit === "course") {
    const course = readYaml(files, "course.yaml");
    return course === null ? null : localizedTexts(course, locale);
  }
  if (unit === "quiz") {
    const quiz = readYaml(files, "quiz.yaml");
    return quiz === null ? null : localizedTexts(quiz, locale);
  }
  const [kind, lessonKey] = unit.split(":") as ["lesson" | "activities", string];
  const folder = lessonFolders(files).find((lesson) => lesson.key === lessonKey)?.folder;
  if (!folder) return null;
  if (kind === "lesson") {
    const bytes = files.get(`${folder}/${locale}.md`);
    return bytes && bytes.byteLength > 0 ? decoder.decode(bytes) : null;
  }
  const activities = readYaml(files, `${folder}/activities.yaml`);
  return activities === null ? null : localizedTexts(activities, locale);
}

export function textHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** The draft's units in course order: details, then each lesson (and its activities), then the quiz. */
export function unitsOf(files: DraftFiles): Array<{ unit: Unit; lessonKey: string | null }> {
  const units: Array<{ unit: Unit; lessonKey: string | null }> = [{ unit: "course", lessonKey: null }];
  for (const lesson of lessonFolders(files)) {
    units.push({ unit: `lesson:${lesson.key}`, lessonKey: lesson.key });
    if (files.has(`${lesson.folder}/activities.yaml`)) units.push({ unit: `activities:${lesson.key}`, lessonKey: lesson.key });
  }
  units.push({ unit: "quiz", lessonKey: null });
  return units;
}

const storedKey = (unit: string, locale: string) => `${unit}\u0000${locale}`;

/** The state of every unit in every language the course is written in. */
export function translationMatrix(
  files: DraftFiles,
  sourceLocale: Locale,
  languages: readonly Locale[],
  stored: readonly StoredTranslation[],
): UnitRow[] {
  const hashes = new Map(stored.map((row) => [storedKey(row.unit, row.locale), row.sourceHash]));
  return unitsOf(files).map(({ unit, lessonKey }) => {
    const source = unitText(files, unit, sourceLocale);
    const sourceHash = source === null ? null : textHash(source);
    const states: Partial<Record<Locale, TranslationState>> = {};
    for (const locale of languages) {
      if (locale === sourceLocale) states[locale] = source === null ? "missing" : "source";
      else if (unitText(files, unit, locale) === null) states[locale] = "missing";
      else states[locale] = sourceHash !== null && hashes.get(storedKey(unit, locale)) === sourceHash ? "complete" : "outdated";
    }
    return { unit, lessonKey, states };
  });
}

/** The source language and the languages every unit is complete in, in the product's order: a publish offers these. */
export function completeLanguages(matrix: readonly UnitRow[], sourceLocale: Locale, languages: readonly Locale[]): Locale[] {
  return locales.filter(
    (locale) =>
      locale === sourceLocale || (languages.includes(locale) && matrix.every((row) => row.states[locale] === "complete")),
  );
}

/**
 * What a save records: each translation whose text the save changed is now made from the current
 * source text. A change to the source text records nothing, so its translations become outdated.
 */
export function translationsSaved(before: DraftFiles, after: DraftFiles, sourceLocale: Locale): StoredTranslation[] {
  const records: StoredTranslation[] = [];
  for (const { unit } of unitsOf(after)) {
    const source = unitText(after, unit, sourceLocale);
    if (source === null) continue;
    for (const locale of locales) {
      if (locale === sourceLocale) continue;
      const text = unitText(after, unit, locale);
      if (text !== null && text !== unitText(before, unit, locale)) records.push({ unit, locale, sourceHash: textHash(source) });
    }
  }
  return records;
}

/** Every translation present is taken as made from the current source text (a course just imported or copied). */
export function translationsAsCurrent(files: DraftFiles, sourceLocale: Locale): StoredTranslation[] {
  return translationsSaved(new Map(), files, sourceLocale);
}
