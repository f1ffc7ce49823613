/**
 * Sharing courses through the real server: export (draft or version) as a zip, import it into
 * another city and export it there — the same zip byte for byte — a network course exported equal
 * to its folder in courses/, who may export what, the import pages' reports (in the trainer's
 * language, nothing written), and the network view's count of the cities using a shared course.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDraftModel } from "~/authoring/draft-model.ts";
import { copyNetworkCourse, readDraft, versionFiles, type AuthorScope } from "~/authoring/drafts.server.ts";
import { setInNetworkCatalog } from "~/authoring/network-catalog.server.ts";
import { publishDraft } from "~/authoring/publish.server.ts";
import { sha256Hex } from "~/cities/stored-files.server.ts";
import { db } from "~/db.server.ts";
import { translatorFor } from "~/i18n/translate.ts";
import { readZip, withoutTopFolder } from "~/sharing/course-zip.server.ts";
import { citiesUsing } from "~/sharing/network-use.server.ts";
import { createUser, sessionCookie, type TestUser } from "../support/factories.ts";
import { decodeEntities } from "../support/html.ts";
import { importSampleCourse, SAMPLE_COURSE } from "../support/learning.ts";
import { rawZip, type RawEntry } from "../support/raw-zip.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

let server: TestServer;
let madrid: TestUser;
let saoPaulo: TestUser;
let saoPauloEn: TestUser;
let learner: TestUser;
let networkAdmin: TestUser;
const MADRID_KEY = "madrid.sample-course";

const scopeOf = (user: TestUser): AuthorScope => ({ cityId: user.cityId, citySlug: user.citySlug, userId: user.id });

async function get(user: TestUser, pathname: string, headers: Record<string, string> = {}) {
  return server.request(pathname, { cookie: await sessionCookie(user.id), headers });
}

async function zipOf(response: Response): Promise<Uint8Array> {
  expect(response.status).toBe(200);
  return new Uint8Array(await response.arrayBuffer());
}

async function upload(user: TestUser, pathname: string, zip: Uint8Array, fields: Record<string, string> = {}) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append("zip", new File([Buffer.from(zip)], "curso.zip", { type: "application/zip" }));
  return server.request(pathname, {
    method: "POST",
    body,
    cookie: await sessionCookie(user.id),
    headers: { Origin: server.origin },
  });
}

async function filesOf(zip: Uint8Array): Promise<Map<string, Uint8Array>> {
  const read = await readZip(zip);
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  return withoutTopFolder(read.files);
}

function folderFiles(dir: string, prefix = ""): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) for (const [p, bytes] of folderFiles(full, `${prefix}${name}/`)) files.set(p, bytes);
    else files.set(`${prefix}${name}`, new Uint8Array(readFileSync(full)));
  }
  return files;
}

async function rowCounts() {
  return {
    courses: await db().course.count(),
    drafts: await db().courseDraft.count(),
    draftFiles: await db().draftFile.count(),
    translations: await db().draftTranslation.count(),
    storedFiles: await db().storedFile.count(),
    audit: await db().auditLog.count(),
  };
}

beforeAll(async () => {
  server = await startTestServer();
  await importSampleCourse();
  madrid = await createUser({ roles: ["TRAINER"] });
  saoPaulo = await createUser({ city: "sao-paulo", roles: ["TRAINER"], locale: "es" });
  saoPauloEn = await createUser({ city: "sao-paulo", roles: ["TRAINER"], locale: "en" });
  learner = await createUser({});
  networkAdmin = await createUser({ roles: ["NETWORK_ADMIN"] });
  const copied = await copyNetworkCourse(scopeOf(madrid), SAMPLE_COURSE);
  if (!copied.ok || copied.key !== MADRID_KEY) throw new Error("no copy");
  const draft = (await readDraft(scopeOf(madrid), MADRID_KEY))!;
  const published = await publishDraft(scopeOf(madrid), MADRID_KEY, draft.revision);
  if (!published.ok) throw new Error(JSON.stringify(published));
});
afterAll(async () => {
  await server.close();
});

describe("the round trip between cities", () => {
  it("exports a Madrid version, imports it into São Paulo, and São Paulo's export is the same zip byte for byte", async () => {
    const fromMadrid = await zipOf(await get(madrid, `/author/${MADRID_KEY}/export.zip?from=1`));
    const imported = await upload(saoPaulo, "/author/import", fromMadrid);
    expect(imported.status).toBe(302);
    expect(imported.headers.get("location")).toBe("/author/sao-paulo.sample-course?done=imported");
    const fromSaoPaulo = await zipOf(await get(saoPaulo, "/author/sao-paulo.sample-course/export.zip?from=draft"));
    expect(Buffer.compare(Buffer.from(fromSaoPaulo), Buffer.from(fromMadrid))).toBe(0);

    const exported = await filesOf(fromMadrid);
    expect(new TextDecoder().decode(exported.get("course.yaml"))).toMatch(/^key: sample-course$/m);
    const entries = await readZip(fromMadrid);
    expect(entries.ok && [...entries.files.keys()].every((name) => name.startsWith("sample-course/"))).toBe(true);
  });

  it("gives the imported course the same content as the source: lessons, activities, quiz and images by hash", async () => {
    const version = await db().courseVersion.findFirstOrThrow({ where: { course: { key: MADRID_KEY }, number: 1 } });
    const source = readDraftModel(await versionFiles(version.id));
    const copy = readDraftModel((await readDraft(scopeOf(saoPaulo), "sao-paulo.sample-course"))!.files);
    if (!source.ok || !copy.ok) throw new Error("unreadable");
    expect(copy.model.course.key).toBe("sao-paulo.sample-course");
    expect({ ...copy.model.course, key: "" }).toEqual({ ...source.model.course, key: "" });
    expect(copy.model.quiz).toEqual(source.model.quiz);
    const lessons = (model: typeof source.model) =>
      model.lessons.map((lesson) => ({
        ...lesson,
        images: lesson.images.map((image) => ({ name: image.name, hash: sha256Hex(image.bytes) })),
      }));
    expect(lessons(copy.model)).toEqual(lessons(source.model));
    expect(lessons(copy.model).flatMap((lesson) => lesson.images)).not.toHaveLength(0);
  });

  it("exports a network course from courses/ equal to its folder, byte for byte", async () => {
    const course = await db().course.findUniqueOrThrow({
      where: { key: "ai-fundamentals" },
      select: { currentVersion: { select: { number: true } } },
    });
    const zip = await zipOf(await get(saoPaulo, `/author/ai-fundamentals/export.zip?from=${course.currentVersion!.number}`));
    const files = await filesOf(zip);
    const folder = folderFiles(path.resolve("courses/ai-fundamentals"));
    expect([...files.keys()].sort()).toEqual([...folder.keys()].sort());
    for (const [p, bytes] of folder) expect(Buffer.compare(Buffer.from(files.get(p)!), Buffer.from(bytes)), p).toBe(0);
  });
});

describe("who may export what", () => {
  it("sends a draft as an uncompressed download that no cache keeps", async () => {
    const response = await get(madrid, `/author/${MADRID_KEY}/export.zip?from=draft`, { "Accept-Encoding": "gzip, br" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="sample-course-draft.zip"');
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect((await filesOf(new Uint8Array(await response.arrayBuffer()))).has("quiz.yaml")).toBe(true);
  });

  it("shows the export page with the draft and every version to the city's trainer", async () => {
    const html = decodeEntities(await (await get(madrid, `/author/${MADRID_KEY}/export`)).text());
    expect(html).toContain(`/author/${MADRID_KEY}/export.zip?from=draft`);
    expect(html).toContain(`/author/${MADRID_KEY}/export.zip?from=1`);
  });

  it("answers 404 for another city's course until it is in the network catalog, and then only its version", async () => {
    for (const pathname of [
      `/author/${MADRID_KEY}/export`,
      `/author/${MADRID_KEY}/export.zip?from=draft`,
      `/author/${MADRID_KEY}/export.zip?from=1`,
    ])
      expect((await get(saoPaulo, pathname)).status, pathname).toBe(404);
    expect(await setInNetworkCatalog({ userId: networkAdmin.id, cityId: networkAdmin.cityId }, MADRID_KEY, true)).toEqual({
      ok: true,
    });
    expect((await get(saoPaulo, `/author/${MADRID_KEY}/export.zip?from=1`)).status).toBe(200);
    expect((await get(saoPaulo, `/author/${MADRID_KEY}/export.zip?from=draft`)).status).toBe(404);
    expect((await get(saoPaulo, `/author/${MADRID_KEY}/export.zip?from=nonsense`)).status).toBe(404);
  });

  it("refuses a learner (403)", async () => {
    expect((await get(learner, `/author/${MADRID_KEY}/export.zip?from=1`)).status).toBe(403);
    expect((await get(learner, `/author/${MADRID_KEY}/export`)).status).toBe(403);
    expect((await get(learner, "/author/import")).status).toBe(403);
  });
});

describe("the import pages", () => {
  async function hostileZip(): Promise<Uint8Array> {
    const files = await filesOf(await zipOf(await get(madrid, `/author/${MADRID_KEY}/export.zip?from=1`)));
    const entries: RawEntry[] = [...files]
      .filter(([name]) => name !== "02-next-steps/pt.md")
      .map(([name, data]) => ({ name: `sample-course/${name}`, data, deflate: true }));
    return rawZip([...entries, { name: "sample-course/01-first-steps/link.svg", data: "/etc/passwd", unixMode: 0o120777 }]);
  }

  it("shows the whole report of a refused zip in the trainer's language and writes nothing", async () => {
    const before = await rowCounts();
    const spanish = await upload(saoPaulo, "/author/import", await hostileZip());
    expect(spanish.status).toBe(400);
    const es = translatorFor("es");
    const esHtml = decodeEntities(await spanish.text());
    expect(esHtml).toContain(es("sharing.zip.symlink", { name: "sample-course/01-first-steps/link.svg" }));
    expect(await rowCounts()).toEqual(before);

    // Without the symlink the checker reads it: the missing language, with its file and line.
    const files = await filesOf(await zipOf(await get(madrid, `/author/${MADRID_KEY}/export.zip?from=1`)));
    files.delete("02-next-steps/pt.md");
    const broken = rawZip([...files].map(([name, data]) => ({ name: `sample-course/${name}`, data })));
    const english = await upload(saoPauloEn, "/author/import", broken);
    expect(english.status).toBe(400);
    const enHtml = decodeEntities(await english.text());
    const en = translatorFor("en");
    expect(enHtml).toContain(en("sharing.import.at", { file: "02-next-steps/pt.md", line: 1 }));
    expect(enHtml).toMatch(/There (is|are) \d+ problems?: nothing was imported\./);
    const spanishAgain = decodeEntities(await (await upload(saoPaulo, "/author/import", broken)).text());
    expect(spanishAgain).toContain(es("sharing.import.at", { file: "02-next-steps/pt.md", line: 1 }));
    expect(spanishAgain).toContain("no se ha importado nada");
    expect(await rowCounts()).toEqual(before);
  });

  it("reports a course.yaml that is not YAML at all (with its file and line) instead of failing", async () => {
    const before = await rowCounts();
    const zip = rawZip([
      { name: "curso/course.yaml", data: "key: curso\nsourceLocale: es\nlessons: [\n" },
      { name: "curso/quiz.yaml", data: "passMark: 70\nquestions: []\n" },
    ]);
    const response = await upload(saoPaulo, "/author/import", zip);
    expect(response.status).toBe(400);
    expect(decodeEntities(await response.text())).toMatch(/course\.yaml, línea \d+/);
    expect(await rowCounts()).toEqual(before);
  });

  it("refuses a file that is not a zip next to its field, and nothing is written", async () => {
    const before = await rowCounts();
    const response = await upload(saoPaulo, "/author/import", new TextEncoder().encode("no soy un zip"));
    expect(response.status).toBe(400);
    expect(await rowCounts()).toEqual(before);
  });

  it("imports a zip as a new draft of an existing course (no second course), refusing a stale revision", async () => {
    const zip = await zipOf(await get(madrid, `/author/${MADRID_KEY}/export.zip?from=1`));
    const draft = (await readDraft(scopeOf(madrid), MADRID_KEY))!;
    const courses = await db().course.count();
    const response = await upload(madrid, `/author/${MADRID_KEY}/import`, zip, { revision: String(draft.revision) });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/author/${MADRID_KEY}?done=importedDraft`);
    expect(await db().course.count()).toBe(courses);
    expect((await readDraft(scopeOf(madrid), MADRID_KEY))!.revision).toBe(draft.revision + 1);
    const stale = await upload(madrid, `/author/${MADRID_KEY}/import`, zip, { revision: String(draft.revision) });
    expect(stale.status).toBe(409);
    expect(decodeEntities(await stale.text())).toContain(translatorFor("es")("sharing.import.stale"));
    expect((await upload(saoPaulo, `/author/${MADRID_KEY}/import`, zip, { revision: "0" })).status).toBe(404);
  });
});

describe("the network view of shared courses", () => {
  it("counts the cities with an enrolment or a current assignment of a course, once each", async () => {
    const course = await db().course.findUniqueOrThrow({ where: { key: MADRID_KEY }, select: { id: true } });
    const city = async (slug: string) => (await db().city.findUniqueOrThrow({ where: { slug } })).id;
    expect((await citiesUsing([course.id])).get(course.id)).toBeUndefined();
    await db().enrollment.create({ data: { userId: learner.id, courseId: course.id } });
    await db().enrollment.create({ data: { userId: madrid.id, courseId: course.id } });
    await db().assignment.create({ data: { cityId: await city("madrid"), courseId: course.id } });
    await db().assignment.create({ data: { cityId: await city("sao-paulo"), courseId: course.id } });
    await db().assignment.create({ data: { cityId: await city("bogota"), courseId: course.id, withdrawnAt: new Date() } });
    expect((await citiesUsing([course.id])).get(course.id)).toBe(2);
  });

  it("lists the course on /network with the city it came from and the cities using it", async () => {
    const html = decodeEntities(await (await get(networkAdmin, "/network")).text());
    const section = html.slice(html.indexOf('id="shared-courses"'));
    expect(section).toContain("Curso de prueba");
    expect(section).toMatch(/Madrid<\/td>/);
    expect(section).toMatch(/>2<\/td>/);
  });
});
