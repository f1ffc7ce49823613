/**
 * Publishing a draft (decision 030): the draft's files, restricted to the languages every part is
 * complete in, go through the same checker and the same version writer as `courses/`, in one
 * transaction conditional on the draft's revision. Learners keep their progress by the stable
 * lesson, activity and question keys; a reader sees the old version or the new one, never a mix.
 */
import path from "node:path";
import { isMap, isSeq, parseDocument, visit, type Document } from "yaml";
import { audit } from "~/audit/audit.server.ts";
import { db } from "~/db.server.ts";
import { loadCourseTree, type CourseSource } from "~/courses/checker.server.ts";
import { memoryTree } from "~/courses/course-tree.ts";
import type { Problem } from "~/courses/problems.ts";
import { storeCourseFiles, versionHash, writeCourseVersion } from "~/courses/importer.server.ts";
import { isLocale, locales, type Locale } from "~/i18n/locales.ts";
import { readDraft, filesHash, versionFiles, type AuthorScope, type Draft } from "./drafts.server.ts";
import { completeLanguages, translationMatrix, type DraftFiles } from "./translations.ts";
import { reviewAllowsPublish } from "./reviews.server.ts";

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** The languages course.yaml declares. */
export function declaredLanguages(files: DraftFiles): Locale[] {
  const bytes = files.get("course.yaml");
  if (!bytes) return [];
  const languages = parseDocument(decoder.decode(bytes)).get("languages");
  const list = isSeq(languages) ? languages.toJSON() : [];
  return (Array.isArray(list) ? list : []).filter(isLocale);
}

/** Drops, from every localized field of a YAML document, the languages not in `keep`. */
function dropLanguages(document: Document, keep: readonly Locale[]): void {
  visit(document, {
    Map(_, node) {
      const keys = node.items.map((pair) => (pair.key as { value?: unknown } | null)?.value);
      if (keys.length === 0 || !keys.every(isLocale)) return;
      node.items = node.items.filter((pair) => keep.includes((pair.key as { value: Locale }).value));
    },
  });
}

/** The files a publish in these languages is made of: other languages' lesson files and texts left out. */
export function filesInLanguages(files: DraftFiles, languages: readonly Locale[]): Map<string, Uint8Array> {
  const result = new Map<string, Uint8Array>();
  for (const [filePath, bytes] of files) {
    const name = path.posix.basename(filePath);
    if (name.endsWith(".md") && isLocale(name.slice(0, -3)) && !languages.includes(name.slice(0, -3) as Locale)) continue;
    if (!name.endsWith(".yaml")) {
      result.set(filePath, bytes);
      continue;
    }
    const document = parseDocument(decoder.decode(bytes));
    if (document.errors.length > 0) {
      result.set(filePath, bytes);
      continue;
    }
    dropLanguages(document, languages);
    if (filePath === "course.yaml" && isMap(document.contents)) document.set("languages", locales.filter((locale) => languages.includes(locale)));
    result.set(filePath, encoder.encode(document.toString()));
  }
  return result;
}

/** What the draft would publish now: the languages, and the files in those languages. */
export function publishable(draft: Pick<Draft, "files" | "sourceLocale" | "translations">): { languages: Locale[]; files: Map<string, Uint8Array> } {
  const declared = declaredLanguages(draft.files);
  const matrix = translationMatrix(draft.files, draft.sourceLocale, declared, draft.translations);
  const languages = completeLanguages(matrix, draft.sourceLocale, declared);
  return { languages, files: filesInLanguages(draft.files, languages) };
}

/** The course checker over a draft's files (the course's key is its folder's name). */
export function checkFiles(courseKey: string, files: DraftFiles): { source: CourseSource | null; problems: Problem[] } {
  return loadCourseTree(memoryTree(files), { name: courseKey, shownAs: courseKey });
}

export type PublishOutcome =
  | { ok: true; version: number }
  | { ok: false; problem: "authoring.problem.notFound" | "authoring.problem.stale" | "authoring.problem.nothingToPublish" | "authoring.problem.needsApproval" }
  | { ok: false; problem: "authoring.problem.invalid"; problems: Problem[] };

/** Publishes the draft as the course's next version if it is still at `expectedRevision`. */
export async function publishDraft(scope: AuthorScope, courseKey: string, expectedRevision: number): Promise<PublishOutcome> {
  const draft = await readDraft(scope, courseKey);
  if (!draft) return { ok: false, problem: "authoring.problem.notFound" };
  if (draft.revision !== expectedRevision) return { ok: false, problem: "authoring.problem.stale" };
  const { files, languages } = publishable(draft);
  const checked = checkFiles(draft.courseKey, files);
  if (!checked.source) return { ok: false, problem: "authoring.problem.invalid", problems: checked.problems };
  const source = checked.source;
  const course = await db().course.findUniqueOrThrow({
    where: { id: draft.courseId },
    select: { currentVersion: { select: { id: true, number: true, contentHash: true } }, ownerCity: { select: { requireCourseReview: true } } },
  });
  if (course.currentVersion && course.currentVersion.contentHash === versionHash(source)) return { ok: false, problem: "authoring.problem.nothingToPublish" };
  if (course.ownerCity?.requireCourseReview && !(await reviewAllowsPublish(draft.id, expectedRevision))) return { ok: false, problem: "authoring.problem.needsApproval" };

  const fileHashes = await storeCourseFiles(files);
  return db().$transaction(
    async (tx) => {
      // The revision the author saw, checked and held for the rest of the transaction.
      const claimed = await tx.courseDraft.updateMany({ where: { id: draft.id, revision: expectedRevision }, data: { revision: expectedRevision } });
      if (claimed.count === 0) return { ok: false, problem: "authoring.problem.stale" } as const;
      const latest = await tx.courseVersion.findFirst({ where: { courseId: draft.courseId }, orderBy: { number: "desc" }, select: { number: true } });
      const number = (latest?.number ?? 0) + 1;
      const { versionId } = await writeCourseVersion(tx, { courseId: draft.courseId, number, source, fileHashes, publishedById: scope.userId });
      await tx.courseDraft.update({ where: { id: draft.id }, data: { baseVersionId: versionId } });
      await audit({ cityId: scope.cityId, actorId: scope.userId, action: "course.published", targetType: "course", targetId: courseKey, details: { version: number, languages } }, tx);
      return { ok: true, version: number } as const;
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}

export type DraftStatus = "draftOnly" | "published" | "unpublishedChanges";

/** Whether the course is only a draft, published as the draft stands, or has changes to publish. */
export async function draftStatus(draft: Draft, currentVersionId: string | null): Promise<DraftStatus> {
  if (!currentVersionId) return "draftOnly";
  const published = await versionFiles(currentVersionId);
  return filesHash(publishable(draft).files) === filesHash(published) ? "published" : "unpublishedChanges";
}
