/**
 * Preview as a learner (issue 15): an author sees the draft as learners would once it is
 * published — its unpublished text, its activities checked and its quiz graded — while learners
 * keep seeing the published version, and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyNetworkCourse, readDraft, saveDraft, type AuthorScope } from "~/authoring/drafts.server.ts";
import { publishDraft } from "~/authoring/publish.server.ts";
import { db } from "~/db.server.ts";
import { createUser, sessionCookie, type TestUser } from "../support/factories.ts";
import { importSampleCourse, SAMPLE_COURSE } from "../support/learning.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

const decoder = new TextDecoder();
const encoder = new TextEncoder();

let server: TestServer;
let trainer: TestUser;
let key: string;
const base = () => `/author/${key}/preview`;

const scopeOf = (user: TestUser): AuthorScope => ({ cityId: user.cityId, citySlug: user.citySlug, userId: user.id });

async function editDraft(file: string, from: string, to: string) {
  const scope = scopeOf(trainer);
  const draft = (await readDraft(scope, key))!;
  const text = decoder.decode(draft.files.get(file)!);
  expect(text).toContain(from);
  const saved = await saveDraft(scope, key, draft.revision, new Map([[file, encoder.encode(text.replace(from, to))]]));
  expect(saved.ok).toBe(true);
}

async function page(path: string, user: TestUser | null, form?: Record<string, string>) {
  const response = await server.request(path, { cookie: user ? await sessionCookie(user.id) : undefined, form });
  return { status: response.status, html: await response.text() };
}

/** The rows a learner's reading, practising or quiz would write, and the draft's own. */
async function footprint() {
  const client = db();
  const draft = await client.courseDraft.findFirstOrThrow({
    where: { course: { key } },
    select: { id: true, revision: true, updatedAt: true },
  });
  return {
    enrollments: await client.enrollment.count(),
    lessonProgress: await client.lessonProgress.count(),
    activityAnswers: await client.activityAnswer.count(),
    quizAttempts: await client.quizAttempt.count(),
    certificates: await client.certificate.count(),
    courseVersions: await client.courseVersion.count(),
    draftFiles: await client.draftFile.count({ where: { draftId: draft.id } }),
    storedFiles: await client.storedFile.count(),
    revision: draft.revision,
    updatedAt: draft.updatedAt.toISOString(),
  };
}

beforeAll(async () => {
  await importSampleCourse();
  server = await startTestServer();
  trainer = await createUser({ roles: ["TRAINER"] });
  const copied = await copyNetworkCourse(scopeOf(trainer), SAMPLE_COURSE);
  if (!copied.ok) throw new Error(copied.problem);
  key = copied.key;
  // Published as copied, then changed in the draft only.
  const draft = (await readDraft(scopeOf(trainer), key))!;
  expect(await publishDraft(scopeOf(trainer), key, draft.revision)).toMatchObject({ ok: true });
  await editDraft("01-first-steps/es.md", "title: Primeros pasos", "title: Primeros pasos renovados");
  await editDraft("01-first-steps/es.md", "Texto de la lección (es).", "Texto nuevo del borrador (es).");
});

afterAll(async () => {
  await server.close();
});

describe("preview as a learner", () => {
  it("shows the draft's unpublished text, while learners keep the published version", async () => {
    const overview = await page(base(), trainer);
    expect(overview.status).toBe(200);
    expect(overview.html).toContain("Primeros pasos renovados");
    expect(overview.html).toContain("los alumnos no ven este borrador");
    const lesson = await page(`${base()}/first-steps`, trainer);
    expect(lesson.status).toBe(200);
    expect(lesson.html).toContain("Texto nuevo del borrador (es).");
    expect(lesson.html).toContain(`href="${base()}/next-steps?lang=es"`);

    const learner = await createUser({});
    const published = await page(`/courses/${key}`, learner);
    expect(published.status).toBe(200);
    expect(published.html).toContain("Primeros pasos");
    expect(published.html).not.toContain("renovados");
  });

  it("serves the draft's images and shows a language as its learners would get it", async () => {
    const lesson = await page(`${base()}/first-steps`, trainer);
    const image = lesson.html.match(/src="(\/files\/[0-9a-f]{64})"/)?.[1];
    expect(image).toBeDefined();
    const served = await server.request(image!);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toContain("image/svg+xml");
    // The Spanish source changed after the translations were saved: they are outdated, so
    // learners reading in Portuguese get the source language, and so does the preview.
    const portuguese = await page(`${base()}/first-steps?lang=pt`, trainer);
    expect(portuguese.html).toContain("Texto nuevo del borrador (es).");
    expect(portuguese.html).toContain("aún no está completo en Português");
    // Every language but the source is now outdated in that lesson: the course publishes in Spanish only.
    const english = await page(`${base()}/next-steps?lang=en`, trainer);
    expect(english.status).toBe(200);
    expect(english.html).toContain("aún no está completo en English");
    expect((await page(`${base()}/next-steps?lang=es`, trainer)).html).not.toContain("aún no está completo");
  });

  it("checks an activity and grades the quiz with feedback, writing nothing", async () => {
    const before = await footprint();
    expect((await page(base(), trainer)).status).toBe(200);
    expect((await page(`${base()}/first-steps`, trainer)).status).toBe(200);

    const checked = await page(`${base()}/first-steps?lang=es`, trainer, {
      activity: "check-a-reply",
      revision: "0",
      option: "check-source",
    });
    expect(checked.status).toBe(200);
    expect(checked.html).toContain("Bien (es). Comprobar es su deber.");
    expect(checked.html).toContain("Explicación de la elección (es).");
    const refused = await page(`${base()}/first-steps`, trainer, { activity: "check-a-reply", revision: "0" });
    expect(refused.status).toBe(400);
    expect(
      (await page(`${base()}/first-steps`, trainer, { activity: "no-such-activity", revision: "0", option: "x" })).status,
    ).toBe(404);

    const quiz = await page(`${base()}/quiz`, trainer);
    expect(quiz.status).toBe(200);
    expect(quiz.html).toContain("¿De qué color es el cielo?");
    expect(quiz.html).not.toContain("Es azul.");
    const graded = await page(`${base()}/quiz`, trainer, { "answer.colour-of-sky": "blue", "answer.pick-fruits": "stone" });
    expect(graded.status).toBe(200);
    expect(graded.html).toContain("Es azul.");
    expect(graded.html).toContain("Manzana y pera.");
    expect(graded.html).toContain("No aprobado: has obtenido un 33");

    expect(await footprint()).toEqual(before);
  });

  it("is only for the course's city's authors: another city's trainer gets 404, a learner 403", async () => {
    const saoPaulo = await createUser({ city: "sao-paulo", roles: ["TRAINER"] });
    const learner = await createUser({});
    for (const path of [base(), `${base()}/first-steps`, `${base()}/quiz`]) {
      expect((await page(path, saoPaulo)).status).toBe(404);
      expect((await page(path, learner)).status).toBe(403);
      expect((await page(path, null)).status).toBe(302);
    }
    expect((await page(`${base()}/quiz`, saoPaulo, { "answer.colour-of-sky": "blue" })).status).toBe(404);
    expect(
      (await page(`${base()}/first-steps`, learner, { activity: "check-a-reply", revision: "0", option: "check-source" })).status,
    ).toBe(403);
    const cityAdmin = await createUser({ roles: ["CITY_ADMIN"] });
    expect((await page(base(), cityAdmin)).status).toBe(200);
    expect((await page(`${base()}/no-such-lesson`, trainer)).status).toBe(404);
  });
});
