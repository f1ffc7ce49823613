/**
 * What the course checker reports: each problem is one rule (`code`, a message key of
 * app/i18n/messages/checker.ts) with the values of its placeholders, the file and line, and for
 * YAML files the path of the field, so that an editor can show it beside that field in the
 * trainer's language. `message` is the English text for `npm run courses:check`, written by
 * `problemText` from the English catalogue: the texts exist only there.
 */
import type { checkerEs } from "~/i18n/messages/checker.ts";
import { isLocale, type Locale } from "~/i18n/locales.ts";
import { translatorFor, type Translate } from "~/i18n/translate.ts";

/** One rule of the checker: a message key of the checker area (the language names are not rules). */
export type CheckerCode = Extract<keyof typeof checkerEs, `checker.${string}`>;
export type ProblemParams = Record<string, string | number>;
export type ProblemPath = (string | number)[];

export interface Problem {
  /** The file, as shown: the course's prefix ("courses/ai-fundamentals", or a key) and its relative path. */
  file: string;
  line: number;
  /** English, for the command line. */
  message: string;
  code: CheckerCode;
  params: ProblemParams;
  /** For a YAML file: the field the problem is about, e.g. ["questions", 2, "correct"]. */
  path?: ProblemPath;
  /** Warnings (item-writing, a question repeated across courses) do not stop an import. */
  severity: "error" | "warning";
}

/** A `{language}` parameter holds a locale code; the message names the language instead. */
function namedParams(params: ProblemParams, t: Translate): ProblemParams {
  const language = params.language;
  return typeof language === "string" && isLocale(language) ? { ...params, language: t(`checkerLanguage.${language}`) } : params;
}

/** A problem's text in one language. */
export function problemText(problem: Pick<Problem, "code" | "params">, locale: Locale): string {
  const t = translatorFor(locale);
  return t(problem.code, namedParams(problem.params, t));
}

export function makeProblem(
  file: string,
  line: number,
  code: CheckerCode,
  params: ProblemParams = {},
  options: { path?: readonly (string | number)[]; severity?: Problem["severity"] } = {},
): Problem {
  return {
    file,
    line,
    message: problemText({ code, params }, "en"),
    code,
    params,
    ...(options.path ? { path: [...options.path] } : {}),
    severity: options.severity ?? "error",
  };
}

export const isError = (problem: Pick<Problem, "severity">) => problem.severity === "error";

export function formatProblem(problem: Pick<Problem, "file" | "line" | "message">): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}
