import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { folderTree, hashTree, insideRoot, memoryTree, treeFiles } from "./course-tree.ts";

const files = new Map<string, Uint8Array>([
  ["course.yaml", Buffer.from("key: x\n")],
  ["quiz.yaml", Buffer.from("settings: {}\n")],
  ["01-intro/es.md", Buffer.from("# hola\n")],
  ["01-intro/figure.png", new Uint8Array([137, 80, 78, 71, 0, 255])],
  ["01-intro/deep/notes.md", Buffer.from("nota")],
  ["02-next/en.md", Buffer.from("")],
]);

const root = mkdtempSync(path.join(os.tmpdir(), "aula-tree-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
for (const [name, bytes] of files) {
  mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
  writeFileSync(path.join(root, name), bytes);
}

/** The files of a folder, read with fs alone, as a draft's map. */
function filesOnDisk(dir: string, prefix = ""): Array<[string, Uint8Array]> {
  return readdirSync(dir).flatMap((name): Array<[string, Uint8Array]> => {
    const full = path.join(dir, name);
    const relative = prefix ? `${prefix}/${name}` : name;
    return statSync(full).isDirectory() ? filesOnDisk(full, relative) : [[relative, readFileSync(full)]];
  });
}

/** How stored versions' content hashes were made before course trees: they must stay "unchanged". */
function hashFolderAsBefore(dir: string): string {
  const hash = createHash("sha256");
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        hash.update(path.relative(dir, full).split(path.sep).join("/"));
        hash.update("\0");
        hash.update(readFileSync(full));
        hash.update("\0");
      }
    }
  };
  walk(dir);
  return hash.digest("hex");
}

describe("course trees", () => {
  const trees = { folder: folderTree(root), memory: memoryTree(files) };

  it("give the same answers for the same content, on disk and in memory", () => {
    for (const dir of ["", "01-intro", "01-intro/deep", "02-next", "missing", "course.yaml"]) {
      expect(trees.memory.list(dir), dir).toEqual(trees.folder.list(dir));
    }
    for (const file of [...files.keys(), "missing.md", "01-intro", "01-intro/../course.yaml"]) {
      expect(trees.memory.read(file), file).toEqual(trees.folder.read(file));
    }
    expect(treeFiles(trees.memory)).toEqual(treeFiles(trees.folder));
  });

  it("lists a folder's entries sorted by name, folders implied by the paths", () => {
    expect(trees.memory.list("")).toEqual([
      { name: "01-intro", directory: true },
      { name: "02-next", directory: true },
      { name: "course.yaml", directory: false },
      { name: "quiz.yaml", directory: false },
    ]);
    expect(trees.memory.list("01-intro").map((entry) => entry.name)).toEqual(["deep", "es.md", "figure.png"]);
    expect(trees.memory.read("01-intro/figure.png")).toEqual(Buffer.from([137, 80, 78, 71, 0, 255]));
  });

  it("reads nothing outside the course root", () => {
    writeFileSync(path.join(path.dirname(root), `${path.basename(root)}-outside.txt`), "secret");
    for (const tree of Object.values(trees)) {
      expect(tree.read(`../${path.basename(root)}-outside.txt`)).toBeNull();
      expect(tree.read("/etc/hostname")).toBeNull();
      expect(tree.list("..")).toEqual([]);
    }
    rmSync(path.join(path.dirname(root), `${path.basename(root)}-outside.txt`));
    expect(insideRoot("a/./b/../c")).toBe("a/c");
    expect(insideRoot("a/../../b")).toBeNull();
    expect(insideRoot("")).toBe("");
  });

  it("hashes the same bytes the same way, and any change of a path or a byte differently", () => {
    const fixture = path.resolve("tests/fixtures/courses/sample-course");
    const onDisk = hashTree(folderTree(fixture));
    expect(onDisk).toBe(hashFolderAsBefore(fixture));
    expect(hashTree(trees.folder)).toBe(hashFolderAsBefore(root));
    expect(hashTree(memoryTree(new Map(filesOnDisk(fixture))))).toBe(onDisk);
    expect(hashTree(trees.memory)).toBe(hashTree(trees.folder));
    const renamed = new Map([...files].map(([name, bytes]) => [name.replace("figure", "figura"), bytes]));
    expect(hashTree(memoryTree(renamed))).not.toBe(hashTree(trees.memory));
    const changed = new Map(files).set("02-next/en.md", Buffer.from(" "));
    expect(hashTree(memoryTree(changed))).not.toBe(hashTree(trees.memory));
  });
});
