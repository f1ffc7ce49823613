/**
 * The course checker's problems as an editor shows them, beside the field they are about: errors
 * (which stop a publish) and warnings (item-writing rules, which do not) look different and each
 * says in words which it is, so a screen reader announces a warning as a warning.
 */
import { problemText, type Problem } from "~/courses/problems.ts";
import { useTranslation } from "~/i18n/use-translation.ts";

export type ShownProblem = Pick<Problem, "code" | "params" | "severity" | "line" | "file"> & { path?: Problem["path"] };

/** A problem the server already put in words (in the reader's language), with where it is when the page says so. */
export type WordedProblem = Pick<Problem, "severity"> & { text: string; file?: string; line?: number };

/** Where a note says the problem is: nowhere (it sits by its field), its line, or its file and line. */
export type NotePlace = "none" | "line" | "file";

export function ProblemNotes({
  id,
  problems,
  place = "none",
}: {
  id?: string;
  problems: readonly (ShownProblem | WordedProblem)[];
  place?: NotePlace;
}) {
  const { t, locale } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <ul id={id} className="mt-2 space-y-1">
      {problems.map((problem, index) => {
        const error = problem.severity === "error";
        return (
          <li
            key={index}
            className={`rounded border-l-4 px-2 py-1 text-sm ${error ? "border-red-700 bg-red-50 text-red-900" : "border-amber-600 bg-amber-50 text-amber-950"}`}
          >
            <span aria-hidden="true">{error ? "✖ " : "⚠ "}</span>
            <strong>{t(error ? "authoring.quiz.problem.error" : "authoring.quiz.problem.warning")}</strong>{" "}
            {"text" in problem ? problem.text : problemText(problem, locale)}
            {place === "file" && problem.file ? (
              <span className="text-slate-700">
                {" "}
                {t("authoring.quiz.problem.place", { file: problem.file, line: problem.line ?? 1 })}
              </span>
            ) : null}
            {place === "line" && problem.line ? (
              <span className="text-slate-700"> {t("authoring.quiz.problem.line", { line: problem.line })}</span>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

/** One line saying how many errors and warnings the checker found (or that it found none), announced after a save. */
export function ProblemCount({ problems }: { problems: readonly ShownProblem[] }) {
  const { t } = useTranslation();
  const errors = problems.filter((problem) => problem.severity === "error").length;
  const warnings = problems.length - errors;
  if (problems.length === 0) return <span>{t("authoring.quiz.problem.none")}</span>;
  return (
    <span>
      {t("authoring.quiz.problem.errors", { count: errors })} {t("authoring.quiz.problem.warnings", { count: warnings })}
    </span>
  );
}
