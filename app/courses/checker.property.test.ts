/**
 * The course checker, by property: whatever a course folder holds — the valid sample with random
 * mutations, or files of arbitrary text — it never throws, and every problem names a file, a
 * line within that file, and a message.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { loadCourse, loadCourseTree, type Problem } from "./checker.server.ts";
import { memoryTree } from "./course-tree.ts";

const SEED = 20_260_915;
const fixture = path.resolve("tests/fixtures/courses/sample-course");
const scratch = mkdtempSync(path.join(os.tmpdir(), "aula-checker-property-"));
let made = 0;

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesOf(full) : [full];
  });
}
const sampleFiles = filesOf(fixture).map((file) => path.relative(fixture, file)).sort();

/** Text that YAML, front matter and Markdown parsers find awkward. */
const awkwardLine = fc.oneof(
  fc.constantFrom(
    "---", "key: value", "key:", ": value", "- item", "  - [unclosed", "{a: 1", "\tindented: tab", "&anchor x", "*alias",
    "? complex", "!!binary abc", "'unterminated", "\"\\u00\"", "%YAML 1.1", "languages: [xx]", "lessons: 3", "draw: -1",
    "minutes: 1e999", "title: {es: 1}", "correct: [a, a]", "# Title", "![](x.svg)", "[link](javascript:alert(1))",
    "<script>alert(1)</script>", "```", "| a | b |", "\u202e\u0000\ufeff", "key: \"\\ud800\"", "",
  ),
  fc.string({ unit: "binary", maxLength: 60 }),
);

type Mutation =
  | { kind: "delete-line" | "duplicate-line"; file: number; line: number }
  | { kind: "insert-line" | "replace-line"; file: number; line: number; text: string }
  | { kind: "truncate"; file: number; at: number }
  | { kind: "replace-file"; file: number; text: string }
  | { kind: "remove-file"; file: number }
  | { kind: "add-file"; name: string; text: string };

const fileIndex = fc.nat({ max: sampleFiles.length - 1 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom("delete-line" as const, "duplicate-line" as const), file: fileIndex, line: fc.nat(60) }),
  fc.record({ kind: fc.constantFrom("insert-line" as const, "replace-line" as const), file: fileIndex, line: fc.nat(60), text: awkwardLine }),
  fc.record({ kind: fc.constant("truncate" as const), file: fileIndex, at: fc.nat(2000) }),
  fc.record({ kind: fc.constant("replace-file" as const), file: fileIndex, text: fc.array(awkwardLine, { maxLength: 8 }).map((lines) => lines.join("\n")) }),
  fc.record({ kind: fc.constant("remove-file" as const), file: fileIndex }),
  fc.record({
    kind: fc.constant("add-file" as const),
    name: fc.constantFrom("03-extra/es.md", "01-first-steps/fr.md", "01-first-steps/notes.md", "01-first-steps/image.svg", "loose/es.md", "02-next-steps/x.png"),
    text: fc.array(awkwardLine, { maxLength: 6 }).map((lines) => lines.join("\n")),
  }),
);

function apply(dir: string, change: Mutation): void {
  if (change.kind === "add-file") {
    mkdirSync(path.dirname(path.join(dir, change.name)), { recursive: true });
    writeFileSync(path.join(dir, change.name), change.text);
    return;
  }
  const file = path.join(dir, sampleFiles[change.file]!);
  if (!existsSync(file)) return;
  if (change.kind === "remove-file") return rmSync(file);
  if (change.kind === "replace-file") return writeFileSync(file, change.text);
  const source = readFileSync(file, "utf8");
  if (change.kind === "truncate") return writeFileSync(file, source.slice(0, change.at % (source.length + 1)));
  const lines = source.split("\n");
  const at = change.line % (lines.length + 1);
  if (change.kind === "delete-line") lines.splice(at, 1);
  if (change.kind === "duplicate-line") lines.splice(at, 0, lines[at] ?? "");
  if (change.kind === "insert-line") lines.splice(at, 0, change.text);
  if (change.kind === "replace-line") lines.splice(at, 1, change.text);
  writeFileSync(file, lines.join("\n"));
}

function mutatedCopy(changes: Mutation[]): string {
  made += 1;
  const dir = path.join(scratch, String(made), "sample-course");
  cpSync(fixture, dir, { recursive: true });
  for (const change of changes) apply(dir, change);
  return dir;
}

/** A problem names a file of the folder (or one it expected), a line within it, and says something. */
function expectWellFormed(problems: Problem[], root: string): void {
  for (const problem of problems) {
    expect(problem.message.trim(), JSON.stringify(problem)).not.toBe("");
    expect(problem.file.trim(), JSON.stringify(problem)).not.toBe("");
    expect(Number.isInteger(problem.line) && problem.line >= 1, JSON.stringify(problem)).toBe(true);
    const file = path.resolve(root, problem.file);
    if (existsSync(file) && statSync(file).isFile()) {
      const lineCount = readFileSync(file, "utf8").split("\n").length;
      expect(problem.line, `${JSON.stringify(problem)} in a file of ${lineCount} lines`).toBeLessThanOrEqual(lineCount);
    }
  }
}

describe("course checker, by property", () => {
  it("never throws on the sample course with random mutations, and every problem has a file, a line and a message", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (changes) => {
        const dir = mutatedCopy(changes);
        const { source, problems } = loadCourse(dir);
        expectWellFormed(problems, path.dirname(dir));
        // Either a usable course (perhaps with warnings) or at least one error saying why not.
        const errors = problems.filter((problem) => problem.severity === "error");
        expect(source === null ? errors.length > 0 : errors.length === 0).toBe(true);
        // The same files in memory, as a draft holds them, get the same answer.
        const inMemory = loadCourseTree(memoryTree(new Map(filesOf(dir).map((file) => [path.relative(dir, file).split(path.sep).join("/"), readFileSync(file)]))), {
          name: "sample-course",
          shownAs: "sample-course",
        });
        expect(inMemory.problems).toEqual(problems);
        expect(inMemory.source?.contentHash).toBe(source?.contentHash);
        rmSync(path.dirname(dir), { recursive: true, force: true });
      }),
      { seed: SEED, numRuns: 120 },
    );
  }, 120_000);

  it("never throws on folders of arbitrary files", () => {
    const names = fc.constantFrom("course.yaml", "quiz.yaml", "01-a/es.md", "01-a/pt.md", "01-first-steps/es.md", "README.md", "x/y/z.md");
    fc.assert(
      fc.property(fc.dictionary(names, fc.array(awkwardLine, { maxLength: 10 }).map((lines) => lines.join("\n"))), (files) => {
        made += 1;
        const dir = path.join(scratch, String(made), "some-course");
        mkdirSync(dir, { recursive: true });
        for (const [name, text] of Object.entries(files)) {
          mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
          writeFileSync(path.join(dir, name), text);
        }
        const { problems } = loadCourse(dir);
        expectWellFormed(problems, path.dirname(dir));
        rmSync(path.dirname(dir), { recursive: true, force: true });
      }),
      { seed: SEED, numRuns: 200 },
    );
  }, 120_000);
});
