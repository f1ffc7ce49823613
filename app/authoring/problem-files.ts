/**
 * Where a checker problem is for a trainer: which part of the course its file is (the course's
 * details, the quiz, a lesson in one language, a lesson's activities), in which language, and the
 * editor that changes it. Problems are grouped by that file, errors apart from warnings (warnings
 * never stop a publish).
 */
import path from "node:path";
import type { Problem } from "~/courses/problems.ts";
import { isLocale, type Locale } from "~/i18n/locales.ts";

export type FilePart = "course" | "quiz" | "lesson" | "activities" | "other";

export interface ProblemFile {
  /** The path inside the course folder ("01-intro/es.md"). */
  path: string;
  part: FilePart;
  lessonKey: string | null;
  locale: Locale;
  /** The editor page that changes it. */
  href: string;
}

export interface ProblemGroup {
  file: ProblemFile;
  problems: Problem[];
}

/** The file a problem is about, for a course whose lessons are in these folders. */
export function problemFile(
  courseKey: string,
  problem: Pick<Problem, "file" | "params">,
  lessons: ReadonlyArray<{ key: string; folder: string }>,
  sourceLocale: Locale,
): ProblemFile {
  const prefix = `${courseKey}/`;
  const relative = problem.file.startsWith(prefix) ? problem.file.slice(prefix.length) : problem.file;
  const named = problem.params.language;
  const language: Locale = typeof named === "string" && isLocale(named) ? named : sourceLocale;
  const base = `/author/${courseKey}`;
  const [folder, ...rest] = relative.split("/");
  const lesson = rest.length > 0 ? lessons.find((entry) => entry.folder === folder) : undefined;
  if (relative === "course.yaml")
    return { path: relative, part: "course", lessonKey: null, locale: language, href: `${base}?lang=${language}` };
  if (relative === "quiz.yaml")
    return { path: relative, part: "quiz", lessonKey: null, locale: language, href: `${base}/quiz?lang=${language}` };
  if (lesson) {
    const name = path.posix.basename(relative);
    const fileLocale = name.endsWith(".md") ? name.slice(0, -3) : "";
    if (rest.length === 1 && isLocale(fileLocale))
      return {
        path: relative,
        part: "lesson",
        lessonKey: lesson.key,
        locale: fileLocale,
        href: `${base}/lessons/${lesson.key}?lang=${fileLocale}`,
      };
    if (rest.join("/") === "activities.yaml")
      return {
        path: relative,
        part: "activities",
        lessonKey: lesson.key,
        locale: language,
        href: `${base}/lessons/${lesson.key}/activities?lang=${language}`,
      };
    return {
      path: relative,
      part: "other",
      lessonKey: lesson.key,
      locale: language,
      href: `${base}/lessons/${lesson.key}?lang=${language}`,
    };
  }
  return { path: relative, part: "other", lessonKey: null, locale: language, href: `${base}?lang=${language}` };
}

/** The problems grouped by file (in the order files first appear), errors and warnings apart, each by line. */
export function groupProblems(
  courseKey: string,
  problems: readonly Problem[],
  lessons: ReadonlyArray<{ key: string; folder: string }>,
  sourceLocale: Locale,
): { errors: ProblemGroup[]; warnings: ProblemGroup[] } {
  const group = (severity: Problem["severity"]) => {
    const groups = new Map<string, ProblemGroup>();
    for (const problem of problems) {
      if (problem.severity !== severity) continue;
      const file = problemFile(courseKey, problem, lessons, sourceLocale);
      const key = `${file.path}\u0000${file.locale}`;
      const entry = groups.get(key) ?? { file, problems: [] };
      entry.problems.push(problem);
      groups.set(key, entry);
    }
    for (const entry of groups.values()) entry.problems.sort((a, b) => a.line - b.line);
    return [...groups.values()];
  };
  return { errors: group("error"), warnings: group("warning") };
}
