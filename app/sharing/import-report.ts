/**
 * The report of a refused import in the trainer's language: every problem of the zip (names,
 * sizes, bombs) and of the course checker, each with its file and line where it has them. The
 * checker's files are shown relative to the course folder, as the trainer sees them in the zip.
 */
import { problemText, type Problem } from "~/courses/problems.ts";
import type { Locale } from "~/i18n/locales.ts";
import { translatorFor } from "~/i18n/translate.ts";
import type { ZipProblem } from "./course-zip.server.ts";

export interface ReportLine {
  file: string | null;
  line: number | null;
  text: string;
}

/** "sao-paulo.curso/quiz.yaml" → "quiz.yaml": the checker names files after the key it checked under. */
function inFolder(file: string): string {
  return file.includes("/") ? file.slice(file.indexOf("/") + 1) : file;
}

export function importReport(zipProblems: readonly ZipProblem[], problems: readonly Problem[], locale: Locale): ReportLine[] {
  const t = translatorFor(locale);
  const zipLines = zipProblems.map((problem) => ({ file: null, line: null, text: t(problem.code, problem.params) }));
  const checkerLines = problems.map((problem) => ({
    file: inFolder(problem.file),
    line: problem.line,
    text: problemText(problem, locale),
  }));
  return [...zipLines, ...checkerLines];
}
