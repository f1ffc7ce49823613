import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getCourseOverview, listCatalog } from "~/courses/catalog.server.ts";
import { importCourseFolder, versionHash } from "~/courses/importer.server.ts";
import { loadCourse } from "~/courses/checker.server.ts";
import { db } from "~/db.server.ts";
import { enroll, learnerCourseState, markLessonComplete } from "~/learning/enrollments.server.ts";
import { currentUserFor } from "../support/learning.ts";

const root = mkdtempSync(path.join(os.tmpdir(), "aula-import-"));
const dir = path.join(root, "sample-course");
cpSync(path.resolve("tests/fixtures/courses/sample-course"), dir, { recursive: true });

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function versionsOf(key: string) {
  return db().courseVersion.findMany({
    where: { course: { key } },
    orderBy: { number: "asc" },
    select: { number: true, contentHash: true },
  });
}

describe("course importer", () => {
  it("imports a course with its lessons, quiz and images on first run", async () => {
    expect(await importCourseFolder(dir)).toEqual({ key: "sample-course", status: "created", version: 1 });
    const overview = await getCourseOverview("sample-course", "pt", null);
    expect(overview).toMatchObject({
      title: "Curso de teste",
      shownLocale: "pt",
      lessons: [{ key: "first-steps", title: "Primeiros passos" }, { key: "next-steps" }],
    });
    const lesson = await db().lessonContent.findFirstOrThrow({
      where: { locale: "en", lesson: { key: "first-steps" } },
      select: { html: true },
    });
    const assetPath = lesson.html.match(/src="(\/course-assets\/[0-9a-f]{64}\.svg)"/)?.[1];
    expect(assetPath).toBeTruthy();
    expect(await db().courseAsset.count()).toBeGreaterThanOrEqual(1);
    const questions = await db().question.findMany({
      where: { quiz: { version: { course: { key: "sample-course" } } } },
      select: { key: true, correct: true },
    });
    expect(questions.find((question) => question.key === "water-is-wet")?.correct).toBe('["true"]');
  });

  it("changes nothing when the files have not changed", async () => {
    const before = await versionsOf("sample-course");
    expect(await importCourseFolder(dir)).toEqual({ key: "sample-course", status: "unchanged", version: 1 });
    expect(await versionsOf("sample-course")).toEqual(before);
  });

  it("publishes a new version when a lesson changes, keeping the stable lesson keys and learners' progress", async () => {
    const learner = await currentUserFor();
    await enroll(learner, "sample-course");
    expect(await markLessonComplete(learner, "sample-course", "first-steps")).toMatchObject({ status: "done" });
    const file = path.join(dir, "02-next-steps/en.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("Texto (en).", "Updated text (en)."));
    expect(await importCourseFolder(dir)).toEqual({ key: "sample-course", status: "new-version", version: 2 });
    const course = await db().course.findUniqueOrThrow({
      where: { key: "sample-course" },
      select: { currentVersion: { select: { number: true, lessons: { select: { key: true } } } } },
    });
    expect(course.currentVersion?.number).toBe(2);
    expect(course.currentVersion?.lessons.map((lesson) => lesson.key).sort()).toEqual(["first-steps", "next-steps"]);
    const html = await db().lessonContent.findFirstOrThrow({
      where: { locale: "en", lesson: { key: "next-steps", version: { number: 2 } } },
      select: { html: true },
    });
    expect(html.html).toContain("Updated text (en).");
    expect(await learnerCourseState(learner, "sample-course")).toMatchObject({
      enrolled: true,
      completedLessonKeys: ["first-steps"],
      percent: 33,
      continueAt: "next-steps",
    });
  });

  it("refuses an invalid course and leaves the previous version live", async () => {
    const before = await versionsOf("sample-course");
    writeFileSync(path.join(dir, "quiz.yaml"), readFileSync(path.join(dir, "quiz.yaml"), "utf8").replace("draw: 2", "draw: 20"));
    const outcome = await importCourseFolder(dir);
    expect(outcome.status).toBe("refused");
    expect(outcome.status === "refused" && outcome.problems.map((problem) => problem.message)).toEqual([
      "Each attempt draws 20 questions, but the pool has only 3 questions.",
    ]);
    expect(await versionsOf("sample-course")).toEqual(before);
    expect((await listCatalog("es")).find((entry) => entry.key === "sample-course")?.title).toBe("Curso de prueba");
  });

  it("imports a course whose only problems are warnings (item-writing), and says which", async () => {
    const warned = path.join(mkdtempSync(path.join(root, "warned-")), "warned-course");
    cpSync(path.resolve("tests/fixtures/courses/sample-course"), warned, { recursive: true });
    const edit = (file: string, from: string, to: string) =>
      writeFileSync(path.join(warned, file), readFileSync(path.join(warned, file), "utf8").replace(from, to));
    edit("course.yaml", "key: sample-course", "key: warned-course");
    edit("quiz.yaml", "en: Blue }", "en: Blue as the sea }");
    const { source, problems } = loadCourse(warned);
    expect(problems.map((problem) => [problem.code, problem.severity])).toEqual([["checker.correctOftenLongest", "warning"]]);
    expect(source?.course.key).toBe("warned-course");
    expect(await importCourseFolder(warned)).toEqual({ key: "warned-course", status: "created", version: 1 });
    expect((await listCatalog("en")).some((entry) => entry.key === "warned-course")).toBe(true);
  });

  it("renders every lesson anew when the renderer changes, even if the files did not", async () => {
    const key = "sample-course";
    const fresh = path.join(mkdtempSync(path.join(root, "shipped-")), "sample-course");
    cpSync(path.resolve("tests/fixtures/courses/sample-course"), fresh, { recursive: true });
    expect((await importCourseFolder(fresh)).status).not.toBe("refused");
    expect((await importCourseFolder(fresh)).status).toBe("unchanged");
    // What a version stored by an earlier renderer looks like: a hash of the files alone.
    const [latest] = await db().courseVersion.findMany({
      where: { course: { key } },
      orderBy: { number: "desc" },
      take: 1,
      select: { id: true, number: true },
    });
    const { source } = loadCourse(fresh);
    await db().courseVersion.update({ where: { id: latest!.id }, data: { contentHash: source!.contentHash } });
    await db().lessonContent.updateMany({ where: { lesson: { versionId: latest!.id } }, data: { html: "<p>old rendering</p>" } });

    expect(await importCourseFolder(fresh)).toEqual({ key, status: "new-version", version: latest!.number + 1 });
    const current = await db().course.findUniqueOrThrow({
      where: { key },
      select: {
        currentVersion: { select: { contentHash: true, lessons: { select: { contents: { select: { html: true } } } } } },
      },
    });
    expect(current.currentVersion?.contentHash).toBe(versionHash(source!));
    const html = current.currentVersion!.lessons.flatMap((lesson) => lesson.contents.map((content) => content.html));
    expect(html.length).toBeGreaterThan(0);
    expect(html.some((lesson) => lesson.includes("old rendering"))).toBe(false);
    expect((await importCourseFolder(fresh)).status).toBe("unchanged");
  });
});
