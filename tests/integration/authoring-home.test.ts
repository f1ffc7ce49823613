/**
 * The authoring home and the course details page through HTTP: creating and copying a course,
 * saving details per language (translation states), adding, moving and removing lessons, a stale
 * save from a second session, and who may reach the pages.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDraft, type AuthorScope } from "~/authoring/drafts.server.ts";
import { readDraftModel } from "~/authoring/draft-model.ts";
import { translationMatrix } from "~/authoring/translations.ts";
import { db } from "~/db.server.ts";
import { createUser, sessionCookie, type TestUser } from "../support/factories.ts";
import { importSampleCourse, SAMPLE_COURSE } from "../support/learning.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

let server: TestServer;
let trainer: TestUser;
let otherTrainer: TestUser;
let saoPauloTrainer: TestUser;
let learner: TestUser;

const scopeOf = (user: TestUser): AuthorScope => ({ cityId: user.cityId, citySlug: user.citySlug, userId: user.id });

async function post(user: TestUser, path: string, form: Record<string, string | string[]>): Promise<Response> {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) for (const item of [value].flat()) body.append(name, item);
  return server.request(path, {
    method: "POST",
    cookie: await sessionCookie(user.id),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.origin },
    body: body.toString(),
  });
}

async function get(user: TestUser, path: string): Promise<Response> {
  return server.request(path, { cookie: await sessionCookie(user.id) });
}

async function draftOf(key: string) {
  const draft = (await readDraft(scopeOf(trainer), key))!;
  const read = readDraftModel(draft.files);
  if (!read.ok) throw new Error(read.unreadable.join());
  return { draft, model: read.model };
}

async function courseState(key: string, locale: "pt" | "en") {
  const { draft, model } = await draftOf(key);
  return translationMatrix(draft.files, draft.sourceLocale, model.course.languages, draft.translations).find(
    (row) => row.unit === "course",
  )!.states[locale];
}

const newCourse = {
  intent: "create",
  title: "Atencion ciudadana con IA",
  summary: "Como usar la IA en la atencion al publico.",
  sourceLocale: "es",
  level: "introductory",
  minutes: "45",
  competencies: ["generative-ai-use", "data-protection"],
  firstLesson: "Antes de empezar",
};

function detailsForm(
  revision: number,
  lang: string,
  texts: { title: string; summary: string; objectives?: string },
  languages = ["es", "pt"],
) {
  return {
    intent: "details",
    revision: String(revision),
    lang,
    objectives: "",
    ...texts,
    level: "introductory",
    minutes: "45",
    competencies: ["generative-ai-use"],
    recommendations: ["4"],
    languages,
  };
}

beforeAll(async () => {
  await importSampleCourse();
  server = await startTestServer();
  trainer = await createUser({ roles: ["TRAINER"] });
  otherTrainer = await createUser({ roles: ["TRAINER"] });
  saoPauloTrainer = await createUser({ city: "sao-paulo", roles: ["TRAINER"] });
  learner = await createUser();
});

afterAll(async () => {
  await server.close();
});

describe("the authoring home", () => {
  it("is refused to a learner", async () => {
    expect((await get(learner, "/author")).status).toBe(403);
  });

  it("refuses a new course with errors in the author's language and keeps what they typed", async () => {
    const response = await post(trainer, "/author", { ...newCourse, title: "", minutes: "x", competencies: [] });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Escribe un título de entre 3 y 120 caracteres.");
    expect(html).toContain("Escribe un número entero de minutos entre 1 y 6000.");
    expect(html).toContain("Elige al menos una opción.");
    expect(html).toContain("Antes de empezar");
    expect(await db().course.count({ where: { key: { startsWith: "madrid.atencion" } } })).toBe(0);
  });

  it("creates a city course as a draft with its first lesson and lists it as draft only", async () => {
    const response = await post(trainer, "/author", newCourse);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/author/madrid.atencion-ciudadana-con-ia?done=created");
    const { model } = await draftOf("madrid.atencion-ciudadana-con-ia");
    expect(model.course).toMatchObject({
      sourceLocale: "es",
      languages: ["es"],
      minutes: 45,
      competencies: ["generative-ai-use", "data-protection"],
      lessons: ["antes-de-empezar"],
    });
    const home = await (await get(trainer, "/author")).text();
    expect(home).toContain("Atencion ciudadana con IA");
    expect(home).toContain("Solo borrador");
  });

  it("copies a network course to the city, recording its source, and says when the network has a newer version", async () => {
    const response = await post(trainer, "/author", { intent: "copy", course: SAMPLE_COURSE });
    expect(response.status).toBe(302);
    const key = new URL(response.headers.get("location")!, server.origin).pathname.replace("/author/", "");
    expect(key).toMatch(/^madrid\.sample-course/);
    const copy = await db().course.findUniqueOrThrow({
      where: { key },
      select: { copiedFrom: { select: { key: true } }, copiedFromVersion: true, ownerCity: { select: { slug: true } } },
    });
    expect(copy).toEqual({ copiedFrom: { key: SAMPLE_COURSE }, copiedFromVersion: 1, ownerCity: { slug: "madrid" } });
    let home = await (await get(trainer, "/author")).text();
    expect(home).toMatch(/Copia de «[^»]+», versión 1\./);
    expect(home).not.toContain("La red ya publicó");
    // As if the copy had been made before the network's current version was published.
    await db().course.update({ where: { key }, data: { copiedFromVersion: 0 } });
    home = await (await get(trainer, "/author")).text();
    expect(home).toContain("La red ya publicó la versión 1 de ese curso.");
    await db().course.update({ where: { key }, data: { copiedFromVersion: 1 } });
  });

  it("refuses to copy a course that is not a published network course", async () => {
    const response = await post(trainer, "/author", { intent: "copy", course: "madrid.atencion-ciudadana-con-ia" });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("Ese curso de la red no se puede copiar.");
  });
});

describe("the course details page", () => {
  const key = "madrid.atencion-ciudadana-con-ia";
  const page = `/author/${key}`;

  it("is not found for another city's trainer, on reading and on saving", async () => {
    expect((await get(saoPauloTrainer, page)).status).toBe(404);
    const { draft } = await draftOf(key);
    expect(
      (await post(saoPauloTrainer, page, detailsForm(draft.revision, "es", { title: "Hackeado", summary: "Hackeado del todo" })))
        .status,
    ).toBe(404);
    expect((await draftOf(key)).model.course.title.es).toBe("Atencion ciudadana con IA");
  });

  it("adds a language as missing, saves a translation as complete, and a source edit makes it outdated", async () => {
    const source = {
      title: "Atencion ciudadana con IA",
      summary: "Como usar la IA en la atencion al publico.",
      objectives: "Entender\n\nPracticar",
    };
    let { draft } = await draftOf(key);
    let response = await post(trainer, page, detailsForm(draft.revision, "es", source));
    expect(response.status).toBe(302);
    expect((await draftOf(key)).model.course.objectives.es).toEqual(["Entender", "Practicar"]);
    expect(await courseState(key, "pt")).toBe("missing");

    ({ draft } = await draftOf(key));
    const html = await (await get(trainer, `${page}?lang=pt`)).text();
    expect(html).toContain("Textos en portugués");
    expect(html).toContain("Como usar la IA en la atencion al publico.");
    response = await post(
      trainer,
      page,
      detailsForm(draft.revision, "pt", {
        title: "Atendimento ao cidadao com IA",
        summary: "Como usar a IA no atendimento ao publico.",
        objectives: "Entender\nPraticar",
      }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`${page}?done=saved&lang=pt`);
    expect(await courseState(key, "pt")).toBe("complete");
    expect(await (await get(trainer, `${page}?lang=pt&done=saved`)).text()).toContain("Cambios guardados.");

    ({ draft } = await draftOf(key));
    await post(trainer, page, detailsForm(draft.revision, "es", { ...source, title: "Atencion ciudadana con IA generativa" }));
    expect(await courseState(key, "pt")).toBe("outdated");
    expect((await draftOf(key)).model.course.recommendations).toEqual([4]);
    expect((await draftOf(key)).model.course.title.pt).toBe("Atendimento ao cidadao com IA");
  });

  it("refuses an empty title in the source language next to the field, writing nothing", async () => {
    const { draft } = await draftOf(key);
    const response = await post(
      trainer,
      page,
      detailsForm(draft.revision, "es", { title: "", summary: "Sigue aqui el resumen" }),
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('id="title-error"');
    expect((await draftOf(key)).draft.revision).toBe(draft.revision);
  });

  it("adds a lesson, moves it up and removes the other after a confirmation step", async () => {
    let { draft } = await draftOf(key);
    let response = await post(trainer, page, {
      intent: "addLesson",
      revision: String(draft.revision),
      lessonTitle: "Quiz de repaso",
    });
    expect(response.status).toBe(302);
    expect((await draftOf(key)).model.course.lessons).toEqual(["antes-de-empezar", "quiz-de-repaso"]);

    ({ draft } = await draftOf(key));
    response = await post(trainer, page, {
      intent: "moveLesson",
      revision: String(draft.revision),
      lesson: "quiz-de-repaso",
      direction: "up",
    });
    expect(response.headers.get("location")).toBe(`${page}?done=lessonMoved`);
    ({ draft } = await draftOf(key));
    expect(draft.files.has("01-quiz-de-repaso/es.md")).toBe(true);
    expect(draft.files.has("02-antes-de-empezar/es.md")).toBe(true);

    const confirm = await (await get(trainer, `${page}?remove=antes-de-empezar`)).text();
    expect(confirm).toContain("¿Quitar la lección «Antes de empezar»");
    response = await post(trainer, page, {
      intent: "removeLesson",
      revision: String(draft.revision),
      lesson: "antes-de-empezar",
    });
    expect(response.status).toBe(302);
    ({ draft } = await draftOf(key));
    expect([...draft.files.keys()].filter((path) => path.endsWith(".md"))).toEqual(["01-quiz-de-repaso/es.md"]);

    response = await post(trainer, page, { intent: "removeLesson", revision: String(draft.revision), lesson: "quiz-de-repaso" });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain("Un curso necesita al menos una lección");
  });

  it("refuses a stale save from a second session, showing both texts and keeping the author's in the form", async () => {
    const { draft } = await draftOf(key);
    const first = await post(
      otherTrainer,
      page,
      detailsForm(draft.revision, "es", { title: "Titulo de la primera sesion", summary: "Resumen comun" }),
    );
    expect(first.status).toBe(302);
    const second = await post(
      trainer,
      page,
      detailsForm(draft.revision, "es", { title: "Titulo de la segunda sesion", summary: "Resumen comun" }),
    );
    expect(second.status).toBe(409);
    const html = await second.text();
    expect(html).toContain("Alguien guardó este borrador");
    expect(html.match(/Titulo de la primera sesion/g)?.length).toBeGreaterThanOrEqual(1);
    expect(html.match(/Titulo de la segunda sesion/g)?.length).toBeGreaterThanOrEqual(2);
    // The form offers to save again on the new revision.
    expect(html).toContain(`name="revision" value="${draft.revision + 1}"`);
    expect((await draftOf(key)).model.course.title.es).toBe("Titulo de la primera sesion");
  });
});
