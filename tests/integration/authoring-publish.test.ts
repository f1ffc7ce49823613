/**
 * Review and publish through the pages: a trainer publishes a draft and the city's learners (only
 * they) see it; a draft with problems is refused with the problems listed in the author's language
 * and nothing written; with the city's review setting on, an approval by someone else is needed
 * for the very revision published; the network admin puts a city course in the network catalog
 * and withdraws it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyNetworkCourse, readDraft, saveDraft, type AuthorScope } from "~/authoring/drafts.server.ts";
import { loadBranding } from "~/cities/branding.server.ts";
import { db } from "~/db.server.ts";
import { createUser, sessionCookie, type TestUser } from "../support/factories.ts";
import { mainContent, parseHtml, visibleText } from "../support/html.ts";
import { importSampleCourse, SAMPLE_COURSE } from "../support/learning.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

const decoder = new TextDecoder();
const encoder = new TextEncoder();

let server: TestServer;
let trainer: TestUser;
let otherTrainer: TestUser;
let englishTrainer: TestUser;
let cityAdmin: TestUser;
let learner: TestUser;
let saoPauloLearner: TestUser;
let saoPauloTrainer: TestUser;
let networkAdmin: TestUser;

const scopeOf = (user: TestUser): AuthorScope => ({ cityId: user.cityId, citySlug: user.citySlug, userId: user.id });

async function get(path: string, user: TestUser) {
  const response = await server.request(path, { cookie: await sessionCookie(user.id) });
  return { status: response.status, text: visibleText(mainContent(parseHtml(await response.text()))) };
}

async function post(path: string, user: TestUser, form: Record<string, string>) {
  const response = await server.request(path, { cookie: await sessionCookie(user.id), form });
  const location = response.headers.get("location");
  return { status: response.status, location, text: location ? "" : visibleText(mainContent(parseHtml(await response.text()))) };
}

async function copy(): Promise<string> {
  const outcome = await copyNetworkCourse(scopeOf(trainer), SAMPLE_COURSE);
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome.key;
}

async function revisionOf(key: string): Promise<string> {
  return String((await readDraft(scopeOf(trainer), key))!.revision);
}

async function edit(key: string, file: string, from: string, to: string) {
  const draft = (await readDraft(scopeOf(trainer), key))!;
  const text = decoder.decode(draft.files.get(file)!);
  expect(text).toContain(from);
  const saved = await saveDraft(scopeOf(trainer), key, draft.revision, new Map([[file, encoder.encode(text.replace(from, to))]]));
  expect(saved.ok).toBe(true);
}

const publishPath = (key: string) => `/author/${key}/publish`;

async function setReviewRequired(on: boolean) {
  const settings = await loadBranding(cityAdmin.cityId);
  const form: Record<string, string> = {
    intent: "save",
    primaryColor: settings.primaryColor,
    accentColor: settings.accentColor,
    signatoryName: settings.signatoryName,
    signatoryTitle: settings.signatoryTitle,
    certificatePrefix: settings.certificatePrefix,
    emailDomains: settings.emailDomains.join("\n"),
    defaultLocale: settings.defaultLocale,
    timeZone: settings.timeZone,
    dataProtectionContact: settings.dataProtectionContact,
    ...(on ? { requireCourseReview: "on" } : {}),
  };
  const saved = await post("/admin/branding", cityAdmin, form);
  expect(saved).toMatchObject({ status: 302, location: "/admin/branding?saved=1" });
}

beforeAll(async () => {
  await importSampleCourse();
  server = await startTestServer();
  trainer = await createUser({ roles: ["TRAINER"], name: "Tomasa Formadora" });
  otherTrainer = await createUser({ roles: ["TRAINER"], name: "Otra Formadora" });
  englishTrainer = await createUser({ roles: ["TRAINER"], locale: "en" });
  cityAdmin = await createUser({ roles: ["CITY_ADMIN"], name: "Alcaldesa Admin" });
  learner = await createUser({});
  saoPauloLearner = await createUser({ city: "sao-paulo" });
  saoPauloTrainer = await createUser({ city: "sao-paulo", roles: ["TRAINER"] });
  networkAdmin = await createUser({ roles: ["NETWORK_ADMIN"] });
});

afterAll(async () => {
  await server.close();
});

describe("publishing from the page", () => {
  it("publishes a copied course for the city's learners only, and says which version", async () => {
    const key = await copy();
    const before = await get(publishPath(key), trainer);
    expect(before.status).toBe(200);
    expect(before.text).toContain("Solo borrador: los alumnos todavía no ven este curso.");
    expect(before.text).toContain("Se publicará en: español, portugués e inglés.");
    expect(before.text).toContain("No hay ningún problema que impida publicar.");
    expect((await get(`/courses/${key}`, learner)).status).toBe(404);
    expect((await get(publishPath(key), saoPauloTrainer)).status).toBe(404);

    const published = await post(publishPath(key), trainer, { intent: "publish", revision: await revisionOf(key) });
    expect(published).toMatchObject({ status: 302, location: `${publishPath(key)}?done=published&version=1` });
    const after = await get(published.location!, trainer);
    expect(after.text).toContain("Versión 1 publicada.");
    expect(after.text).toContain("Publicado tal como está el borrador.");
    expect((await get(`/courses/${key}`, learner)).status).toBe(200);
    expect((await get(`/courses/${key}`, saoPauloLearner)).status).toBe(404);

    // Again, with nothing changed: refused, nothing written.
    const again = await post(publishPath(key), trainer, { intent: "publish", revision: await revisionOf(key) });
    expect(again.status).toBe(409);
    expect(again.text).toContain("No hay cambios que publicar");
    expect(await db().courseVersion.count({ where: { course: { key } } })).toBe(1);
  });

  it("refuses a stale revision and writes nothing", async () => {
    const key = await copy();
    const stale = await post(publishPath(key), trainer, {
      intent: "publish",
      revision: String(Number(await revisionOf(key)) + 5),
    });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain("Alguien guardó este borrador");
    expect(await db().courseVersion.count({ where: { course: { key } } })).toBe(0);
  });

  it("refuses a draft with problems, listed by file with the line, in the author's language", async () => {
    const key = await copy();
    await edit(key, "quiz.yaml", "correct: [blue]", "correct: [purple]");
    const page = await get(publishPath(key), trainer);
    expect(page.text).toContain("Problemas que impiden publicar");
    expect(page.text).toContain("Cuestionario (español)");
    expect(page.text).toMatch(/En la línea \d+ ?: La opción correcta «purple» no existe en la pregunta «colour-of-sky»\./);

    const refused = await post(publishPath(key), trainer, { intent: "publish", revision: await revisionOf(key) });
    expect(refused.status).toBe(422);
    expect(refused.text).toContain("El borrador tiene problemas que impiden publicarlo.");
    expect(refused.text).toContain("La opción correcta «purple» no existe");
    const english = await post(publishPath(key), englishTrainer, { intent: "publish", revision: await revisionOf(key) });
    expect(english.status).toBe(422);
    expect(english.text).toContain("The draft has problems that prevent publishing it.");
    expect(english.text).toContain("Quiz (Spanish)");
    expect(english.text).toMatch(/On line \d+ ?: The correct option “purple” does not exist in the question “colour-of-sky”\./);
    const course = await db().course.findUniqueOrThrow({
      where: { key },
      select: { currentVersionId: true, _count: { select: { versions: true } } },
    });
    expect(course).toEqual({ currentVersionId: null, _count: { versions: 0 } });
  });

  it("names the languages left out and why", async () => {
    const key = await copy();
    await edit(key, "01-first-steps/es.md", "- Punto.", "- Punto nuevo.");
    const page = await get(publishPath(key), trainer);
    expect(page.text).toContain("Se publicará en: español.");
    expect(page.text).toContain("Queda fuera el portugués, porque le falta o tiene desactualizado:");
    expect(page.text).toMatch(/Lección «[^»]+»: desactualizada/);
    expect(page.text).toContain("Ir a las traducciones");
  });
});

describe("review before publishing", () => {
  it("lets the city admin require it, audited with the other settings", async () => {
    await setReviewRequired(true);
    expect(await db().city.findUniqueOrThrow({ where: { id: cityAdmin.cityId }, select: { requireCourseReview: true } })).toEqual(
      { requireCourseReview: true },
    );
    const entry = await db().auditLog.findFirstOrThrow({
      where: { cityId: cityAdmin.cityId, action: "city.branding.update" },
      orderBy: { id: "desc" },
    });
    expect(entry.details).toContain("requireCourseReview");
    const form = await get("/admin/branding", cityAdmin);
    expect(form.text).toContain("Los cursos necesitan revisión antes de publicarse");
  });

  it("needs another person's approval of the very revision published; returning needs a comment", async () => {
    const key = await copy();
    const needs = await post(publishPath(key), trainer, { intent: "publish", revision: await revisionOf(key) });
    expect(needs.status).toBe(409);
    expect(needs.text).toContain("necesita la aprobación de otra persona");

    expect((await post(publishPath(key), trainer, { intent: "submit", revision: await revisionOf(key) })).location).toBe(
      `${publishPath(key)}?done=submit`,
    );
    const own = await post(publishPath(key), trainer, { intent: "approve", revision: await revisionOf(key) });
    expect(own.status).toBe(409);
    expect(own.text).toContain("No puedes revisar un borrador que enviaste tú");
    const pending = await get(publishPath(key), otherTrainer);
    expect(pending.text).toContain("Enviada a revisión por Tomasa Formadora");
    expect((await post(publishPath(key), otherTrainer, { intent: "approve", revision: await revisionOf(key) })).status).toBe(302);

    // A later save needs a new approval.
    await edit(key, "01-first-steps/es.md", "- Punto.", "- Otro punto.");
    const stale = await post(publishPath(key), trainer, { intent: "publish", revision: await revisionOf(key) });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain("necesita la aprobación de otra persona");
    expect(await db().courseVersion.count({ where: { course: { key } } })).toBe(0);

    await post(publishPath(key), trainer, { intent: "submit", revision: await revisionOf(key) });
    const noComment = await post(publishPath(key), otherTrainer, {
      intent: "return",
      revision: await revisionOf(key),
      comment: "  ",
    });
    expect(noComment.status).toBe(400);
    expect(noComment.text).toContain("Escribe un comentario que explique qué hay que cambiar.");
    expect(
      (await db().draftReview.findFirstOrThrow({ where: { draft: { course: { key } } }, orderBy: { submittedAt: "desc" } }))
        .state,
    ).toBe("SUBMITTED");
    expect(
      (
        await post(publishPath(key), otherTrainer, {
          intent: "return",
          revision: await revisionOf(key),
          comment: "Revisa el segundo párrafo.",
        })
      ).status,
    ).toBe(302);
    const returned = await get(publishPath(key), trainer);
    expect(returned.text).toContain("Devuelta por Otra Formadora");
    expect(returned.text).toContain("Revisa el segundo párrafo.");
    expect(returned.text).toContain("Historial de revisiones");

    await post(publishPath(key), trainer, { intent: "submit", revision: await revisionOf(key) });
    expect((await post(publishPath(key), cityAdmin, { intent: "approve", revision: await revisionOf(key) })).status).toBe(302);
    const published = await post(publishPath(key), trainer, { intent: "publish", revision: await revisionOf(key) });
    expect(published).toMatchObject({ status: 302, location: `${publishPath(key)}?done=published&version=1` });
    const history = await get(publishPath(key), trainer);
    expect(history.text).toContain("Aprobada por Alcaldesa Admin");
  });

  it("no longer asks for review once the city admin turns it off", async () => {
    await setReviewRequired(false);
    const key = await copy();
    const page = await get(publishPath(key), trainer);
    expect(page.text).not.toContain("Enviar a revisión");
    expect((await post(publishPath(key), trainer, { intent: "publish", revision: await revisionOf(key) })).status).toBe(302);
  });
});

describe("the network catalog", () => {
  it("lets the network admin publish a city course to every city and withdraw it after confirming", async () => {
    const key = await copy();
    await post(publishPath(key), trainer, { intent: "publish", revision: await revisionOf(key) });
    await db().enrollment.create({
      data: { userId: learner.id, courseId: (await db().course.findUniqueOrThrow({ where: { key } })).id },
    });
    const list = await get("/network/courses", networkAdmin);
    expect(list.status).toBe(200);
    expect(list.text).toContain("Cursos de las ciudades");
    expect(list.text).toContain("Madrid");

    const published = await post("/network/courses", networkAdmin, { intent: "publish", course: key });
    expect(published.status).toBe(302);
    expect((await db().course.findUniqueOrThrow({ where: { key } })).networkPublishedAt).not.toBeNull();
    expect((await get(`/courses/${key}`, saoPauloLearner)).status).toBe(200);
    expect((await get(published.location!, networkAdmin)).text).toContain("está ahora en el catálogo de la red");

    const asked = await post("/network/courses", networkAdmin, { intent: "withdraw", course: key });
    expect(asked.status).toBe(200);
    expect(asked.text).toContain("Los alumnos de otras ciudades dejarán de verlo");
    expect((await db().course.findUniqueOrThrow({ where: { key } })).networkPublishedAt).not.toBeNull();
    const withdrawn = await post("/network/courses", networkAdmin, { intent: "withdraw", course: key, confirmed: "1" });
    expect(withdrawn.status).toBe(302);
    expect((await db().course.findUniqueOrThrow({ where: { key } })).networkPublishedAt).toBeNull();
    expect((await get(`/courses/${key}`, saoPauloLearner)).status).toBe(404);
    const actions = await db().auditLog.findMany({
      where: { targetId: key, action: { startsWith: "course.network" } },
      select: { action: true },
    });
    expect(actions.map((row) => row.action).sort()).toEqual(["course.networkPublished", "course.networkWithdrawn"]);
  });

  it("refuses a course that is not a published city course", async () => {
    const refused = await post("/network/courses", networkAdmin, { intent: "publish", course: SAMPLE_COURSE });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain("Solo se puede publicar en la red un curso de una ciudad que ya esté publicado.");
  });

  it("is closed to trainers", async () => {
    expect((await get("/network/courses", trainer)).status).toBe(403);
    expect((await post("/network/courses", trainer, { intent: "publish", course: "madrid.sample-course" })).status).toBe(403);
  });
});
