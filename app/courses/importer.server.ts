/**
 * Loads course folders into the database: one transaction per course, idempotent, and a
 * new version only when the files' content hash changes. A course with errors is
 * refused and its previous version stays live (warnings do not stop it).
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { db, Prisma } from "~/db.server.ts";
import { now } from "~/clock.server.ts";
import { listCourseFolders, loadCourse, type CourseSource, type Problem } from "./checker.server.ts";
import { makeProblem } from "./problems.ts";
import { activityRows } from "~/activities/stored.ts";
import { correctKeys, type QuestionFile } from "./format.ts";
import { joinLessonParts } from "./lesson-parts.ts";
import { LESSON_RENDERING, renderLessonBody } from "./markdown.server.ts";
import { foldForSearch } from "./search-text.ts";
import { isLocale } from "~/i18n/locales.ts";

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

export async function importCourse(source: CourseSource): Promise<ImportOutcome> {
  const { course, quiz } = source;
  const contentHash = versionHash(source);
  const existing = await db().course.findUnique({
    where: { key: course.key },
    select: { id: true, source: true, currentVersion: { select: { number: true, contentHash: true } } },
  });
  if (existing && existing.source !== "FILES") {
    const file = source.shownAs ? `${source.shownAs}/course.yaml` : "course.yaml";
    return { key: course.key, status: "refused", problems: [makeProblem(file, 1, "checker.courseKeyTaken", { key: course.key }, { path: ["key"] })] };
  }
  if (existing?.currentVersion?.contentHash === contentHash) {
    return { key: course.key, status: "unchanged", version: existing.currentVersion.number };
  }

  // Assets are content-addressed: inserting one that exists changes nothing.
  const assetUrls = new Map<string, string>();
  for (const asset of source.assets) {
    const hash = createHash("sha256").update(asset.bytes).digest("hex");
    const extension = path.extname(asset.relativePath).toLowerCase();
    await db().courseAsset.upsert({ where: { hash }, create: { hash, mimeType: MIME_TYPES[extension] ?? "application/octet-stream", bytes: new Uint8Array(asset.bytes) }, update: {} });
    assetUrls.set(asset.relativePath, assetUrl(hash, extension));
  }

  const number = (existing?.currentVersion?.number ?? 0) + 1;
  try {
    await db().$transaction(
      async (tx) => {
        const courseRow = existing ?? (await tx.course.create({ data: { key: course.key, source: "FILES", sourceLocale: course.sourceLocale }, select: { id: true } }));
        const version = await tx.courseVersion.create({
          data: {
            courseId: courseRow.id,
            number,
            contentHash,
            publishedAt: now(),
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
        await tx.course.update({ where: { id: courseRow.id }, data: { currentVersionId: version.id, sourceLocale: course.sourceLocale } });
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
  const { source, problems } = loadCourse(dir);
  if (!source) return { key: path.basename(dir), status: "refused", problems };
  return importCourse(source);
}

export async function importAllCourses(coursesDir: string): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const dir of listCourseFolders(coursesDir)) outcomes.push(await importCourseFolder(dir));
  return outcomes;
}
