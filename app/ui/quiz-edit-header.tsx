/**
 * The top of the quiz editor's pages (the pool and settings, one question): the "saved" notice with
 * what the checker found, the stale-save conflict, the language choice, any form errors (`children`),
 * and the checker's problems that belong to no field of the page.
 */
import type { ReactNode } from "react";
import type { Locale } from "~/i18n/locales.ts";
import { useTranslation } from "~/i18n/use-translation.ts";
import { ProblemCount, ProblemNotes, type NotePlace, type ShownProblem } from "./checker-notes.tsx";
import { LanguageChoice } from "./edit-language.tsx";
import { FormAlert } from "./form.tsx";
import { StaleConflict, type StaleText } from "./stale-conflict.tsx";

export function QuizEditHeader({
  saved,
  problems,
  stale,
  language,
  unplaced,
  unplacedId,
  place,
  children,
}: {
  saved: boolean;
  /** Every problem the checker found in the quiz, counted in the "saved" notice. */
  problems: readonly ShownProblem[];
  /** The texts of a refused stale save; null when the save was not stale. */
  stale: StaleText[] | null;
  language: { languages: readonly Locale[]; sourceLocale: Locale; lang: Locale; path: string } | null;
  unplaced: readonly ShownProblem[];
  unplacedId: string;
  place: NotePlace;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      {saved ? (
        <FormAlert tone="success">
          <p>
            {t("authoring.quiz.saved")} <ProblemCount problems={problems} />
          </p>
        </FormAlert>
      ) : null}
      {stale ? <StaleConflict texts={stale} /> : null}
      {language ? <LanguageChoice {...language} /> : null}
      {children}
      {unplaced.length > 0 ? (
        <section aria-labelledby={unplacedId} className="mb-6">
          <h2 id={unplacedId} className="text-lg font-semibold">
            {t("authoring.quiz.problem.title")}
          </h2>
          <ProblemNotes problems={unplaced} place={place} />
        </section>
      ) : null}
    </>
  );
}
