import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readDraft, type AuthorScope } from "~/authoring/drafts.server.ts";
import { db } from "~/db.server.ts";
import { importCourseZip } from "~/sharing/course-import.server.ts";
import { createUser } from "../support/factories.ts";
import { rawZip, type RawEntry } from "../support/raw-zip.ts";

const fixture = path.resolve("tests/fixtures/courses/sample-course");

function fixtureEntries(dir = fixture, prefix = "sample-course"): RawEntry[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory()
        ? fixtureEntries(full, `${prefix}/${name}`)
        : [{ name: `${prefix}/${name}`, data: new Uint8Array(readFileSync(full)), deflate: true }];
    });
}

function replaced(entries: RawEntry[], name: string, change: (text: string) => string): RawEntry[] {
  return entries.map((entry) =>
    entry.name === name ? { ...entry, data: change(new TextDecoder().decode(entry.data as Uint8Array)) } : entry,
  );
}

let trainer: AuthorScope;

async function writtenRows() {
  return {
    courses: await db().course.count(),
    drafts: await db().courseDraft.count(),
    files: await db().draftFile.count(),
    stored: await db().storedFile.count(),
  };
}

beforeAll(async () => {
  const user = await createUser({ roles: ["TRAINER"] });
  trainer = { cityId: user.cityId, citySlug: user.citySlug, userId: user.id };
});

describe("importing a course zip", () => {
  it("imports a good zip as a new city course under the city's key space", async () => {
    const outcome = await importCourseZip(trainer, rawZip(fixtureEntries()), { kind: "new" });
    expect(outcome).toEqual({ ok: true, key: "madrid.sample-course" });
    const draft = (await readDraft(trainer, "madrid.sample-course"))!;
    expect(new TextDecoder().decode(draft.files.get("course.yaml"))).toContain("key: madrid.sample-course");
    expect(draft.files.get("01-first-steps/es.md")).toEqual(
      new Uint8Array(readFileSync(path.join(fixture, "01-first-steps/es.md"))),
    );
    expect(await importCourseZip(trainer, rawZip(fixtureEntries()), { kind: "new" })).toEqual({
      ok: true,
      key: "madrid.sample-course-2",
    });
  });

  it("imports into an existing course as its draft's new content, not a second course", async () => {
    const before = (await readDraft(trainer, "madrid.sample-course"))!;
    const entries = replaced(fixtureEntries(), "sample-course/02-next-steps/es.md", (text) =>
      text.replace("---\n\n", "---\n\nTexto importado.\n\n"),
    );
    const courses = await db().course.count();
    expect(
      await importCourseZip(trainer, rawZip(entries), {
        kind: "draft",
        courseKey: "madrid.sample-course",
        revision: before.revision,
      }),
    ).toEqual({ ok: true, key: "madrid.sample-course" });
    expect(await db().course.count()).toBe(courses);
    const after = (await readDraft(trainer, "madrid.sample-course"))!;
    expect(after.revision).toBe(before.revision + 1);
    expect(new TextDecoder().decode(after.files.get("02-next-steps/es.md"))).toContain("Texto importado.");
    const stale = await importCourseZip(trainer, rawZip(entries), {
      kind: "draft",
      courseKey: "madrid.sample-course",
      revision: before.revision,
    });
    expect(stale).toMatchObject({ ok: false, stale: true });
  });

  it("refuses hostile zips with their reason and writes nothing", async () => {
    const good = fixtureEntries();
    const cases: Array<[string, RawEntry[], string]> = [
      ["a climbing name", [...good, { name: "sample-course/../../evil.md", data: "x" }], "sharing.zip.unsafeName"],
      ["an absolute name", [...good, { name: "/etc/cron.d/evil", data: "x" }], "sharing.zip.unsafeName"],
      [
        "a symlink",
        [...good, { name: "sample-course/01-first-steps/link.svg", data: "/etc/passwd", unixMode: 0o120777 }],
        "sharing.zip.symlink",
      ],
      ["a duplicate name", [...good, good[0]!], "sharing.zip.duplicate"],
      [
        "a zip bomb",
        [...good, { name: "sample-course/01-first-steps/bomb.svg", data: new Uint8Array(2_000_000), deflate: true }],
        "sharing.zip.ratio",
      ],
      [
        "too many entries",
        [...good, ...Array.from({ length: 400 }, (_, index) => ({ name: `sample-course/extra-${index}.txt`, data: "x" }))],
        "sharing.zip.tooManyEntries",
      ],
      ["no course", [{ name: "notes/readme.md", data: "hola" }], "sharing.zip.noCourse"],
    ];
    const before = await writtenRows();
    for (const [label, entries, code] of cases) {
      const outcome = await importCourseZip(trainer, rawZip(entries), { kind: "new" });
      expect(outcome.ok, label).toBe(false);
      if (outcome.ok) continue;
      expect(
        outcome.zipProblems.map((problem) => problem.code),
        label,
      ).toContain(code);
    }
    expect(await writtenRows()).toEqual(before);
  });

  it("reports every checker problem of a broken course with its file and line, and writes nothing", async () => {
    const broken = replaced(
      replaced(fixtureEntries(), "sample-course/quiz.yaml", (text) => `${text}\n  unclosed: [`),
      "sample-course/course.yaml",
      (text) => text.replace("  en: Sample course\n", ""),
    ).filter((entry) => entry.name !== "sample-course/02-next-steps/pt.md");
    const before = await writtenRows();
    const outcome = await importCourseZip(trainer, rawZip(broken), { kind: "new" });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const files = outcome.problems.map((problem) => problem.file);
    expect(files).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/quiz\.yaml$/),
        expect.stringMatching(/course\.yaml$/),
        expect.stringMatching(/02-next-steps\/pt\.md$/),
      ]),
    );
    expect(outcome.problems.map((problem) => problem.code)).toEqual(expect.arrayContaining(["checker.missingLanguage"]));
    expect(outcome.problems.every((problem) => problem.line >= 1)).toBe(true);
    expect(await writtenRows()).toEqual(before);
  });
});
