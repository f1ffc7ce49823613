/**
 * The practice activities editor through HTTP: adding each kind with its markers, editing in a
 * translation, removing, the checker's problems beside their fields, refusals and stale saves.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIVITY_KINDS, type ActivityFile } from "~/activities/format.ts";
import { formValuesOf } from "~/authoring/activity-editor.server.ts";
import { field } from "~/authoring/activity-fields.ts";
import { readDraftModel } from "~/authoring/draft-model.ts";
import { copyNetworkCourse, readDraft, type AuthorScope } from "~/authoring/drafts.server.ts";
import { translationMatrix } from "~/authoring/translations.ts";
import { createUser, sessionCookie, type TestUser } from "../support/factories.ts";
import { attribute, elements, parseHtml, visibleText, type HtmlElement } from "../support/html.ts";
import { importSampleCourse, SAMPLE_COURSE } from "../support/learning.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

let server: TestServer;
let trainer: TestUser;
let scope: AuthorScope;
let cookie: string;
let courseKey: string;
const LESSON = "first-steps";

const pagePath = (query = "") => `/author/${courseKey}/lessons/${LESSON}/activities${query}`;

async function draftState() {
  const draft = (await readDraft(scope, courseKey))!;
  const read = readDraftModel(draft.files);
  if (!read.ok) throw new Error(read.unreadable.join(", "));
  const lesson = read.model.lessons.find((entry) => entry.key === LESSON)!;
  return { draft, lesson, revision: draft.revision };
}

async function post(form: Record<string, string>, query = "") {
  const { revision } = await draftState();
  return server.request(pagePath(query), { cookie, form: { revision: String(revision), lang: "es", ...form } });
}

async function page(query = ""): Promise<HtmlElement> {
  const response = await server.request(pagePath(query), { cookie });
  expect(response.status).toBe(200);
  return parseHtml(await response.text());
}

function byId(document: HtmlElement, id: string): HtmlElement | undefined {
  return [...elements(document)].find((element) => attribute(element, "id") === id);
}

/** Form fields for a new activity of each kind, in the source language. */
function newActivityForm(kind: (typeof ACTIVITY_KINDS)[number], prompt: string): Record<string, string> {
  const form: Record<string, string> = { intent: "save", kind, prompt, explanation: `Explicación ${kind}` };
  const rows = { choice: 3, spot: 3, sort: 3, order: 3 }[kind];
  for (let index = 0; index < rows; index += 1) {
    form[field.part(index, "text")] = `${kind} parte ${index + 1}`;
    if (kind !== "order") form[field.part(index, "feedback")] = `Comentario ${index + 1}`;
    if (index === 0 && (kind === "choice" || kind === "spot")) form[field.part(index, "flag")] = "on";
    if (kind === "sort") form[field.part(index, "category")] = index === 0 ? "0" : "1";
  }
  if (kind === "sort")
    Object.assign(form, { [field.category(0, "text")]: "Alto riesgo", [field.category(1, "text")]: "Bajo riesgo" });
  return form;
}

beforeAll(async () => {
  server = await startTestServer();
  await importSampleCourse();
  trainer = await createUser({ roles: ["TRAINER"] });
  scope = { cityId: trainer.cityId, citySlug: trainer.citySlug, userId: trainer.id };
  cookie = await sessionCookie(trainer.id);
  const copied = await copyNetworkCourse(scope, SAMPLE_COURSE);
  if (!copied.ok) throw new Error(copied.problem);
  courseKey = copied.key;
});

afterAll(async () => {
  await server.close();
});

describe("the activities page", () => {
  it("lists the lesson's activities with where each is placed in every language", async () => {
    const document = await page();
    const text = visibleText(document);
    expect(text).toContain("¿Qué haría antes de enviar la respuesta del asistente?");
    expect(text).toContain("español: después del título «Una sección».");
    expect(text).toContain("inglés: después del título «A section».");
  });

  it("is another city's trainers' 404 and a learner's 403", async () => {
    const other = await createUser({ city: "sao-paulo", roles: ["TRAINER"] });
    expect((await server.request(pagePath(), { cookie: await sessionCookie(other.id) })).status).toBe(404);
    const learner = await createUser();
    expect((await server.request(pagePath(), { cookie: await sessionCookie(learner.id) })).status).toBe(403);
    expect((await server.request(`/author/${courseKey}/lessons/no-such-lesson/activities`, { cookie })).status).toBe(404);
  });
});

describe("adding activities", () => {
  it("adds one of each kind, with a generated key and its marker appended to every language's Markdown", async () => {
    for (const kind of ACTIVITY_KINDS) {
      const response = await post(newActivityForm(kind, `Nueva actividad ${kind}`), `?new=${kind}`);
      expect(response.status).toBe(302);
      const key = `nueva-actividad-${kind}`;
      expect(response.headers.get("location")).toContain(`edit=${key}`);
      const { lesson } = await draftState();
      const added = lesson.activities.find((activity) => activity.key === key);
      expect(added?.kind).toBe(kind);
      for (const locale of ["es", "pt", "en"] as const)
        expect(lesson.translations[locale]!.body.trimEnd().endsWith(`{{activity: ${key}}}`)).toBe(true);
      const shown = visibleText(await page(`?lang=es&edit=${key}&saved=added`));
      expect(shown).toContain(`{{activity: ${key}}}`);
    }
    const { lesson } = await draftState();
    const sort = lesson.activities.find((activity) => activity.key === "nueva-actividad-sort") as Extract<
      ActivityFile,
      { kind: "sort" }
    >;
    expect(sort.items.map((item) => item.category)).toEqual(["alto-riesgo", "bajo-riesgo", "bajo-riesgo"]);
  });

  it("shows the checker's problems next to their fields, in the author's language", async () => {
    // Added in Spanish only: the other languages are missing.
    const prompt = byId(await page("?lang=es&edit=nueva-actividad-order"), "prompt-problems");
    expect(visibleText(prompt!)).toContain("Falta la versión en portugués");
    const faulty: Array<[string, Record<string, string>, string, string]> = [
      ["choice", { [field.part(0, "flag")]: "" }, "parts-problems", "no tiene ninguna opción correcta"],
      ["spot", { [field.part(0, "flag")]: "" }, "parts-problems", "no tiene ninguna frase con problema"],
      ["sort", { [field.part(0, "category")]: "1" }, "categories-problems", "no tiene ningún elemento"],
      ["order", { [field.part(1, "text")]: "order parte 1" }, "parts-problems", "aparece más de una vez"],
    ];
    for (const [kind, change, id, message] of faulty) {
      const key = `nueva-actividad-${kind}`;
      const { lesson } = await draftState();
      const values = formValuesOf(
        lesson.activities.find((activity) => activity.key === key)!,
        "es",
      );
      const response = await post({ ...values, ...change, intent: "save", key }, `?edit=${key}`);
      expect(response.status).toBe(302);
      const problems = byId(await page(`?lang=es&edit=${key}`), id);
      expect(problems && visibleText(problems)).toContain(message);
    }
  });
});

describe("editing an activity", () => {
  it("in a translation language makes the lesson's activities complete in it again", async () => {
    const unitState = async (locale: "pt" | "en") => {
      const { draft } = await draftState();
      return translationMatrix(draft.files, "es", ["es", "pt", "en"], draft.translations).find(
        (row) => row.unit === `activities:${LESSON}`,
      )!.states[locale];
    };
    const { lesson } = await draftState();
    // Only the sample's own activities: the ones added above lack their translations.
    for (const key of lesson.activities.map((activity) => activity.key).filter((key) => key.startsWith("nueva-"))) {
      expect((await post({ intent: "remove", key })).status).toBe(302);
    }
    expect(await unitState("pt")).toBe("complete");
    const choice = lesson.activities.find((activity) => activity.key === "check-a-reply")!;
    const source = formValuesOf(choice, "es");
    expect(
      (await post({ ...source, intent: "save", key: choice.key, prompt: "¿Qué haría usted antes de enviarla?" })).status,
    ).toBe(302);
    expect(await unitState("pt")).toBe("outdated");

    const translationPage = await page("?lang=pt&edit=check-a-reply");
    expect(visibleText(byId(translationPage, "prompt-source")!)).toContain("¿Qué haría usted antes de enviarla?");
    const ptValues = Object.fromEntries(
      [...elements(translationPage)]
        .filter(
          (element) => (element.tag === "input" || element.tag === "textarea") && attribute(element, "name")?.startsWith("part-"),
        )
        .map((element) => [
          attribute(element, "name")!,
          element.tag === "textarea" ? visibleText(element) : (attribute(element, "value") ?? ""),
        ]),
    );
    expect(ptValues[field.part(0, "text")]).toBe("Verificar a fonte citada");
    const response = await post({
      ...ptValues,
      intent: "save",
      key: choice.key,
      lang: "pt",
      prompt: "O que você faria antes de enviá-la?",
      explanation: "Explicação da escolha (pt).",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("lang=pt");
    expect(await unitState("pt")).toBe("complete");
    expect(await unitState("en")).toBe("outdated");
    const saved = (await draftState()).lesson.activities.find((activity) => activity.key === "check-a-reply") as Extract<
      ActivityFile,
      { kind: "choice" }
    >;
    expect(saved.prompt).toEqual({
      es: "¿Qué haría usted antes de enviarla?",
      pt: "O que você faria antes de enviá-la?",
      en: "What would you do before sending the assistant's reply?",
    });
    expect(saved.options.map((option) => option.correct)).toEqual([true, false, false]);
  });

  it("removes an activity with its markers in every language", async () => {
    expect((await post({ intent: "remove", key: "spot-the-problems" })).status).toBe(302);
    const { lesson } = await draftState();
    expect(lesson.activities.map((activity) => activity.key)).toEqual(["check-a-reply"]);
    for (const locale of ["es", "pt", "en"] as const) {
      expect(lesson.translations[locale]!.body).not.toContain("spot-the-problems");
      expect(lesson.translations[locale]!.body).toContain("{{activity: check-a-reply}}");
    }
  });
});

describe("refused saves", () => {
  it("refuses an empty source text and more than six options next to the field, writing nothing", async () => {
    const before = await draftState();
    const form = {
      ...newActivityForm("choice", " "),
      [field.part(3, "text")]: "4",
      [field.part(4, "text")]: "5",
      [field.part(5, "text")]: "6",
      [field.part(6, "text")]: "7",
    };
    const response = await post(form, "?new=choice");
    expect(response.status).toBe(400);
    const document = parseHtml(await response.text());
    expect(visibleText(byId(document, "prompt-error")!)).toContain("no puede quedar vacío");
    expect(visibleText(byId(document, "parts-error")!)).toContain("de 2 a 6 opciones");
    expect((await draftState()).revision).toBe(before.revision);
  });

  it("refuses a stale save, shows both texts and keeps the author's in the form", async () => {
    const { lesson, revision } = await draftState();
    const choice = lesson.activities[0]!;
    expect(
      (await post({ ...formValuesOf(choice, "es"), intent: "save", key: choice.key, explanation: "Guardada por otra sesión." }))
        .status,
    ).toBe(302);
    const response = await server.request(pagePath(`?edit=${choice.key}`), {
      cookie,
      form: {
        ...formValuesOf(choice, "es"),
        revision: String(revision),
        lang: "es",
        intent: "save",
        key: choice.key,
        explanation: "Mi explicación.",
      },
    });
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(html).toContain("Alguien guardó este borrador");
    expect(html).toContain("Guardada por otra sesión.");
    const explanation = byId(parseHtml(html), "explanation");
    expect(explanation && visibleText(explanation)).toBe("Mi explicación.");
    const saved = (await draftState()).lesson.activities[0]!;
    expect(saved.explanation.es).toBe("Guardada por otra sesión.");
  });
});
