/**
 * Comparing two versions of a course (the history page): which files were added, removed or
 * changed, and for each changed text file its lines removed and added, with a few unchanged lines
 * around each change and the longer unchanged stretches folded away.
 */
import { diffLines } from "diff";
import type { Locale } from "~/i18n/locales.ts";
import { isLocale } from "~/i18n/locales.ts";
import type { DraftFiles } from "./translations.ts";

export type DiffRow =
  | { kind: "added" | "removed" | "same"; text: string; oldLine: number | null; newLine: number | null }
  /** Unchanged lines left out between two changes. */
  | { kind: "skipped"; count: number };

export interface FileChange {
  path: string;
  change: "added" | "removed" | "changed";
  /** The line diff of a changed text file; null for an image or another file that is not text. */
  rows: DiffRow[] | null;
}

/** How many unchanged lines are shown before and after each change. */
export const CONTEXT_LINES = 3;

const decoder = new TextDecoder();

function splitLines(value: string): string[] {
  const lines = value.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** The lines of `after` compared with `before`: every removed and added line, unchanged ones around them. */
export function lineDiff(before: string, after: string, context = CONTEXT_LINES): DiffRow[] {
  const all: Array<Extract<DiffRow, { text: string }>> = [];
  let oldLine = 1;
  let newLine = 1;
  for (const part of diffLines(before, after)) {
    for (const text of splitLines(part.value)) {
      if (part.added) all.push({ kind: "added", text, oldLine: null, newLine: newLine++ });
      else if (part.removed) all.push({ kind: "removed", text, oldLine: oldLine++, newLine: null });
      else all.push({ kind: "same", text, oldLine: oldLine++, newLine: newLine++ });
    }
  }
  const near = all.map(() => false);
  all.forEach((row, index) => {
    if (row.kind === "same") return;
    for (let at = Math.max(0, index - context); at <= Math.min(all.length - 1, index + context); at += 1) near[at] = true;
  });
  const rows: DiffRow[] = [];
  let skipped = 0;
  all.forEach((row, index) => {
    if (near[index]) {
      if (skipped > 0) rows.push({ kind: "skipped", count: skipped });
      skipped = 0;
      rows.push(row);
    } else skipped += 1;
  });
  if (skipped > 0 && rows.length > 0) rows.push({ kind: "skipped", count: skipped });
  return rows;
}

const TEXT_FILE = /\.(md|ya?ml)$/;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
}

/** Files in course order: the details first, then the lesson folders, then the quiz. */
function coursePathOrder(a: string, b: string): number {
  const rank = (path: string) => (path === "course.yaml" ? 0 : path === "quiz.yaml" ? 2 : 1);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/** The files added, removed and changed from `before` to `after`, in course order. */
export function compareFiles(before: DraftFiles, after: DraftFiles): FileChange[] {
  const paths = [...new Set([...before.keys(), ...after.keys()])].sort(coursePathOrder);
  const changes: FileChange[] = [];
  for (const path of paths) {
    const old = before.get(path);
    const now = after.get(path);
    if (!old) changes.push({ path, change: "added", rows: null });
    else if (!now) changes.push({ path, change: "removed", rows: null });
    else if (!sameBytes(old, now)) {
      changes.push({
        path,
        change: "changed",
        rows: TEXT_FILE.test(path) ? lineDiff(decoder.decode(old), decoder.decode(now)) : null,
      });
    }
  }
  return changes;
}

/** What a file of a course folder is, for naming it to an author rather than by its path. */
export type FileName =
  | { kind: "course" }
  | { kind: "quiz" }
  | { kind: "lesson"; lesson: string; locale: Locale }
  | { kind: "activities"; lesson: string }
  | { kind: "lessonFile"; lesson: string; name: string }
  | { kind: "other"; path: string };

/** Names a file by what it holds; `lessonTitles` maps a lesson folder ("01-intro") to the lesson's title. */
export function fileName(path: string, lessonTitles: ReadonlyMap<string, string>): FileName {
  if (path === "course.yaml") return { kind: "course" };
  if (path === "quiz.yaml") return { kind: "quiz" };
  const slash = path.indexOf("/");
  const folder = slash > 0 ? path.slice(0, slash) : null;
  const name = slash > 0 ? path.slice(slash + 1) : path;
  if (!folder || name.includes("/") || !/^\d{2}-/.test(folder)) return { kind: "other", path };
  const lesson = lessonTitles.get(folder) ?? folder.slice(3);
  const locale = name.endsWith(".md") ? name.slice(0, -3) : null;
  if (isLocale(locale)) return { kind: "lesson", lesson, locale };
  if (name === "activities.yaml") return { kind: "activities", lesson };
  return { kind: "lessonFile", lesson, name };
}
