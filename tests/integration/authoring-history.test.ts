/**
 * The translations page and the history page, through HTTP: the matrix's states as a trainer
 * edits (missing → complete → outdated → complete after "still correct"), the versions with
 * their publishers, a diff between two versions, restore as the draft, and stale forms that write
 * nothing. Another city's trainer gets 404.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  copyNetworkCourse,
  filesHash,
  markTranslationCurrent,
  readDraft,
  saveDraft,
  versionFiles,
  type AuthorScope,
} from "~/authoring/drafts.server.ts";
import { publishDraft } from "~/authoring/publish.server.ts";
import { translationMatrix } from "~/authoring/translations.ts";
import { importCourseFolder } from "~/courses/importer.server.ts";
import { db } from "~/db.server.ts";
import { authoringEs } from "~/i18n/messages/authoring.ts";
import { createUser, sessionCookie, type TestUser } from "../support/factories.ts";
import { attribute, elements, mainContent, parseHtml, postForms, visibleText, type HtmlElement } from "../support/html.ts";
import { importSampleCourse, SAMPLE_COURSE } from "../support/learning.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

const decoder = new TextDecoder();
const encoder = new TextEncoder();
const states = {
  source: authoringEs["authoring.translations.state.source"],
  complete: authoringEs["authoring.translations.state.complete"],
  outdated: authoringEs["authoring.translations.state.outdated"],
  missing: authoringEs["authoring.translations.state.missing"],
};

let server: TestServer;
let trainer: TestUser;
let otherTrainer: TestUser;
let saoPauloTrainer: TestUser;
let key: string;

const scopeOf = (user: TestUser): AuthorScope => ({ cityId: user.cityId, citySlug: user.citySlug, userId: user.id });

async function get(user: TestUser, pathname: string): Promise<{ status: number; main: HtmlElement }> {
  const response = await server.request(pathname, { cookie: await sessionCookie(user.id) });
  return { status: response.status, main: mainContent(parseHtml(await response.text())) };
}

async function post(user: TestUser, pathname: string, form: Record<string, string>): Promise<Response> {
  return server.request(pathname, { cookie: await sessionCookie(user.id), form });
}

/** The state a translations page's cell says, found by the editor it links to. */
function cellState(main: HtmlElement, href: string): string | undefined {
  const link = [...elements(main)].find((element) => element.tag === "a" && attribute(element, "href") === href);
  const text = link ? visibleText(link) : "";
  return Object.values(states).find((state) => text.includes(state));
}

/** Replaces text in (or, with `to` null, deletes) one of the draft's files, as an editor's save would. */
async function edit(file: string, change: { from: string; to: string } | null, restoreFrom?: Uint8Array) {
  const draft = (await readDraft(scopeOf(trainer), key))!;
  const bytes =
    change === null
      ? (restoreFrom ?? null)
      : encoder.encode(decoder.decode(draft.files.get(file)!).replace(change.from, change.to));
  const outcome = await saveDraft(scopeOf(trainer), key, draft.revision, new Map([[file, bytes]]));
  expect(outcome.ok).toBe(true);
}

/** "Still correct" for every outdated translation, so that a publish includes every language. */
async function confirmEveryTranslation() {
  const draft = (await readDraft(scopeOf(trainer), key))!;
  let revision = draft.revision;
  for (const row of translationMatrix(draft.files, "es", ["es", "pt", "en"], draft.translations)) {
    for (const locale of ["pt", "en"] as const) {
      if (row.states[locale] !== "outdated") continue;
      const outcome = await markTranslationCurrent(scopeOf(trainer), key, revision, row.unit, locale);
      if (!outcome.ok) throw new Error(outcome.problem);
      revision = outcome.revision;
    }
  }
}

/** The first lesson's text changed in its three languages at once: every translation stays complete. */
async function editLessonEverywhere() {
  const draft = (await readDraft(scopeOf(trainer), key))!;
  const changes = new Map(
    (["es", "pt", "en"] as const).map((locale) => {
      const file = `01-first-steps/${locale}.md`;
      return [
        file,
        encoder.encode(
          decoder
            .decode(draft.files.get(file)!)
            .replace(`Texto de la lección (${locale}).`, `Texto nuevo de la lección (${locale}).`),
        ),
      ];
    }),
  );
  expect(await saveDraft(scopeOf(trainer), key, draft.revision, changes)).toMatchObject({ ok: true });
}

async function publish(user: TestUser) {
  const draft = (await readDraft(scopeOf(user), key))!;
  const outcome = await publishDraft(scopeOf(user), key, draft.revision);
  expect(outcome.ok).toBe(true);
}

beforeAll(async () => {
  await importSampleCourse();
  server = await startTestServer();
  trainer = await createUser({ roles: ["TRAINER"], name: "Tomasa Historia" });
  otherTrainer = await createUser({ roles: ["TRAINER"], name: "Otilia Borrada" });
  saoPauloTrainer = await createUser({ city: "sao-paulo", roles: ["TRAINER"] });
  const copy = await copyNetworkCourse(scopeOf(trainer), SAMPLE_COURSE);
  if (!copy.ok) throw new Error(copy.problem);
  key = copy.key;
});

afterAll(async () => {
  await server.close();
});

describe("the translations page", () => {
  const lessonEn = () => `/author/${key}/lessons/next-steps?lang=en`;
  const lessonPt = () => `/author/${key}/lessons/next-steps?lang=pt`;
  const lessonEs = () => `/author/${key}/lessons/next-steps?lang=es`;

  it("shows a missing translation, then complete once it is saved, then outdated after a source edit", async () => {
    const draft = (await readDraft(scopeOf(trainer), key))!;
    const english = draft.files.get("02-next-steps/en.md")!;
    const page = () => get(trainer, `/author/${key}/translations`);

    const first = await page();
    expect(first.status).toBe(200);
    let main = first.main;
    expect(cellState(main, lessonEs())).toBe(states.source);
    expect(cellState(main, lessonEn())).toBe(states.complete);
    expect(visibleText(main)).toContain("Idiomas que se publicarían: español, portugués e inglés.");

    await edit("02-next-steps/en.md", null);
    ({ main } = await page());
    expect(cellState(main, lessonEn())).toBe(states.missing);
    expect(visibleText(main)).toContain("Idiomas que se publicarían: español y portugués.");
    expect(visibleText(main)).toContain("inglés: 1 parte sin traducir y 0 partes desactualizadas");

    await edit("02-next-steps/en.md", null, english);
    ({ main } = await page());
    expect(cellState(main, lessonEn())).toBe(states.complete);

    await edit("02-next-steps/es.md", { from: "Texto (es).", to: "Texto revisado (es)." });
    ({ main } = await page());
    expect(cellState(main, lessonEn())).toBe(states.outdated);
    expect(cellState(main, lessonPt())).toBe(states.outdated);
    expect(cellState(main, `/author/${key}?lang=en`)).toBe(states.complete);
    // The current source is shown beside the translation, to judge whether it still holds.
    expect(visibleText(main)).toContain("Texto revisado (es).");
    expect(visibleText(main)).toContain("Lección «Primeros pasos 2» en portugués");
  });

  it('marks an outdated translation complete with "still correct", and refuses a stale one writing nothing', async () => {
    const { main } = await get(trainer, `/author/${key}/translations`);
    const form = postForms(main).find((candidate) =>
      candidate.fields.some((field) => field.name === "locale" && field.value === "pt"),
    )!;
    const fields = Object.fromEntries(form.fields.map((field) => [field.name, field.value]));
    expect(fields).toMatchObject({ unit: "lesson:next-steps", locale: "pt" });

    const before = await db().draftTranslation.findMany({ orderBy: [{ unit: "asc" }, { locale: "asc" }] });
    const stale = await post(trainer, `/author/${key}/translations`, {
      ...fields,
      revision: String(Number(fields.revision) - 1),
    });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain(authoringEs["authoring.problem.stale"]);
    expect(await db().draftTranslation.findMany({ orderBy: [{ unit: "asc" }, { locale: "asc" }] })).toEqual(before);

    const confirmed = await post(trainer, `/author/${key}/translations`, fields);
    expect(confirmed.status).toBe(302);
    expect(confirmed.headers.get("location")).toBe(`/author/${key}/translations?confirmed=1`);
    const after = await get(trainer, `/author/${key}/translations?confirmed=1`);
    expect(cellState(after.main, lessonPt())).toBe(states.complete);
    expect(cellState(after.main, lessonEn())).toBe(states.outdated);
    expect(visibleText(after.main)).toContain(authoringEs["authoring.translations.confirmed"]);
  });
});

describe("the history page", () => {
  it("lists the versions newest first with who published them, an erased publisher named as such", async () => {
    const empty = await get(trainer, `/author/${key}/history`);
    expect(visibleText(empty.main)).toContain(authoringEs["authoring.history.none"]);

    await confirmEveryTranslation();
    await publish(trainer);
    await editLessonEverywhere();
    await publish(otherTrainer);
    await db().user.update({ where: { id: otherTrainer.id }, data: { erasedAt: new Date(), name: "Persona borrada" } });

    const { status, main } = await get(trainer, `/author/${key}/history`);
    expect(status).toBe(200);
    const rows = [...elements(main)].filter((element) => element.tag === "tr").map(visibleText);
    expect(rows[1]).toContain("Versión 2");
    expect(rows[1]).toContain(authoringEs["authoring.history.erased"]);
    expect(rows[1]).not.toContain("Borrada");
    expect(rows[1]).toContain("español, portugués e inglés");
    expect(rows[2]).toContain("Versión 1");
    expect(rows[2]).toContain("Tomasa Historia");
    expect(visibleText(main)).toContain("Copia del curso de la red «Curso de prueba», versión 1.");
    expect(visibleText(main)).toContain(authoringEs["authoring.history.networkSame"]);
  });

  it("shows, between versions 1 and 2, the lesson file changed with its lines removed and added", async () => {
    const { status, main } = await get(trainer, `/author/${key}/history?from=1&to=2`);
    expect(status).toBe(200);
    // Text pieces are joined by spaces: "(Modificado)", "eliminada: …" as a person reads them.
    const text = visibleText(main)
      .replace(/\(\s+/g, "(")
      .replace(/\s+([):])/g, "$1");
    expect(text).toContain("Cambios de la versión 1 a la versión 2");
    expect(text).toContain("Lección «Primeros pasos» en español (Modificado)");
    expect(text).toContain("eliminada: Texto de la lección (es).");
    expect(text).toContain("añadida: Texto nuevo de la lección (es).");
    expect(text).toContain("añadida: Texto nuevo de la lección (pt).");
    expect(text).toContain("Lección «Primeros pasos» en inglés (Modificado)");
    expect(text).not.toContain("Datos del curso (");
    expect(text).not.toContain("Cuestionario (");

    const missing = await get(trainer, `/author/${key}/history?from=1&to=9`);
    expect(missing.status).toBe(400);
    expect(visibleText(missing.main)).toContain(authoringEs["authoring.history.problem.noSuchVersion"]);
  });

  it("restores version 1 as the draft after a confirmation, and a stale restore writes nothing", async () => {
    const confirm = await get(trainer, `/author/${key}/history?restore=1`);
    expect(visibleText(confirm.main)).toContain("¿Restaurar la versión 1 como borrador?");
    const form = postForms(confirm.main).find((candidate) => candidate.fields.some((field) => field.name === "version"))!;
    const fields = Object.fromEntries(form.fields.map((field) => [field.name, field.value]));
    expect(fields.version).toBe("1");

    // Someone saves meanwhile: the confirmation's revision is stale.
    await edit("02-next-steps/pt.md", { from: "Texto", to: "Texto salvo" });
    const before = (await readDraft(scopeOf(trainer), key))!;
    const stale = await post(trainer, `/author/${key}/history`, fields);
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain(authoringEs["authoring.problem.stale"]);
    const unchanged = (await readDraft(scopeOf(trainer), key))!;
    expect(unchanged.revision).toBe(before.revision);
    expect(filesHash(unchanged.files)).toBe(filesHash(before.files));
    expect(await db().auditLog.count({ where: { action: "course.restored" } })).toBe(0);

    const restored = await post(trainer, `/author/${key}/history`, { ...fields, revision: String(before.revision) });
    expect(restored.status).toBe(302);
    expect(restored.headers.get("location")).toBe(`/author/${key}?restored=1`);
    const version1 = await db().courseVersion.findFirstOrThrow({ where: { course: { key }, number: 1 }, select: { id: true } });
    const draft = (await readDraft(scopeOf(trainer), key))!;
    expect([...draft.files.keys()].sort()).toEqual([...(await versionFiles(version1.id)).keys()].sort());
    expect(filesHash(draft.files)).toBe(filesHash(await versionFiles(version1.id)));

    const { main } = await get(trainer, `/author/${key}/history`);
    const rows = [...elements(main)].filter((element) => element.tag === "tr").map(visibleText);
    expect(rows[2]).toContain(authoringEs["authoring.history.sameAsDraft"]);
    expect(rows[1]).not.toContain(authoringEs["authoring.history.sameAsDraft"]);
  });

  it("says when the network course has a newer version than the one copied", async () => {
    const folder = path.join(mkdtempSync(path.join(os.tmpdir(), "sample-")), SAMPLE_COURSE);
    cpSync(path.resolve("tests/fixtures/courses/sample-course"), folder, { recursive: true });
    const lesson = path.join(folder, "01-first-steps/es.md");
    writeFileSync(lesson, readFileSync(lesson, "utf8").replace("Texto de la lección (es).", "Texto de la red, revisado (es)."));
    const outcome = await importCourseFolder(folder);
    expect(outcome.status).not.toBe("refused");
    const { main } = await get(trainer, `/author/${key}/history`);
    expect(visibleText(main)).toContain("El curso de la red tiene ahora una versión más nueva: la 2.");
  });
});

describe("another city's trainer", () => {
  it("gets 404 on the translations and history of a Madrid course, and can change nothing", async () => {
    const before = (await readDraft(scopeOf(trainer), key))!;
    for (const page of ["translations", "history", "history?from=1&to=2"]) {
      expect((await get(saoPauloTrainer, `/author/${key}/${page}`)).status).toBe(404);
    }
    const restore = await post(saoPauloTrainer, `/author/${key}/history`, { revision: String(before.revision), version: "2" });
    expect(restore.status).toBe(404);
    const confirm = await post(saoPauloTrainer, `/author/${key}/translations`, {
      revision: String(before.revision),
      unit: "course",
      locale: "pt",
    });
    expect(confirm.status).toBe(404);
    expect((await readDraft(scopeOf(trainer), key))!.revision).toBe(before.revision);
  });
});
