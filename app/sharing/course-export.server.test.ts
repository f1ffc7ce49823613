import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { withCourseKey } from "~/authoring/drafts.server.ts";
import { makeProblem } from "~/courses/problems.ts";
import { courseKeyName } from "~/courses/format.ts";
import { courseZip, exportedFiles } from "./course-export.server.ts";
import { readZip, withoutTopFolder } from "./course-zip.server.ts";
import { importReport } from "./import-report.ts";

const fixture = path.resolve("tests/fixtures/courses/sample-course");
const decoder = new TextDecoder();

function folderFiles(dir: string, prefix = ""): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) for (const [p, bytes] of folderFiles(full, `${prefix}${name}/`)) files.set(p, bytes);
    else files.set(`${prefix}${name}`, new Uint8Array(readFileSync(full)));
  }
  return files;
}

const sample = folderFiles(fixture);
const asCityCourse = (key: string) => new Map([...sample, ["course.yaml", withCourseKey(sample.get("course.yaml")!, key)]]);

describe("the files of an export", () => {
  it("names a city course by its key without the city's prefix, and a network course by its key", () => {
    expect(courseKeyName("madrid.ia-en-tramites")).toBe("ia-en-tramites");
    expect(courseKeyName("ai-fundamentals")).toBe("ai-fundamentals");
  });

  it("leaves a network course's files byte for byte as they are", () => {
    const exported = exportedFiles(sample);
    expect([...exported.keys()]).toEqual([...sample.keys()]);
    for (const [p, bytes] of sample) expect(Buffer.compare(Buffer.from(exported.get(p)!), Buffer.from(bytes)), p).toBe(0);
  });

  it("gives a city course's course.yaml the key-independent name, the same whichever city exports it", () => {
    const madrid = exportedFiles(asCityCourse("madrid.sample-course"));
    const saoPaulo = exportedFiles(asCityCourse("sao-paulo.sample-course"));
    expect(parseYaml(decoder.decode(madrid.get("course.yaml")))).toMatchObject({ key: "sample-course", sourceLocale: "es" });
    expect(decoder.decode(saoPaulo.get("course.yaml"))).toBe(decoder.decode(madrid.get("course.yaml")));
    expect(madrid.get("quiz.yaml")).toEqual(sample.get("quiz.yaml"));
  });

  it("exports an unreadable course.yaml as it is, for the importer's checker to report", () => {
    const broken = new Map(sample);
    broken.set("course.yaml", new TextEncoder().encode("key: madrid.x\nlessons: [\n"));
    expect(decoder.decode(exportedFiles(broken).get("course.yaml"))).toBe("key: madrid.x\nlessons: [\n");
  });
});

describe("the zip of a course", () => {
  it("is byte-identical for the same content and reads back as the same files under one folder", async () => {
    const first = await courseZip("sample-course", sample);
    const reversed = new Map([...sample].reverse());
    expect(Buffer.compare(Buffer.from(await courseZip("sample-course", reversed)), Buffer.from(first))).toBe(0);
    const read = await readZip(first);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect([...read.files.keys()]).toEqual([...sample.keys()].sort().map((p) => `sample-course/${p}`));
    expect(withoutTopFolder(read.files)).toEqual(sample);
  });

  it("stores a file so repetitive that deflating it would look like a zip bomb to the importer", async () => {
    const files = new Map([...sample, ["01-first-steps/blank.svg", new TextEncoder().encode(" ".repeat(500_000))]]);
    const read = await readZip(await courseZip("sample-course", files));
    expect(read.ok).toBe(true);
  });
});

describe("the report of a refused import", () => {
  it("gives every problem in the trainer's language, checker problems with the file inside the zip and the line", () => {
    const problem = makeProblem("sao-paulo.sample-course/02-next-steps/pt.md", 1, "checker.missingLanguage", {
      language: "pt",
      field: "title",
    });
    const zipProblem = { code: "sharing.zip.symlink" as const, params: { name: "a/link.svg" } };
    expect(importReport([zipProblem], [problem], "es")).toEqual([
      { file: null, line: null, text: "«a/link.svg» es un enlace simbólico: un curso solo contiene archivos." },
      { file: "02-next-steps/pt.md", line: 1, text: expect.stringContaining("Falta la versión en") },
    ]);
    expect(importReport([zipProblem], [problem], "en")[0]!.text).toBe(
      "“a/link.svg” is a symbolic link: a course holds only files.",
    );
  });
});
