/**
 * The lesson editor (/author/<course>/lessons/<lesson>) through the real server: saving one
 * language, a stale save from a second session (both texts shown, nothing lost), previews that
 * write nothing, hostile Markdown neutralised, and images checked by their content; every refusal
 * with its message in the author's language and nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyNetworkCourse, readDraft, type AuthorScope } from "~/authoring/drafts.server.ts";
import { publishDraft } from "~/authoring/publish.server.ts";
import { db } from "~/db.server.ts";
import { formatsFor } from "~/i18n/formats.ts";
import { translatorFor } from "~/i18n/translate.ts";
import { createUser, sessionCookie, type TestUser } from "../support/factories.ts";
import { decodeEntities, executableMarkup, parseHtml, elements, attribute } from "../support/html.ts";
import { importSampleCourse, SAMPLE_COURSE } from "../support/learning.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

const es = translatorFor("es");
const decoder = new TextDecoder();
const LESSON = "first-steps";
const FOLDER = "01-first-steps";
/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

let server: TestServer;
let trainer: TestUser;
let colleague: TestUser;
let saoPaulo: TestUser;
let courseKey: string;

const scopeOf = (user: TestUser): AuthorScope => ({ cityId: user.cityId, citySlug: user.citySlug, userId: user.id });
const editor = () => `/author/${courseKey}/lessons/${LESSON}`;

beforeAll(async () => {
  server = await startTestServer();
  await importSampleCourse();
  trainer = await createUser({ roles: ["TRAINER"] });
  colleague = await createUser({ roles: ["TRAINER"] });
  saoPaulo = await createUser({ city: "sao-paulo", roles: ["TRAINER"] });
  const copied = await copyNetworkCourse(scopeOf(trainer), SAMPLE_COURSE);
  if (!copied.ok) throw new Error(copied.problem);
  courseKey = copied.key;
});
afterAll(async () => {
  await server.close();
});

async function draft() {
  return (await readDraft(scopeOf(trainer), courseKey))!;
}

async function fileText(path: string): Promise<string> {
  return decoder.decode((await draft()).files.get(path)!);
}

async function page(user: TestUser, query = "") {
  const response = await server.request(`${editor()}${query}`, { cookie: await sessionCookie(user.id) });
  return { status: response.status, html: decodeEntities(await response.text()) };
}

async function postText(user: TestUser, fields: Record<string, string>, path = editor()) {
  return server.request(path, { cookie: await sessionCookie(user.id), form: fields });
}

async function postMultipart(user: TestUser, fields: Record<string, string | File>) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  return server.request(editor(), {
    method: "POST",
    body,
    cookie: await sessionCookie(user.id),
    headers: { Origin: server.origin },
  });
}

/** What any write by the editor would change: the draft and its files, versions, stored files. */
async function writes() {
  const current = await draft();
  return {
    revision: current.revision,
    files: [...current.files].map(([path, bytes]) => `${path}:${Buffer.from(bytes).toString("base64")}`),
    counts: {
      drafts: await db().courseDraft.count(),
      draftFiles: await db().draftFile.count(),
      translations: await db().draftTranslation.count(),
      reviews: await db().draftReview.count(),
      versions: await db().courseVersion.count(),
      versionFiles: await db().versionFile.count(),
      lessonContents: await db().lessonContent.count(),
      storedFiles: await db().storedFile.count(),
      assets: await db().courseAsset.count(),
    },
  };
}

const textForm = async (overrides: Record<string, string> = {}) => ({
  intent: "save",
  revision: String((await draft()).revision),
  lang: "es",
  title: "Primeros pasos revisados",
  minutes: "12",
  body: "Texto nuevo de la lección.\n\n## Una sección\n\nMás texto.\n",
  ...overrides,
});

describe("who may open the editor", () => {
  it("shows the lesson to its city's trainer and answers 404 to another city's", async () => {
    const own = await page(trainer);
    expect(own.status).toBe(200);
    expect(own.html).toContain("Primeros pasos");
    expect((await page(saoPaulo)).status).toBe(404);
    expect((await postText(saoPaulo, await textForm())).status).toBe(404);
    expect(
      (await server.request(`/author/${courseKey}/lessons/no-such-lesson`, { cookie: await sessionCookie(trainer.id) })).status,
    ).toBe(404);
  });

  it("shows a translation beside the source text, with its state", async () => {
    const { html } = await page(trainer, "?lang=pt");
    expect(html).toContain(es("authoring.lesson.source.heading", { language: "español" }));
    expect(html).toContain("Texto de la lección (es).");
    expect(html).toContain(es("authoring.lesson.state.label", { state: es("authoring.lesson.state.complete") }));
  });
});

describe("saving a language of the lesson", () => {
  it("writes the lesson file through the draft model, and the translations become outdated", async () => {
    const before = await draft();
    const response = await postText(trainer, await textForm());
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`${editor()}?lang=es&saved=1`);
    const after = await draft();
    expect(after.revision).toBe(before.revision + 1);
    expect(await fileText(`${FOLDER}/es.md`)).toBe(
      "---\ntitle: Primeros pasos revisados\nminutes: 12\n---\n\nTexto nuevo de la lección.\n\n## Una sección\n\nMás texto.\n",
    );
    expect(await fileText(`${FOLDER}/pt.md`)).toBe(decoder.decode(before.files.get(`${FOLDER}/pt.md`)!));
    const { html } = await page(trainer, "?lang=pt&saved=1");
    expect(html).toContain(es("authoring.lesson.state.label", { state: es("authoring.lesson.state.outdated") }));
  });

  it("saves a translation, which is then complete", async () => {
    const response = await postText(
      trainer,
      await textForm({ lang: "pt", title: "Primeiros passos", body: "Texto novo da lição.\n" }),
    );
    expect(response.status).toBe(302);
    expect(await fileText(`${FOLDER}/pt.md`)).toContain("Texto novo da lição.");
    const { html } = await page(trainer, "?lang=pt");
    expect(html).toContain(es("authoring.lesson.state.label", { state: es("authoring.lesson.state.complete") }));
  });

  it("lists the checker's problems of this lesson's text after a save, at their line of the text", async () => {
    await postText(trainer, await textForm({ body: "Uno.\n\n# Un título de nivel 1\n\nVer ![](no-existe.png).\n" }));
    const { html } = await page(trainer, "?lang=es&saved=1");
    expect(html).toContain(es("authoring.lesson.problems.heading"));
    expect(html).toContain(es("checker.unresolvedImage", { url: "no-existe.png" }));
    expect(html).toContain(es("authoring.quiz.problem.line", { line: 5 }));
  });

  it.each([
    ["an empty title", { title: "  " }, "authoring.lesson.error.titleRequired"],
    ["no minutes", { minutes: "" }, "authoring.lesson.error.minutes"],
    ["minutes that are not whole", { minutes: "2.5" }, "authoring.lesson.error.minutes"],
    ["zero minutes", { minutes: "0" }, "authoring.lesson.error.minutes"],
    ["over 600 minutes", { minutes: "601" }, "authoring.lesson.error.minutes"],
    ["a body over 200 KB", { body: "a".repeat(200 * 1024 + 1) }, "authoring.lesson.error.bodyTooLong"],
  ] as const)("refuses %s, keeps the text in the form and writes nothing", async (_name, overrides, key) => {
    const before = await writes();
    const form = await textForm({ title: "Un título que no se guarda", ...overrides });
    const response = await postText(trainer, form);
    expect(response.status).toBe(400);
    const html = decodeEntities(await response.text());
    expect(html).toContain(es(key, { size: formatsFor("es").fileSize(200 * 1024) }));
    if (!("body" in overrides)) expect(html).toContain(form.body.split("\n")[0]);
    expect(await writes()).toEqual(before);
  });
});

describe("a stale save", () => {
  it("from a page opened before a colleague's save writes nothing, shows both texts, and saves on the new revision", async () => {
    const opened = (await draft()).revision;
    const theirs = await postText(colleague, await textForm({ title: "Título de la colega", body: "Texto de la colega.\n" }));
    expect(theirs.status).toBe(302);
    const before = await writes();
    const mine = await postText(trainer, {
      ...(await textForm({ title: "Mi título", body: "Mi texto, escrito a la vez.\n" })),
      revision: String(opened),
    });
    expect(mine.status).toBe(409);
    const html = decodeEntities(await mine.text());
    expect(html).toContain(es("authoring.problem.stale"));
    expect(html).toContain("Texto de la colega.");
    expect(html).toContain("Mi texto, escrito a la vez.");
    expect(await writes()).toEqual(before);
    expect(await fileText(`${FOLDER}/es.md`)).toContain("Texto de la colega.");
    // The form came back with the author's text on the draft's new revision: saving again keeps it.
    const form = postFormOf(html);
    expect(form.revision).toBe(String(before.revision));
    expect(form.title).toBe("Mi título");
    const again = await postText(trainer, { ...form, intent: "save" });
    expect(again.status).toBe(302);
    expect(await fileText(`${FOLDER}/es.md`)).toContain("Mi texto, escrito a la vez.");
  });
});

/** The text form's hidden and text fields as the page filled them. */
function postFormOf(html: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const element of elements(parseHtml(html))) {
    const name = attribute(element, "name");
    if (!name || !["revision", "lang", "title", "minutes"].includes(name) || name in fields) continue;
    fields[name] = attribute(element, "value") ?? "";
  }
  const body = html.match(/<textarea[^>]*name="body"[^>]*>([\s\S]*?)<\/textarea>/)?.[1] ?? "";
  return { ...fields, body: body.replace(/^\n/, "") };
}

describe("previews", () => {
  it("render the posted text, with and without JavaScript, and write nothing", async () => {
    const before = await writes();
    const body = "## Vista\n\nUn párrafo **en negrita**.\n\n{{activity: check-a-reply}}\n\nDespués.\n";
    const button = await postText(trainer, await textForm({ intent: "preview", body, title: "Título de vista previa" }));
    expect(button.status).toBe(200);
    const html = decodeEntities(await button.text());
    expect(html).toContain("<strong>en negrita</strong>");
    expect(html).toContain(es("authoring.lesson.preview.activity", { key: "check-a-reply" }));
    expect(html).toContain("Título de vista previa");
    const live = await postText(trainer, { lang: "es", body }, `${editor()}/preview`);
    expect(live.status).toBe(200);
    expect(live.headers.get("Content-Type")).toMatch(/^text\/html/);
    const fragment = await live.text();
    expect(fragment).toContain("<strong>en negrita</strong>");
    expect(fragment).not.toContain("<html");
    expect(await writes()).toEqual(before);
  });

  it("neutralise raw HTML, scripts and javascript: links, which never reach a published page", async () => {
    const hostile =
      'Hola.\n\n<script>alert("x")</script>\n\n[pulsa](javascript:alert(1))\n\n<img src="x" onerror="alert(2)">\n\n[otro](JaVaScRiPt:alert(3))\n';
    for (const html of [
      await (await postText(trainer, { lang: "es", body: hostile }, `${editor()}/preview`)).text(),
      (await (await postText(trainer, await textForm({ intent: "preview", body: hostile }))).text()).match(
        /data-testid="lesson-preview"[^>]*>([\s\S]*?)<\/article>/,
      )?.[1] ?? "missing",
    ]) {
      expect(html).toContain("Hola.");
      expect(html).toContain("pulsa");
      expect(html).not.toMatch(/<script|javascript:|onerror|alert\(/i);
      expect(executableMarkup(html, null)).toEqual([]);
    }
    expect((await postText(trainer, await textForm({ body: hostile }))).status).toBe(302);
    const published = await publishDraft(scopeOf(trainer), courseKey, (await draft()).revision);
    expect(published).toMatchObject({ ok: false, problem: "authoring.problem.invalid" });
    const contents = await db().lessonContent.findMany({
      where: { lesson: { version: { course: { key: courseKey } } } },
      select: { html: true },
    });
    for (const content of contents) expect(content.html).not.toMatch(/<script|javascript:|onerror/i);
  });
});

describe("images", () => {
  const alts = { "alt-es": "Un diagrama", "alt-pt": "Um diagrama", "alt-en": "A diagram" };
  const upload = async (file: File, overrides: Record<string, string> = {}) =>
    postMultipart(trainer, {
      intent: "upload",
      revision: String((await draft()).revision),
      lang: "es",
      image: file,
      ...alts,
      ...overrides,
    });

  it("adds a PNG under a safe name, with a paragraph showing it in every language, served from the file store", async () => {
    await postText(trainer, await textForm({ body: "Texto limpio.\n" }));
    const response = await upload(new File([PNG], "../Mi Diagrama (final).PNG", { type: "image/png" }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`${editor()}?lang=es&added=mi-diagrama-final.png`);
    const current = await draft();
    expect(Buffer.from(current.files.get(`${FOLDER}/mi-diagrama-final.png`)!)).toEqual(PNG);
    expect(await fileText(`${FOLDER}/es.md`)).toMatch(/Texto limpio\.\n\n!\[Un diagrama\]\(mi-diagrama-final\.png\)\n$/);
    expect(await fileText(`${FOLDER}/pt.md`)).toContain("![Um diagrama](mi-diagrama-final.png)");
    expect(await fileText(`${FOLDER}/en.md`)).toContain("![A diagram](mi-diagrama-final.png)");
    const { html } = await page(trainer);
    const src = html.match(/<img src="(\/files\/[0-9a-f]{64})" alt="Un diagrama"/)?.[1];
    expect(src).toBeDefined();
    const served = await server.request(src!);
    expect(served.status).toBe(200);
    expect(served.headers.get("Content-Type")).toBe("image/png");
  });

  it("refuses to remove an image while a language still shows it, naming the languages", async () => {
    const before = await writes();
    const response = await postText(trainer, {
      intent: "remove",
      revision: String(before.revision),
      lang: "es",
      name: "mi-diagrama-final.png",
    });
    expect(response.status).toBe(409);
    expect(decodeEntities(await response.text())).toContain(
      es("authoring.lesson.error.imageInUse", { name: "mi-diagrama-final.png", languages: "español, portugués e inglés" }),
    );
    expect(await writes()).toEqual(before);
  });

  it("removes an image no language shows any more", async () => {
    for (const lang of ["es", "pt", "en"]) await postText(trainer, await textForm({ lang, body: "Sin imagen.\n" }));
    const response = await postText(trainer, {
      intent: "remove",
      revision: String((await draft()).revision),
      lang: "es",
      name: "mi-diagrama-final.png",
    });
    expect(response.status).toBe(302);
    expect((await draft()).files.has(`${FOLDER}/mi-diagrama-final.png`)).toBe(false);
  });

  const script =
    '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>';
  const handler = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>';
  const oversize = new Uint8Array(1024 * 1024 + 200 * 1024);
  oversize.set(PNG);
  it.each([
    ["a PNG named .svg", new File([PNG], "dibujo.svg", { type: "image/svg+xml" }), {}, "image", "validation.fileType"],
    [
      "a text file named .png",
      new File(["solo texto, no es una imagen"], "foto.png", { type: "image/png" }),
      {},
      "image",
      "validation.fileType",
    ],
    [
      "an SVG with a script",
      new File([script], "dibujo.svg", { type: "image/svg+xml" }),
      {},
      "image",
      "authoring.lesson.error.svgScript",
    ],
    [
      "an SVG with an event handler",
      new File([handler], "dibujo.svg", { type: "image/svg+xml" }),
      {},
      "image",
      "authoring.lesson.error.svgScript",
    ],
    ["an image over 1 MB", new File([oversize], "grande.png", { type: "image/png" }), {}, "image", "validation.fileTooLarge"],
    [
      "an image without its Portuguese alt text",
      new File([PNG], "foto.png", { type: "image/png" }),
      { "alt-pt": " " },
      "alt-pt",
      "authoring.lesson.error.altRequired",
    ],
  ] as const)("refuses %s with its message, writing nothing", async (_name, file, overrides, _field, key) => {
    const before = await writes();
    const response = await upload(file, overrides);
    expect(response.status).toBe(400);
    expect(decodeEntities(await response.text())).toContain(es(key));
    expect(await writes()).toEqual(before);
  });
});
