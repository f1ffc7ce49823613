/**
 * Drafts (decision 030): a city course's working copy, stored as the files of a course folder in
 * the `courses/` format, each in the file store by hash. Learners never see a draft: only a
 * published version is ever read by a learner page. Every save is a conditional write on the
 * draft's revision (like the quiz's `WHERE id AND step`), so a save made from a stale page is
 * refused and shown beside the current text instead of overwriting it.
 */
import { parseDocument } from "yaml";
import { audit } from "~/audit/audit.server.ts";
import { now } from "~/clock.server.ts";
import { db, type Prisma } from "~/db.server.ts";
import { courseFileType } from "~/courses/importer.server.ts";
import { cityCourseKey, courseKeyName } from "~/courses/format.ts";
import { networkCoursesWhere } from "~/courses/visibility.ts";
import { foldForSearch } from "~/courses/search-text.ts";
import { isLocale, type Locale } from "~/i18n/locales.ts";
import { translationsAsCurrent, translationsSaved, type DraftFiles, type StoredTranslation } from "./translations.ts";
import { putFile, sha256Hex } from "~/cities/stored-files.server.ts";

type Tx = Prisma.TransactionClient;

/** The city whose courses an author edits, and who they are. */
export interface AuthorScope {
  cityId: string;
  citySlug: string;
  userId: string;
}

/** The courses an author may edit: their own city's. Network courses are copied, never edited. */
export function editableCoursesWhere(scope: Pick<AuthorScope, "cityId">) {
  return { ownerCityId: scope.cityId, source: "CITY" } satisfies Prisma.CourseWhereInput;
}

export interface Draft {
  id: string;
  courseId: string;
  courseKey: string;
  sourceLocale: Locale;
  revision: number;
  baseVersionId: string | null;
  updatedAt: Date;
  files: Map<string, Uint8Array>;
  translations: StoredTranslation[];
}

async function readFiles(tx: Pick<Tx, "draftFile">, draftId: string): Promise<Map<string, Uint8Array>> {
  const rows = await tx.draftFile.findMany({
    where: { draftId },
    orderBy: { path: "asc" },
    select: { path: true, file: { select: { bytes: true } } },
  });
  return new Map(rows.map((row) => [row.path, new Uint8Array(row.file.bytes)]));
}

/** The draft of one of the author's courses, with its files, or null. */
export async function readDraft(scope: Pick<AuthorScope, "cityId">, courseKey: string, client: Tx = db()): Promise<Draft | null> {
  const course = await client.course.findFirst({
    where: { key: courseKey, ...editableCoursesWhere(scope) },
    select: {
      id: true,
      key: true,
      sourceLocale: true,
      draft: {
        select: {
          id: true,
          revision: true,
          baseVersionId: true,
          updatedAt: true,
          translations: { select: { unit: true, locale: true, sourceHash: true } },
        },
      },
    },
  });
  if (!course?.draft) return null;
  return {
    id: course.draft.id,
    courseId: course.id,
    courseKey: course.key,
    sourceLocale: isLocale(course.sourceLocale) ? course.sourceLocale : "es",
    revision: course.draft.revision,
    baseVersionId: course.draft.baseVersionId,
    updatedAt: course.draft.updatedAt,
    files: await readFiles(client, course.draft.id),
    translations: course.draft.translations,
  };
}

/** The draft's files as one hash, to tell whether it differs from a version (`versionFilesHash`). */
export function filesHash(files: DraftFiles): string {
  const parts = [...files.keys()].sort().map((path) => `${path}\u0000${sha256Hex(files.get(path)!)}`);
  return sha256Hex(new TextEncoder().encode(parts.join("\n")));
}

async function writeFiles(tx: Tx, draftId: string, changes: ReadonlyMap<string, Uint8Array | null>): Promise<void> {
  for (const [path, bytes] of changes) {
    if (bytes === null) {
      await tx.draftFile.deleteMany({ where: { draftId, path } });
      continue;
    }
    const fileHash = await putFile(bytes, courseFileType(path), tx);
    await tx.draftFile.upsert({
      where: { draftId_path: { draftId, path } },
      create: { draftId, path, fileHash },
      update: { fileHash },
    });
  }
}

async function recordTranslations(tx: Tx, draftId: string, records: readonly StoredTranslation[]): Promise<void> {
  for (const record of records) {
    await tx.draftTranslation.upsert({
      where: { draftId_unit_locale: { draftId, unit: record.unit, locale: record.locale } },
      create: { draftId, ...record },
      update: { sourceHash: record.sourceHash },
    });
  }
}

/** A new draft holding these files, every translation present taken as current. */
async function createDraft(
  tx: Tx,
  input: { courseId: string; sourceLocale: Locale; files: DraftFiles; baseVersionId: string | null; userId: string },
): Promise<void> {
  const draft = await tx.courseDraft.create({
    data: { courseId: input.courseId, baseVersionId: input.baseVersionId, updatedAt: now(), updatedById: input.userId },
    select: { id: true },
  });
  await writeFiles(tx, draft.id, input.files);
  await recordTranslations(tx, draft.id, translationsAsCurrent(input.files, input.sourceLocale));
}

/** The files of a published version, by path. */
export async function versionFiles(versionId: string, client: Pick<Tx, "versionFile"> = db()): Promise<Map<string, Uint8Array>> {
  const rows = await client.versionFile.findMany({
    where: { versionId },
    orderBy: { path: "asc" },
    select: { path: true, file: { select: { bytes: true } } },
  });
  return new Map(rows.map((row) => [row.path, new Uint8Array(row.file.bytes)]));
}

/** A key for a new city course: "<city slug>.<name from the title>", never one already taken. */
export async function freeCourseKey(citySlug: string, wanted: string, client: Pick<Tx, "course"> = db()): Promise<string> {
  const name =
    foldForSearch(wanted)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 48)
      .replace(/-+$/, "") || "curso";
  const base = cityCourseKey(citySlug, name);
  const taken = new Set(
    (await client.course.findMany({ where: { key: { startsWith: base } }, select: { key: true } })).map((row) => row.key),
  );
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix += 1) if (!taken.has(`${base}-${suffix}`)) return `${base}-${suffix}`;
}

/** course.yaml with another key, everything else as written. */
export function withCourseKey(courseYaml: Uint8Array, key: string): Uint8Array {
  const document = parseDocument(new TextDecoder().decode(courseYaml));
  document.set("key", key);
  return new TextEncoder().encode(document.toString());
}

export type CopyOutcome = { ok: true; key: string } | { ok: false; problem: "authoring.problem.notCopyable" };

/**
 * Copies a network course into the author's city as a new city course with its translations,
 * activities and quiz; the copy records the source course and the version copied.
 */
export async function copyNetworkCourse(scope: AuthorScope, sourceKey: string): Promise<CopyOutcome> {
  const source = await db().course.findFirst({
    where: { key: sourceKey, ...networkCoursesWhere() },
    select: { id: true, key: true, sourceLocale: true, currentVersion: { select: { id: true, number: true } } },
  });
  const version = source?.currentVersion;
  if (!source || !version) return { ok: false, problem: "authoring.problem.notCopyable" };
  const files = await versionFiles(version.id);
  const courseYaml = files.get("course.yaml");
  if (!courseYaml) return { ok: false, problem: "authoring.problem.notCopyable" };
  const sourceName = courseKeyName(source.key);
  const sourceLocale = isLocale(source.sourceLocale) ? source.sourceLocale : "es";
  const key = await db().$transaction(async (tx) => {
    const newKey = await freeCourseKey(scope.citySlug, sourceName, tx);
    files.set("course.yaml", withCourseKey(courseYaml, newKey));
    const course = await tx.course.create({
      data: {
        key: newKey,
        source: "CITY",
        ownerCityId: scope.cityId,
        sourceLocale,
        copiedFromId: source.id,
        copiedFromVersion: version.number,
      },
      select: { id: true },
    });
    await createDraft(tx, { courseId: course.id, sourceLocale, files, baseVersionId: null, userId: scope.userId });
    await audit(
      {
        cityId: scope.cityId,
        actorId: scope.userId,
        action: "course.copied",
        targetType: "course",
        targetId: newKey,
        details: { from: source.key, version: version.number },
      },
      tx,
    );
    return newKey;
  });
  return { ok: true, key };
}

/** Creates a city course whose draft holds the given files (`files` must carry course.yaml with the key). */
export async function createCityCourse(
  scope: AuthorScope,
  input: { title: string; sourceLocale: Locale; files: (key: string) => DraftFiles },
): Promise<{ key: string }> {
  return db().$transaction(async (tx) => {
    const key = await freeCourseKey(scope.citySlug, input.title, tx);
    const course = await tx.course.create({
      data: { key, source: "CITY", ownerCityId: scope.cityId, sourceLocale: input.sourceLocale },
      select: { id: true },
    });
    await createDraft(tx, {
      courseId: course.id,
      sourceLocale: input.sourceLocale,
      files: input.files(key),
      baseVersionId: null,
      userId: scope.userId,
    });
    await audit(
      { cityId: scope.cityId, actorId: scope.userId, action: "course.created", targetType: "course", targetId: key },
      tx,
    );
    return { key };
  });
}

export type SaveOutcome =
  | { ok: true; revision: number }
  /** Someone saved since the page was loaded: nothing was written; `current` holds the saved files the change touched. */
  | { ok: false; problem: "authoring.problem.stale"; revision: number; current: Map<string, Uint8Array | null> }
  | { ok: false; problem: "authoring.problem.notFound" };

type AfterSave = (tx: Tx, draft: Draft, after: Map<string, Uint8Array>) => Promise<void>;

/**
 * Saves changed files (null deletes one) if the draft is still at `expectedRevision`, in one
 * transaction with the translation bookkeeping: a translation whose text changed is recorded as
 * made from the current source text. `afterSave` adds writes to the same transaction.
 */
export async function saveDraft(
  scope: AuthorScope,
  courseKey: string,
  expectedRevision: number,
  changes: ReadonlyMap<string, Uint8Array | null>,
  afterSave?: AfterSave,
): Promise<SaveOutcome> {
  return db().$transaction(async (tx) => {
    const draft = await readDraft(scope, courseKey, tx);
    if (!draft) return { ok: false, problem: "authoring.problem.notFound" } as const;
    const claimed = await tx.courseDraft.updateMany({
      where: { id: draft.id, revision: expectedRevision },
      data: { revision: { increment: 1 }, updatedAt: now(), updatedById: scope.userId },
    });
    if (claimed.count === 0) {
      const current = new Map([...changes.keys()].map((path) => [path, draft.files.get(path) ?? null]));
      return { ok: false, problem: "authoring.problem.stale", revision: draft.revision, current } as const;
    }
    const after = new Map(draft.files);
    for (const [path, bytes] of changes) {
      if (bytes === null) after.delete(path);
      else after.set(path, bytes);
    }
    await writeFiles(tx, draft.id, changes);
    await recordTranslations(tx, draft.id, translationsSaved(draft.files, after, draft.sourceLocale));
    await afterSave?.(tx, draft, after);
    return { ok: true, revision: expectedRevision + 1 } as const;
  });
}

/** A translator confirms a translation still says what the changed source says. */
export async function markTranslationCurrent(
  scope: AuthorScope,
  courseKey: string,
  expectedRevision: number,
  unit: string,
  locale: Locale,
): Promise<SaveOutcome> {
  return saveDraft(scope, courseKey, expectedRevision, new Map(), async (tx, draft, after) => {
    const record = translationsAsCurrent(after, draft.sourceLocale).find((row) => row.unit === unit && row.locale === locale);
    if (record) await recordTranslations(tx, draft.id, [record]);
  });
}

/** Replaces the draft's files with an earlier version's (restore): a new revision of the same draft. */
export async function restoreVersion(
  scope: AuthorScope,
  courseKey: string,
  expectedRevision: number,
  versionNumber: number,
): Promise<SaveOutcome> {
  const draft = await readDraft(scope, courseKey);
  if (!draft) return { ok: false, problem: "authoring.problem.notFound" };
  const version = await db().courseVersion.findFirst({
    where: { courseId: draft.courseId, number: versionNumber },
    select: { id: true },
  });
  if (!version) return { ok: false, problem: "authoring.problem.notFound" };
  const restored = await versionFiles(version.id);
  const changes = new Map<string, Uint8Array | null>(
    [...draft.files.keys()].filter((path) => !restored.has(path)).map((path) => [path, null]),
  );
  for (const [path, bytes] of restored) changes.set(path, bytes);
  return saveDraft(scope, courseKey, expectedRevision, changes, async (tx, current, after) => {
    // The restored version's translations were published complete: they are current again.
    await recordTranslations(tx, current.id, translationsAsCurrent(after, current.sourceLocale));
    await audit(
      {
        cityId: scope.cityId,
        actorId: scope.userId,
        action: "course.restored",
        targetType: "course",
        targetId: courseKey,
        details: { version: versionNumber },
      },
      tx,
    );
  });
}
