/**
 * Loads course folders into the database: one transaction per course, idempotent, and a
 * new version only when the files' content hash changes. A course with errors is
 * refused and its previous version stays live (warnings do not stop it).
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { db, Prisma } from "~/db.server.ts";
import { now } from "~/clock.server.ts";
import { faultPoint } from "~/faults.server.ts";
import { listCourseFolders, loadCourseTree, type CourseSource, type Problem } from "./checker.server.ts";
import { folderTree, treeFiles, type CourseTree } from "./course-tree.ts";
import { makeProblem } from "./problems.ts";
import { activityRows } from "~/activities/stored.ts";
import { correctKeys, type QuestionFile } from "./format.ts";
import { joinLessonParts } from "./lesson-parts.ts";
import { LESSON_RENDERING, renderLessonBody } from "./markdown.server.ts";
import { foldForSearch } from "./search-text.ts";
import { isLocale } from "~/i18n/locales.ts";
import { putFile } from "~/cities/stored-files.server.ts";

export type ImportOutcome =
  | { key: string; status: "created" | "new-version" | "unchanged"; version: number }
  | { key: string; status: "refused"; problems: Problem[] };

const MIME_TYPES: Record<string, string> = { ".png": "image/png", ".svg": "image/svg+xml", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".webp": "image/webp" };

export function assetUrl(hash: string, extension: string): string {
  return `/course-assets/${hash}${extension}`;
}

function questionOptions(question: QuestionFile) {
  if (question.type === "true-false") return [];
  return question.options.map((option) => ({ key: option.key, text: option.text }));
}

function searchText(source: CourseSource): string {
  const parts = [...Object.values(source.course.title), ...Object.values(source.course.summary)];
  return foldForSearch(parts.join(" "));
}

/** What a stored version was made from: the files, and the renderer that turned its lessons into HTML. */
export function versionHash(source: Pick<CourseSource, "contentHash">): string {
  return createHash("sha256").update(`${source.contentHash}\nlesson rendering ${LESSON_RENDERING}`).digest("hex");
}

/** Every file of a course tree, by its path relative to the course ("01-intro/es.md"). */
export function readTreeFiles(tree: CourseTree): Map<string, Uint8Array> {
  return new Map(treeFiles(tree).map((relativePath) => [relativePath, new Uint8Array(tree.read(relativePath)!)]));
}

export function courseFileType(relativePath: string): string {
  const extension = path.extname(relativePath).toLowerCase();
  if (extension === ".md") return "text/markdown; charset=utf-8";
  if (extension === ".yaml") return "application/yaml; charset=utf-8";
  return MIME_TYPES[extension] ?? "application/octet-stream";
}

/** Puts a course's files in the file store; returns their hashes by path. Idempotent. */
export async function storeCourseFiles(files: ReadonlyMap<string, Uint8Array>): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const [relativePath, bytes] of files) hashes.set(relativePath, await putFile(bytes, courseFileType(relativePath)));
  return hashes;
}

/** Lesson images go to the asset table the lesson pages are served from; returns their URLs by path. */
async function storeAssets(source: CourseSource, tx: Prisma.TransactionClient): Promise<Map<string, string>> {
  // Assets are content-addressed: inserting one that exists changes nothing.
  const assetUrls = new Map<string, string>();
  for (const asset of source.assets) {
    const hash = createHash("sha256").update(asset.bytes).digest("hex");
    const extension = path.extname(asset.relativePath).toLowerCase();
    await tx.courseAsset.upsert({ where: { hash }, create: { hash, mimeType: MIME_TYPES[extension] ?? "application/octet-stream", bytes: new Uint8Array(asset.bytes) }, update: {} });
    assetUrls.set(asset.relativePath, assetUrl(hash, extension));
  }
  return assetUrls;
}

export interface VersionInput {
  courseId: string;
  number: number;
  source: CourseSource;
  /** The source files by path, as hashes in the file store (`storeCourseFiles`). */
  fileHashes: ReadonlyMap<string, string>;
  publishedById?: string | null;
}

/**
 * Writes a new version of a course and makes it the current one, inside the caller's
 * transaction: readers see the old version or the new one, never a mix. Lesson, activity and
 * question keys carry learners' progress over from earlier versions.
 */
export async function writeCourseVersion(tx: Prisma.TransactionClient, input: VersionInput): Promise<{ versionId: string }> {
  const { source, courseId, number } = input;
  const { course, quiz } = source;
  const assetUrls = await storeAssets(source, tx);
  const version = await tx.courseVersion.create({
    data: {
      courseId,
      number,
      contentHash: versionHash(source),
      publishedAt: now(),
      publishedById: input.publishedById ?? null,
      level: course.level,
      minutes: course.minutes,
      languages: JSON.stringify(course.languages),
      competencies: JSON.stringify(course.competencies),
      recommendations: JSON.stringify(course.recommendations),
      title: JSON.stringify(course.title),
      summary: JSON.stringify(course.summary),
      objectives: JSON.stringify(course.objectives),
      searchText: searchText(source),
    },
    select: { id: true },
  });
  for (const [position, lesson] of source.lessons.entries()) {
    await tx.lesson.create({
      data: {
        versionId: version.id,
        key: lesson.key,
        position,
        contents: {
          create: Object.entries(lesson.translations).map(([locale, translation]) => ({
            locale,
            title: translation.frontMatter.title,
            minutes: translation.frontMatter.minutes,
            ...joinLessonParts(
              renderLessonBody(
                translation.body,
                (relativePath) => assetUrls.get(`${lesson.folder}/${path.posix.normalize(relativePath)}`) ?? null,
                isLocale(locale) ? locale : course.sourceLocale,
              ),
            ),
          })),
        },
      },
    });
  }
  for (const activity of activityRows(source.lessons, course.languages)) {
    await tx.activity.create({ data: { versionId: version.id, ...activity } });
  }
  await tx.quiz.create({
    data: {
      versionId: version.id,
      passMark: quiz.settings.passMark,
      attemptLimit: quiz.settings.attemptLimit ?? null,
      cooldownMinutes: quiz.settings.cooldownMinutes,
      timeLimitMinutes: quiz.settings.timeLimitMinutes ?? null,
      draw: quiz.settings.draw,
      mode: quiz.settings.mode,
      questions: {
        create: quiz.questions.map((question, position) => ({
          key: question.key,
          position,
          type: question.type,
          text: JSON.stringify(question.text),
          options: JSON.stringify(questionOptions(question)),
          correct: JSON.stringify(correctKeys(question)),
          explanation: JSON.stringify(question.explanation),
        })),
      },
    },
  });
  await tx.versionFile.createMany({ data: [...input.fileHashes].map(([filePath, fileHash]) => ({ versionId: version.id, path: filePath, fileHash })) });
  faultPoint("version-rows-written");
  await tx.course.update({ where: { id: courseId }, data: { currentVersionId: version.id, sourceLocale: course.sourceLocale } });
  return { versionId: version.id };
}

/** Imports a checked course; `files` are the course's files by path (`readTreeFiles`), kept with the version. */
export async function importCourse(source: CourseSource, files: ReadonlyMap<string, Uint8Array>): Promise<ImportOutcome> {
  const { course } = source;
  const contentHash = versionHash(source);
  const existing = await db().course.findUnique({
    where: { key: course.key },
    select: { id: true, source: true, currentVersion: { select: { id: true, number: true, contentHash: true, _count: { select: { files: true } } } } },
  });
  if (existing && existing.source !== "FILES") {
    const file = source.shownAs ? `${source.shownAs}/course.yaml` : "course.yaml";
    return { key: course.key, status: "refused", problems: [makeProblem(file, 1, "checker.courseKeyTaken", { key: course.key }, { path: ["key"] })] };
  }
  const current = existing?.currentVersion;
  if (current?.contentHash === contentHash) {
    // Versions imported before their files were kept get them now (the same content, by its hash).
    if (current._count.files === 0) {
      const fileHashes = await storeCourseFiles(files);
      await db().versionFile.createMany({ data: [...fileHashes].map(([filePath, fileHash]) => ({ versionId: current.id, path: filePath, fileHash })) });
    }
    return { key: course.key, status: "unchanged", version: current.number };
  }

  const fileHashes = await storeCourseFiles(files);
  const number = (current?.number ?? 0) + 1;
  try {
    await db().$transaction(
      async (tx) => {
        const courseRow = existing ?? (await tx.course.create({ data: { key: course.key, source: "FILES", sourceLocale: course.sourceLocale }, select: { id: true } }));
        await writeCourseVersion(tx, { courseId: courseRow.id, number, source, fileHashes });
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
  } catch (error) {
    // Another app server imported the same content at the same moment.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { key: course.key, status: "unchanged", version: number };
    }
    throw error;
  }
  return { key: course.key, status: existing ? "new-version" : "created", version: number };
}

export async function importCourseFolder(dir: string): Promise<ImportOutcome> {
  const tree = folderTree(dir);
  const { source, problems } = loadCourseTree(tree, { name: path.basename(dir), shownAs: path.relative(path.dirname(dir), dir) });
  if (!source) return { key: path.basename(dir), status: "refused", problems };
  return importCourse(source, readTreeFiles(tree));
}

export async function importAllCourses(coursesDir: string): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const dir of listCourseFolders(coursesDir)) outcomes.push(await importCourseFolder(dir));
  return outcomes;
}
