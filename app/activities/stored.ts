/** How a version's activities are stored: the language-neutral definition, and one text row per language. */
import type { Locale } from "~/i18n/locales.ts";
import { activityDefinition, activityTexts, type ActivityFile } from "./format.ts";

export function activityRows(
  lessons: ReadonlyArray<{ key: string; activities: readonly ActivityFile[] }>,
  languages: readonly Locale[],
) {
  return lessons
    .flatMap((lesson) => lesson.activities.map((activity) => ({ lessonKey: lesson.key, activity })))
    .map(({ lessonKey, activity }, position) => ({
      lessonKey,
      key: activity.key,
      kind: activity.kind,
      position,
      definition: JSON.stringify(activityDefinition(activity)),
      texts: { create: languages.map((locale) => ({ locale, texts: JSON.stringify(activityTexts(activity, locale)) })) },
    }));
}
