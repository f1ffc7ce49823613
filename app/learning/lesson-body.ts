/**
 * A lesson's HTML is most of the page, so a full page load does not send it twice (rendered,
 * and again in the loader data for hydration). The loader keeps it here for the server render,
 * and the browser hydrates from the HTML already in the page. Client-side navigations get it
 * in the loader data as usual. Only immutable published content is kept, keyed by version,
 * lesson and language, never anything about a learner: the body's HTML parts, between which
 * the page renders the practice activities and their saved answers (not kept here).
 */
export const LESSON_BODY_ID = "lesson-body";

const LIMIT = 1000;
const kept = new Map<string, string[]>();

/** The id of the element holding part `index` of the body. */
export const lessonPartId = (index: number) => `${LESSON_BODY_ID}-${index}`;

/** Server side: keeps a body's parts for the render that follows the loader (most recently used last). */
export function keepLessonBody(key: string, parts: string[]): void {
  kept.delete(key);
  if (kept.size >= LIMIT) kept.delete(kept.keys().next().value!);
  kept.set(key, parts);
}

export function keptLessonBody(key: string): string[] | undefined {
  return kept.get(key);
}

/** Browser side, at hydration: the parts the server rendered into the page (`count` of them). */
export function lessonBodyInPage(count: number): string[] {
  if (typeof document === "undefined") return [];
  return Array.from({ length: count }, (_, index) => document.getElementById(lessonPartId(index))?.innerHTML ?? "");
}
