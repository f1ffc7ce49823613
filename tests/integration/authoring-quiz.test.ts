/**
 * The quiz editor (/author/<course>/quiz) through the real server: settings saved or refused with
 * nothing written, questions of every type added, a translation completing the quiz in its
 * language, the checker's errors and item-writing warnings shown beside their fields, and a stale
 * save refused with the author's text kept.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyNetworkCourse, readDraft, type AuthorScope } from "~/authoring/drafts.server.ts";
import { readDraftModel } from "~/authoring/draft-model.ts";
import { translationMatrix } from "~/authoring/translations.ts";
import type { QuestionFile } from "~/courses/format.ts";
import { problemText } from "~/courses/problems.ts";
import { translatorFor } from "~/i18n/translate.ts";
import { createUser, sessionCookie, type TestUser } from "../support/factories.ts";
import { attribute, elements, parseHtml, visibleText, type HtmlElement } from "../support/html.ts";
import { importSampleCourse, SAMPLE_COURSE } from "../support/learning.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

const es = translatorFor("es");
let server: TestServer;
let trainer: TestUser;
let scope: AuthorScope;

beforeAll(async () => {
  server = await startTestServer();
  await importSampleCourse();
  trainer = await createUser({ roles: ["TRAINER"] });
  scope = { cityId: trainer.cityId, citySlug: trainer.citySlug, userId: trainer.id };
});
afterAll(async () => {
  await server.close();
});

async function newCopy(): Promise<string> {
  const copied = await copyNetworkCourse(scope, SAMPLE_COURSE);
  if (!copied.ok) throw new Error(copied.problem);
  return copied.key;
}

async function draftOf(key: string) {
  const draft = (await readDraft(scope, key))!;
  const read = readDraftModel(draft.files);
  if (!read.ok) throw new Error(`unreadable: ${read.unreadable.join(", ")}`);
  return { draft, quiz: read.model.quiz };
}

async function get(path: string, user: TestUser = trainer) {
  const response = await server.request(path, { cookie: await sessionCookie(user.id) });
  return { status: response.status, document: parseHtml(await response.text()) };
}

/** Posts form fields, a name repeated for each of its values, as the browser does. */
async function post(path: string, fields: Array<[string, string]>, user: TestUser = trainer) {
  const response = await server.request(path, {
    method: "POST",
    cookie: await sessionCookie(user.id),
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.origin },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, location: response.headers.get("location"), document: parseHtml(await response.text()) };
}

function byId(document: HtmlElement, id: string): HtmlElement | undefined {
  return [...elements(document)].find((element) => attribute(element, "id") === id);
}

const textOf = (document: HtmlElement, id: string) => {
  const element = byId(document, id);
  return element ? visibleText(element) : "";
};

function settingsForm(revision: number, overrides: Record<string, string> = {}): Array<[string, string]> {
  const fields = {
    intent: "settings",
    revision: String(revision),
    passMark: "50",
    attemptLimit: "3",
    cooldownMinutes: "60",
    timeLimitMinutes: "",
    draw: "2",
    mode: "exam",
    ...overrides,
  };
  return Object.entries(fields);
}

/** A question's form in the source language, as the page sends it (the blank new-option row included). */
function questionForm(
  revision: number,
  question: QuestionFile,
  overrides: { text?: string; optionTexts?: Record<string, string>; correct?: string[]; newOption?: string } = {},
): Array<[string, string]> {
  const fields: Array<[string, string]> = [
    ["revision", String(revision)],
    ["lang", "es"],
    ["type", question.type],
    ["text", overrides.text ?? question.text.es!],
  ];
  if (question.type === "true-false") fields.push(["answer", String(question.answer)]);
  else {
    for (const option of question.options)
      fields.push(["optionKey", option.key], ["optionText", overrides.optionTexts?.[option.key] ?? option.text.es!]);
    fields.push(["optionKey", ""], ["optionText", overrides.newOption ?? ""]);
    for (const key of overrides.correct ?? question.correct) fields.push(["correct", key]);
  }
  fields.push(["explanation", question.explanation.es!]);
  return fields;
}

describe("quiz settings", () => {
  it("saves the settings, an empty attempt limit meaning unlimited, and comes back with a saved notice", async () => {
    const key = await newCopy();
    const { draft } = await draftOf(key);
    const saved = await post(
      `/author/${key}/quiz`,
      settingsForm(draft.revision, {
        passMark: "80",
        attemptLimit: "",
        cooldownMinutes: "10",
        timeLimitMinutes: "30",
        mode: "practice",
      }),
    );
    expect(saved.status).toBe(302);
    expect(saved.location).toBe(`/author/${key}/quiz?saved=settings`);
    const after = await draftOf(key);
    expect(after.quiz.settings).toEqual({ passMark: 80, cooldownMinutes: 10, timeLimitMinutes: 30, draw: 2, mode: "practice" });
    expect(after.draft.revision).toBe(draft.revision + 1);
    const page = await get(saved.location!);
    expect(visibleText(page.document)).toContain(es("authoring.quiz.saved"));
  });

  it("refuses a pass mark of 150 and a negative cool-down next to their fields, writing nothing", async () => {
    const key = await newCopy();
    const { draft } = await draftOf(key);
    const refused = await post(`/author/${key}/quiz`, settingsForm(draft.revision, { passMark: "150", cooldownMinutes: "-5" }));
    expect(refused.status).toBe(400);
    expect(textOf(refused.document, "passMark-error")).toBe(es("authoring.quiz.error.passMark"));
    expect(textOf(refused.document, "cooldownMinutes-error")).toBe(es("authoring.quiz.error.cooldown"));
    // The typed values stay in the form.
    expect(attribute(byId(refused.document, "passMark")!, "value")).toBe("150");
    const after = await draftOf(key);
    expect(after.draft.revision).toBe(draft.revision);
    expect(after.quiz.settings.passMark).toBe(50);
  });
});

describe("questions", () => {
  it("adds a question of each type, its keys made from its text", async () => {
    const key = await newCopy();
    const choice = (type: "single" | "multiple") => [
      ["type", type],
      ["text", type === "single" ? "¿Quién firma la resolución?" : "¿Qué datos son personales?"],
      ["optionKey", ""],
      ["optionText", "La jefa de servicio"],
      ["optionKey", ""],
      ["optionText", "El asistente de IA"],
      ["optionKey", ""],
      ["optionText", ""],
      ["correct", "+0"],
      ...(type === "multiple" ? [["correct", "+1"]] : []),
      ["explanation", "Decide una persona."],
    ];
    for (const [type, fields] of [
      ["single", choice("single")],
      ["multiple", choice("multiple")],
      [
        "true-false",
        [
          ["type", "true-false"],
          ["text", "La IA puede firmar resoluciones."],
          ["answer", "false"],
          ["explanation", "No: firma una persona."],
        ],
      ],
    ] as const) {
      const { draft } = await draftOf(key);
      const added = await post(`/author/${key}/quiz/new`, [
        ["revision", String(draft.revision)],
        ["lang", "es"],
        ...(fields as Array<[string, string]>),
      ]);
      expect(added.status, type).toBe(302);
    }
    const { quiz } = await draftOf(key);
    expect(quiz.questions.slice(3)).toEqual([
      {
        key: "quien-firma-la-resolucion",
        type: "single",
        text: { es: "¿Quién firma la resolución?" },
        options: [
          { key: "la-jefa-de-servicio", text: { es: "La jefa de servicio" } },
          { key: "el-asistente-de-ia", text: { es: "El asistente de IA" } },
        ],
        correct: ["la-jefa-de-servicio"],
        explanation: { es: "Decide una persona." },
      },
      expect.objectContaining({
        key: "que-datos-son-personales",
        type: "multiple",
        correct: ["la-jefa-de-servicio", "el-asistente-de-ia"],
      }),
      {
        key: "la-ia-puede-firmar-resoluciones",
        type: "true-false",
        text: { es: "La IA puede firmar resoluciones." },
        answer: false,
        explanation: { es: "No: firma una persona." },
      },
    ]);
  });

  it("refuses an empty option text in the source language next to that option, writing nothing", async () => {
    const key = await newCopy();
    const { draft, quiz } = await draftOf(key);
    const refused = await post(
      `/author/${key}/quiz/colour-of-sky`,
      questionForm(draft.revision, quiz.questions[0]!, { optionTexts: { green: " " } }),
    );
    expect(refused.status).toBe(400);
    expect(textOf(refused.document, "option-1-error")).toBe(es("authoring.quiz.error.textRequired"));
    expect((await draftOf(key)).draft.revision).toBe(draft.revision);
  });

  it("a translation completes the quiz in its language once all its texts are there", async () => {
    const key = await newCopy();
    const source = await draftOf(key);
    const added = await post(`/author/${key}/quiz/new`, [
      ["revision", String(source.draft.revision)],
      ["lang", "es"],
      ["type", "true-false"],
      ["text", "El agua hierve a cien grados."],
      ["answer", "true"],
      ["explanation", "A nivel del mar."],
    ]);
    const questionKey = added.location!.split("/").at(-1)!.split("?")[0]!;
    const quizState = async () => {
      const { draft } = await draftOf(key);
      return translationMatrix(draft.files, "es", ["es", "pt", "en"], draft.translations).find((row) => row.unit === "quiz")!
        .states.pt;
    };
    expect(await quizState()).toBe("missing");
    // The page shows the Spanish text beside the Portuguese field, read-only.
    const page = await get(`/author/${key}/quiz/${questionKey}?lang=pt`);
    expect(textOf(page.document, "text-source")).toContain(
      es("authoring.quiz.question.sourceText", { language: es("checkerLanguage.es") }),
    );
    expect(visibleText(page.document)).toContain("El agua hierve a cien grados.");
    const translate = async (explanation: string) => {
      const { draft } = await draftOf(key);
      return post(`/author/${key}/quiz/${questionKey}`, [
        ["revision", String(draft.revision)],
        ["lang", "pt"],
        ["type", "true-false"],
        ["text", "A água ferve a cem graus."],
        ["explanation", explanation],
      ]);
    };
    expect((await translate("")).location).toBe(`/author/${key}/quiz/${questionKey}?lang=pt&saved=1`);
    expect(await quizState()).toBe("missing");
    await translate("Ao nível do mar.");
    expect(await quizState()).toBe("complete");
    const { quiz } = await draftOf(key);
    expect(quiz.questions.at(-1)).toMatchObject({
      text: { es: "El agua hierve a cien grados.", pt: "A água ferve a cem graus." },
      answer: true,
    });
  });
});

describe("the checker's problems", () => {
  it("shows a question without a correct option next to its correct options, and a draw larger than the pool next to the draw", async () => {
    const key = await newCopy();
    const first = await draftOf(key);
    const noCorrect = await post(
      `/author/${key}/quiz/colour-of-sky`,
      questionForm(first.draft.revision, first.quiz.questions[0]!, { correct: [] }),
    );
    expect(noCorrect.status).toBe(302);
    const questionPage = await get(noCorrect.location!);
    const noCorrectText = problemText({ code: "checker.questionWithoutCorrect", params: { question: "colour-of-sky" } }, "es");
    expect(textOf(questionPage.document, "correct-problems")).toContain(`${es("authoring.quiz.problem.error")} ${noCorrectText}`);

    const second = await draftOf(key);
    const draw = await post(`/author/${key}/quiz`, settingsForm(second.draft.revision, { draw: "5" }));
    expect(draw.status).toBe(302);
    const quizPage = await get(draw.location!);
    const drawText = problemText({ code: "checker.drawLargerThanPool", params: { draw: 5, count: 3 } }, "es");
    expect(textOf(quizPage.document, "draw-problems")).toContain(`${es("authoring.quiz.problem.error")} ${drawText}`);
    expect(attribute(byId(quizPage.document, "draw")!, "aria-describedby")).toContain("draw-problems");
    // Both were saved: it is a draft.
    expect((await draftOf(key)).quiz.settings.draw).toBe(5);
  });

  it("shows an item-writing rule as a warning, not an error", async () => {
    const key = await newCopy();
    const { draft, quiz } = await draftOf(key);
    const saved = await post(
      `/author/${key}/quiz/colour-of-sky`,
      questionForm(draft.revision, quiz.questions[0]!, { optionTexts: { blue: "Azul, como en un día despejado" } }),
    );
    expect(saved.status).toBe(302);
    const page = await get(`/author/${key}/quiz`);
    const list = byId(page.document, "quiz-problems")?.children ?? [];
    expect(list.length).toBeGreaterThan(0);
    const section = [...elements(page.document)].find(
      (element) => element.tag === "section" && attribute(element, "aria-labelledby") === "quiz-problems",
    )!;
    const text = visibleText(section);
    expect(text).toContain(es("authoring.quiz.problem.warning"));
    expect(text).not.toContain(es("authoring.quiz.problem.error"));
    expect(text).toContain(
      problemText(
        {
          code: "checker.correctOftenLongest",
          params: { language: "es", count: 1, total: 1, allowed: 0, questions: "colour-of-sky" },
        },
        "es",
      ),
    );
  });
});

describe("a stale save", () => {
  it("is refused with nothing written, the author's text kept beside the saved one, and offers the new revision", async () => {
    const key = await newCopy();
    const { draft, quiz } = await draftOf(key);
    // Someone else saves first.
    expect((await post(`/author/${key}/quiz`, settingsForm(draft.revision, { passMark: "60" }))).status).toBe(302);
    const stale = await post(
      `/author/${key}/quiz/colour-of-sky`,
      questionForm(draft.revision, quiz.questions[0]!, { text: "¿De qué color ve el cielo?" }),
    );
    expect(stale.status).toBe(409);
    const body = visibleText(stale.document);
    expect(body).toContain(es("authoring.problem.stale"));
    expect(body).toContain(es("authoring.stale.mine"));
    expect(byId(stale.document, "text")?.children).toEqual([{ text: "¿De qué color ve el cielo?" }]);
    const after = await draftOf(key);
    expect(after.draft.revision).toBe(draft.revision + 1);
    expect(after.quiz.questions[0]!.text.es).toBe("¿De qué color es el cielo?");
    const revision = [...elements(stale.document)].find(
      (element) => element.tag === "input" && attribute(element, "name") === "revision",
    );
    expect(attribute(revision!, "value")).toBe(String(draft.revision + 1));
  });

  it("answers 404 for another city's trainer", async () => {
    const key = await newCopy();
    const other = await createUser({ city: "sao-paulo", roles: ["TRAINER"] });
    expect((await get(`/author/${key}/quiz`, other)).status).toBe(404);
    expect((await get(`/author/${key}/quiz/colour-of-sky`, other)).status).toBe(404);
  });
});
