/**
 * The translations page's data: the draft's matrix of units × the course's languages, the
 * languages a publish would include now, the gaps per language, and for each outdated translation
 * the current source text beside it (the source text a translation was made from is not kept, so
 * there is no diff to show: only both texts as they are now).
 */
import type { Locale } from "~/i18n/locales.ts";
import { readDraft, type AuthorScope, type Draft } from "./drafts.server.ts";
import { courseNames, draftTitle } from "./history.server.ts";
import { declaredLanguages } from "./publish.server.ts";
import { languageGaps, readableUnitText, type LanguageGaps, type ReadableField } from "./translation-summary.ts";
import { completeLanguages, translationMatrix, unitText, type Unit, type UnitRow } from "./translations.ts";

export interface OutdatedTranslation {
  unit: Unit;
  locale: Locale;
  source: ReadableField[];
  translation: ReadableField[];
}

export interface TranslationOverview {
  draft: Draft;
  title: string;
  languages: Locale[];
  matrix: Array<UnitRow & { lessonTitle: string | null }>;
  publishes: Locale[];
  gaps: LanguageGaps[];
  outdated: OutdatedTranslation[];
}

export async function translationOverview(
  scope: Pick<AuthorScope, "cityId">,
  courseKey: string,
  locale: Locale,
): Promise<TranslationOverview | null> {
  const draft = await readDraft(scope, courseKey);
  if (!draft) return null;
  const declared = declaredLanguages(draft.files);
  const languages = declared.includes(draft.sourceLocale) ? declared : [draft.sourceLocale, ...declared];
  const matrix = translationMatrix(draft.files, draft.sourceLocale, languages, draft.translations);
  const lessons = courseNames(draft.files, locale).lessonsByKey;
  const outdated: OutdatedTranslation[] = [];
  for (const row of matrix) {
    for (const language of languages) {
      if (row.states[language] !== "outdated") continue;
      const source = unitText(draft.files, row.unit, draft.sourceLocale);
      const translation = unitText(draft.files, row.unit, language);
      if (source === null || translation === null) continue;
      outdated.push({
        unit: row.unit,
        locale: language,
        source: readableUnitText(row.unit, source),
        translation: readableUnitText(row.unit, translation),
      });
    }
  }
  return {
    draft,
    title: draftTitle(draft, locale),
    languages,
    matrix: matrix.map((row) => ({ ...row, lessonTitle: row.lessonKey ? (lessons.get(row.lessonKey) ?? row.lessonKey) : null })),
    publishes: completeLanguages(matrix, draft.sourceLocale, declared),
    gaps: languageGaps(matrix, draft.sourceLocale, languages),
    outdated,
  };
}
