import { beforeAll, describe, expect, it } from "vitest";
import {
  copyNetworkCourse,
  markTranslationCurrent,
  readDraft,
  restoreVersion,
  saveDraft,
  versionFiles,
  type AuthorScope,
} from "~/authoring/drafts.server.ts";
import { setInNetworkCatalog } from "~/authoring/network-catalog.server.ts";
import { draftStatus, publishDraft, publishable } from "~/authoring/publish.server.ts";
import { decideReview, submitForReview } from "~/authoring/reviews.server.ts";
import { translationMatrix } from "~/authoring/translations.ts";
import { getCourseOverview, listCatalog } from "~/courses/catalog.server.ts";
import { db } from "~/db.server.ts";
import { enroll, learnerCourseState, lessonForReading, markLessonComplete } from "~/learning/enrollments.server.ts";
import { createUser, type TestUser } from "../support/factories.ts";
import { currentUserFor, importSampleCourse, SAMPLE_COURSE } from "../support/learning.ts";

const decoder = new TextDecoder();
const encoder = new TextEncoder();

function scopeOf(user: TestUser): AuthorScope {
  return { cityId: user.cityId, citySlug: user.citySlug, userId: user.id };
}

async function copied(author: AuthorScope): Promise<string> {
  const outcome = await copyNetworkCourse(author, SAMPLE_COURSE);
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome.key;
}

/** Replaces text in one of the draft's files and saves it at the draft's current revision. */
async function edit(author: AuthorScope, key: string, file: string, from: string, to: string) {
  const draft = (await readDraft(author, key))!;
  const text = decoder.decode(draft.files.get(file)!);
  expect(text).toContain(from);
  return saveDraft(author, key, draft.revision, new Map([[file, encoder.encode(text.replace(from, to))]]));
}

async function publish(author: AuthorScope, key: string) {
  const draft = (await readDraft(author, key))!;
  return publishDraft(author, key, draft.revision);
}

let trainer: AuthorScope;
let otherTrainer: AuthorScope;
let saoPauloTrainer: AuthorScope;

beforeAll(async () => {
  await importSampleCourse();
  trainer = scopeOf(await createUser({ roles: ["TRAINER"] }));
  otherTrainer = scopeOf(await createUser({ roles: ["TRAINER"] }));
  saoPauloTrainer = scopeOf(await createUser({ city: "sao-paulo", roles: ["TRAINER"] }));
});

describe("copying a network course into a city", () => {
  it("makes a city course under the city's key space, with its source and version recorded", async () => {
    const key = await copied(trainer);
    expect(key).toBe("madrid.sample-course");
    const course = await db().course.findUniqueOrThrow({
      where: { key },
      select: {
        source: true,
        ownerCity: { select: { slug: true } },
        copiedFrom: { select: { key: true } },
        copiedFromVersion: true,
        currentVersionId: true,
      },
    });
    expect(course).toMatchObject({
      source: "CITY",
      ownerCity: { slug: "madrid" },
      copiedFrom: { key: SAMPLE_COURSE },
      copiedFromVersion: 1,
      currentVersionId: null,
    });
    expect(await copied(trainer)).toBe("madrid.sample-course-2");
    expect(await copied(saoPauloTrainer)).toBe("sao-paulo.sample-course");
  });

  it("copies every file of the network version, with the new key in course.yaml, translations complete", async () => {
    const draft = (await readDraft(trainer, "madrid.sample-course"))!;
    const network = await db().course.findUniqueOrThrow({ where: { key: SAMPLE_COURSE }, select: { currentVersionId: true } });
    const source = await versionFiles(network.currentVersionId!);
    expect([...draft.files.keys()]).toEqual([...source.keys()]);
    expect(decoder.decode(draft.files.get("course.yaml"))).toContain("key: madrid.sample-course");
    expect(draft.files.get("01-first-steps/es.md")).toEqual(source.get("01-first-steps/es.md"));
    const matrix = translationMatrix(draft.files, "es", ["es", "pt", "en"], draft.translations);
    expect(matrix.every((row) => row.states.pt === "complete" && row.states.en === "complete")).toBe(true);
  });

  it("keeps another city's drafts out of reach", async () => {
    expect(await readDraft(saoPauloTrainer, "madrid.sample-course")).toBeNull();
    const outcome = await saveDraft(
      saoPauloTrainer,
      "madrid.sample-course",
      1,
      new Map([["01-first-steps/es.md", encoder.encode("x")]]),
    );
    expect(outcome).toEqual({ ok: false, problem: "authoring.problem.notFound" });
  });
});

describe("a draft", () => {
  it("is invisible to learners: catalog, search, overview and enrolment", async () => {
    const learner = await currentUserFor();
    const catalog = await listCatalog("es", {}, { userId: learner.id, cityId: learner.city.id, departmentId: null });
    expect(catalog.map((course) => course.key)).not.toContain("madrid.sample-course");
    const search = await listCatalog(
      "es",
      { query: "prueba" },
      { userId: learner.id, cityId: learner.city.id, departmentId: null },
    );
    expect(search.map((course) => course.key)).toEqual([SAMPLE_COURSE]);
    expect(await getCourseOverview("madrid.sample-course", "es", learner.city.id)).toBeNull();
    expect(await enroll(learner, "madrid.sample-course")).toBeNull();
    expect(await lessonForReading(learner, "madrid.sample-course", "first-steps", "es")).toBeNull();
  });

  it("refuses a save made from a stale page and keeps the text saved first", async () => {
    const draft = (await readDraft(trainer, "madrid.sample-course"))!;
    const file = "02-next-steps/es.md";
    const original = decoder.decode(draft.files.get(file)!);
    const first = await saveDraft(
      trainer,
      "madrid.sample-course",
      draft.revision,
      new Map([[file, encoder.encode(original + "\nPrimera sesión.\n")]]),
    );
    expect(first).toEqual({ ok: true, revision: draft.revision + 1 });
    const second = await saveDraft(
      otherTrainer,
      "madrid.sample-course",
      draft.revision,
      new Map([[file, encoder.encode(original + "\nSegunda sesión.\n")]]),
    );
    expect(second).toMatchObject({ ok: false, problem: "authoring.problem.stale", revision: draft.revision + 1 });
    if (second.ok || second.problem !== "authoring.problem.stale") throw new Error("expected a stale save");
    expect(decoder.decode(second.current.get(file)!)).toContain("Primera sesión.");
    const after = (await readDraft(trainer, "madrid.sample-course"))!;
    expect(decoder.decode(after.files.get(file)!)).toContain("Primera sesión.");
    expect(decoder.decode(after.files.get(file)!)).not.toContain("Segunda sesión.");
  });

  it("marks translations outdated when the source text changes, and complete when they are saved again", async () => {
    await edit(
      trainer,
      "madrid.sample-course",
      "01-first-steps/es.md",
      "Texto de la lección (es).",
      "Texto revisado de la lección (es).",
    );
    let draft = (await readDraft(trainer, "madrid.sample-course"))!;
    let lesson = translationMatrix(draft.files, "es", ["es", "pt", "en"], draft.translations).find(
      (row) => row.unit === "lesson:first-steps",
    )!;
    expect(lesson.states).toEqual({ es: "source", pt: "outdated", en: "outdated" });
    expect(publishable(draft).languages).toEqual(["es"]);

    await edit(
      trainer,
      "madrid.sample-course",
      "01-first-steps/pt.md",
      "Texto de la lección (pt).",
      "Texto revisado da lição (pt).",
    );
    draft = (await readDraft(trainer, "madrid.sample-course"))!;
    lesson = translationMatrix(draft.files, "es", ["es", "pt", "en"], draft.translations).find(
      (row) => row.unit === "lesson:first-steps",
    )!;
    expect(lesson.states).toEqual({ es: "source", pt: "complete", en: "outdated" });
    // The second lesson's source was edited by the stale-save test: its Portuguese is outdated too,
    // until a translator confirms it still says the same.
    expect(publishable(draft).languages).toEqual(["es"]);
    expect(await markTranslationCurrent(trainer, "madrid.sample-course", draft.revision, "lesson:next-steps", "pt")).toEqual({
      ok: true,
      revision: draft.revision + 1,
    });
    draft = (await readDraft(trainer, "madrid.sample-course"))!;
    expect(publishable(draft).languages).toEqual(["es", "pt"]);
  });
});

describe("publishing", () => {
  it("publishes the draft in its complete languages, visible to the city's learners only", async () => {
    const draft = (await readDraft(trainer, "madrid.sample-course"))!;
    expect(await draftStatus(draft, null)).toBe("draftOnly");
    expect(await publish(trainer, "madrid.sample-course")).toEqual({ ok: true, version: 1 });
    const learner = await currentUserFor();
    const overview = await getCourseOverview("madrid.sample-course", "en", learner.city.id);
    // English was outdated: the learner reading in English gets the source language.
    expect(overview).toMatchObject({ shownLocale: "es" });
    const version = await db().courseVersion.findFirstOrThrow({
      where: { course: { key: "madrid.sample-course" } },
      select: { languages: true, publishedById: true },
    });
    expect(JSON.parse(version.languages)).toEqual(["es", "pt"]);
    expect(version.publishedById).toBe(trainer.userId);
    const saoPaulo = await currentUserFor({ city: "sao-paulo" });
    expect(await getCourseOverview("madrid.sample-course", "es", saoPaulo.city.id)).toBeNull();
    expect(await publish(trainer, "madrid.sample-course")).toEqual({ ok: false, problem: "authoring.problem.nothingToPublish" });
    const course = await db().course.findUniqueOrThrow({
      where: { key: "madrid.sample-course" },
      select: { currentVersionId: true },
    });
    expect(await draftStatus((await readDraft(trainer, "madrid.sample-course"))!, course.currentVersionId)).toBe("published");
  });

  it("keeps a learner's progress across a new version and shows them the new text", async () => {
    const learner = await currentUserFor();
    await enroll(learner, "madrid.sample-course");
    expect(await markLessonComplete(learner, "madrid.sample-course", "first-steps")).toMatchObject({ status: "done" });
    await edit(trainer, "madrid.sample-course", "02-next-steps/es.md", "Primera sesión.", "Texto nuevo para quien ya empezó.");
    const course = await db().course.findUniqueOrThrow({
      where: { key: "madrid.sample-course" },
      select: { currentVersionId: true },
    });
    expect(await draftStatus((await readDraft(trainer, "madrid.sample-course"))!, course.currentVersionId)).toBe(
      "unpublishedChanges",
    );
    expect(await publish(trainer, "madrid.sample-course")).toEqual({ ok: true, version: 2 });
    const reading = await lessonForReading(learner, "madrid.sample-course", "next-steps", "es");
    expect(reading && reading.enrolled && reading.lesson.parts.join("")).toContain("Texto nuevo para quien ya empezó.");
    const state = await learnerCourseState(learner, "madrid.sample-course");
    expect(state).toMatchObject({ completedLessonKeys: ["first-steps"] });
  });

  it("refuses to publish a draft with problems and names them", async () => {
    await edit(trainer, "madrid.sample-course", "quiz.yaml", "passMark:", "passMark: 250\n  oldPassMark:");
    const outcome = await publish(trainer, "madrid.sample-course");
    expect(outcome).toMatchObject({ ok: false, problem: "authoring.problem.invalid" });
    if (outcome.ok || outcome.problem !== "authoring.problem.invalid") throw new Error("expected problems");
    expect(outcome.problems.map((problem) => problem.file)).toContain("madrid.sample-course/quiz.yaml");
    const versions = await db().courseVersion.count({ where: { course: { key: "madrid.sample-course" } } });
    expect(versions).toBe(2);
  });

  it("lets learners reading during a publish see one whole version, never a mix", async () => {
    const key = await copied(otherTrainer);
    await edit(otherTrainer, key, "01-first-steps/es.md", "title: Primeros pasos", "title: Marca uno");
    await edit(otherTrainer, key, "01-first-steps/es.md", "Texto de la lección (es).", "Cuerpo marca uno.");
    expect(await publish(otherTrainer, key)).toMatchObject({ ok: true });
    const learner = await currentUserFor();
    await enroll(learner, key);
    await edit(otherTrainer, key, "01-first-steps/es.md", "title: Marca uno", "title: Marca dos");
    await edit(otherTrainer, key, "01-first-steps/es.md", "Cuerpo marca uno.", "Cuerpo marca dos.");
    let publishing = true;
    const seen: string[] = [];
    const readers = (async () => {
      while (publishing) {
        // Each read is its own turn of the event loop, as separate requests are.
        await new Promise((resolve) => setImmediate(resolve));
        const reading = await lessonForReading(learner, key, "first-steps", "es");
        if (!reading || !reading.enrolled) throw new Error("the lesson vanished during a publish");
        const title = reading.lesson.title.includes("dos") ? "dos" : "uno";
        const body = reading.lesson.parts.join("").includes("marca dos") ? "dos" : "uno";
        seen.push(`${title}/${body}`);
      }
    })();
    const outcome = await publish(otherTrainer, key);
    publishing = false;
    await readers;
    expect(outcome).toMatchObject({ ok: true });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((pair) => pair !== "uno/uno" && pair !== "dos/dos")).toEqual([]);
    const after = await lessonForReading(learner, key, "first-steps", "es");
    expect(after && after.enrolled && after.lesson.title).toBe("Marca dos");
  });
});

describe("review, when the city requires it", () => {
  it("needs another person's approval of the very revision published", async () => {
    const key = await copied(trainer);
    const madrid = await db().city.update({
      where: { slug: "madrid" },
      data: { requireCourseReview: true },
      select: { id: true },
    });
    try {
      expect(await publish(trainer, key)).toEqual({ ok: false, problem: "authoring.problem.needsApproval" });
      const draft = (await readDraft(trainer, key))!;
      expect(await submitForReview(trainer, key, draft.revision)).toEqual({ ok: true });
      expect(await submitForReview(trainer, key, draft.revision)).toEqual({
        ok: false,
        problem: "authoring.problem.alreadySubmitted",
      });
      expect(await decideReview(trainer, key, draft.revision, "APPROVED", "")).toEqual({
        ok: false,
        problem: "authoring.problem.ownReview",
      });
      expect(await decideReview(otherTrainer, key, draft.revision, "APPROVED", "Bien")).toEqual({ ok: true });
      // A save after the approval needs a new one.
      await edit(trainer, key, "02-next-steps/es.md", "---\n", "---\n");
      const saved = (await readDraft(trainer, key))!;
      expect(saved.revision).toBe(draft.revision + 1);
      expect(await publish(trainer, key)).toEqual({ ok: false, problem: "authoring.problem.needsApproval" });
      expect(await submitForReview(trainer, key, saved.revision)).toEqual({ ok: true });
      expect(await decideReview(otherTrainer, key, saved.revision, "RETURNED", "Falta el resumen")).toEqual({ ok: true });
      expect(await publish(trainer, key)).toEqual({ ok: false, problem: "authoring.problem.needsApproval" });
      expect(await submitForReview(trainer, key, saved.revision)).toEqual({ ok: true });
      expect(await decideReview(otherTrainer, key, saved.revision, "APPROVED", "")).toEqual({ ok: true });
      expect(await publish(trainer, key)).toMatchObject({ ok: true, version: 1 });
    } finally {
      await db().city.update({ where: { id: madrid.id }, data: { requireCourseReview: false } });
    }
  });
});

describe("history", () => {
  it("restores an earlier version as a new revision of the draft", async () => {
    const draft = (await readDraft(trainer, "madrid.sample-course"))!;
    const outcome = await restoreVersion(trainer, "madrid.sample-course", draft.revision, 1);
    expect(outcome).toEqual({ ok: true, revision: draft.revision + 1 });
    const version1 = await db().courseVersion.findFirstOrThrow({
      where: { course: { key: "madrid.sample-course" }, number: 1 },
      select: { id: true },
    });
    const restored = (await readDraft(trainer, "madrid.sample-course"))!;
    expect(restored.files).toEqual(await versionFiles(version1.id));
    expect(decoder.decode(restored.files.get("02-next-steps/es.md")!)).not.toContain("Texto nuevo para quien ya empezó.");
  });
});

describe("the network catalog", () => {
  it("shows a city course to every city while it is in the catalog", async () => {
    const saoPaulo = await currentUserFor({ city: "sao-paulo" });
    const networkAdmin = await createUser({ roles: ["NETWORK_ADMIN"] });
    expect(
      await setInNetworkCatalog({ userId: networkAdmin.id, cityId: networkAdmin.cityId }, "madrid.sample-course", true),
    ).toEqual({ ok: true });
    expect(await getCourseOverview("madrid.sample-course", "es", saoPaulo.city.id)).not.toBeNull();
    expect(await copyNetworkCourse(saoPauloTrainer, "madrid.sample-course")).toMatchObject({
      ok: true,
      key: "sao-paulo.sample-course-2",
    });
    expect(
      await setInNetworkCatalog({ userId: networkAdmin.id, cityId: networkAdmin.cityId }, "madrid.sample-course", false),
    ).toEqual({ ok: true });
    expect(await getCourseOverview("madrid.sample-course", "es", saoPaulo.city.id)).toBeNull();
    expect(
      await setInNetworkCatalog({ userId: networkAdmin.id, cityId: networkAdmin.cityId }, "madrid.sample-course-2", true),
    ).toEqual({ ok: false, problem: "authoring.problem.notNetworkPublishable" });
  });
});
