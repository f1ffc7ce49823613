/**
 * A lesson's HTML is most of the page, so a full page load does not send it twice (rendered,
 * and again in the loader data for hydration). The loader keeps it here for the server render,
 * and the browser hydrates from the HTML already in the page. Client-side navigations get it
 * in the loader data as usual. Only immutable published content is kept, keyed by version,
 * lesson and language, never anything about a learner.
 */
export const LESSON_BODY_ID = "lesson-body";

const LIMIT = 1000;
const kept = new Map<string, string>();

/** Server side: keeps a body for the render that follows the loader (most recently used last). */
export function keepLessonBody(key: string, html: string): void {
  kept.delete(key);
  if (kept.size >= LIMIT) kept.delete(kept.keys().next().value!);
  kept.set(key, html);
}

export function keptLessonBody(key: string): string | undefined {
  return kept.get(key);
}

/** Browser side, at hydration: the body the server rendered into the page. */
export function lessonBodyInPage(): string {
  if (typeof document === "undefined") return "";
  return document.getElementById(LESSON_BODY_ID)?.innerHTML ?? "";
}
