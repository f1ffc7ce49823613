import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkFiles } from "./publish.server.ts";
import { quizProblems } from "./quiz-page.server.ts";

function folderFiles(dir: string): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    files.set(path.relative(dir, full).split(path.sep).join("/"), new Uint8Array(readFileSync(full)));
  }
  return files;
}

describe("the quiz's problems", () => {
  it("are the full checker's findings in quiz.yaml, errors and warnings alike", () => {
    const files = folderFiles(path.resolve("tests/fixtures/courses/sample-course"));
    const quiz = new TextDecoder().decode(files.get("quiz.yaml")!);
    // A draw larger than the pool (an error) and a correct option that gives itself away by its length (a warning).
    const changed = quiz.replace("draw: 2", "draw: 9").replace("es: Azul,", "es: Azul como un cielo despejado,");
    expect(changed).not.toBe(quiz);
    files.set("quiz.yaml", new TextEncoder().encode(changed));
    const courseKey = "sample-course";
    const full = checkFiles(courseKey, files).problems.filter((problem) => problem.file === `${courseKey}/quiz.yaml`);
    const found = quizProblems({ courseKey, files });
    expect(found.map((problem) => [problem.code, problem.severity])).toEqual([
      ["checker.drawLargerThanPool", "error"],
      ["checker.correctOftenLongest", "warning"],
    ]);
    expect(found).toEqual(full);
  });
});
