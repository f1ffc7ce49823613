/**
 * A course folder as the checker reads it: a folder on disk (`courses/<key>`) or the files of a
 * draft held in memory (relative path → bytes). Paths are posix and relative to the course root
 * ("" is the root); nothing outside the root can be listed or read.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export interface TreeEntry {
  name: string;
  directory: boolean;
}

export interface CourseTree {
  /** The entries of a folder, sorted by name; [] for a folder that does not exist. */
  list(dir: string): TreeEntry[];
  /** A file's bytes, or null when there is no such file. */
  read(file: string): Buffer | null;
}

/** The path inside the root, or null for one that leaves it ("..", absolute). */
export function insideRoot(relativePath: string): string | null {
  if (relativePath.startsWith("/")) return null;
  const normal = path.posix.normalize(relativePath).replace(/\/$/, "");
  if (normal === ".") return "";
  return normal === ".." || normal.startsWith("../") ? null : normal;
}

const byName = (a: TreeEntry, b: TreeEntry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function folderTree(dir: string): CourseTree {
  const full = (relativePath: string) => {
    const inside = insideRoot(relativePath);
    return inside === null ? null : path.join(dir, ...inside.split("/"));
  };
  return {
    list(folder) {
      const at = full(folder);
      if (at === null) return [];
      let names: string[];
      try {
        names = readdirSync(at);
      } catch {
        return [];
      }
      // Links are followed, as reading a file follows them.
      return names.map((name) => ({ name, directory: statSync(path.join(at, name), { throwIfNoEntry: false })?.isDirectory() ?? false })).sort(byName);
    },
    read(file) {
      const at = full(file);
      if (at === null) return null;
      try {
        return statSync(at).isFile() ? readFileSync(at) : null;
      } catch {
        return null;
      }
    },
  };
}

/** Files by path ("course.yaml", "01-intro/es.md"); folders are implied by the paths. */
export function memoryTree(files: ReadonlyMap<string, Uint8Array>): CourseTree {
  const stored = new Map<string, Uint8Array>();
  for (const [name, bytes] of files) {
    const inside = insideRoot(name);
    if (inside) stored.set(inside, bytes);
  }
  return {
    list(folder) {
      const inside = insideRoot(folder);
      if (inside === null) return [];
      const prefix = inside === "" ? "" : `${inside}/`;
      const entries = new Map<string, boolean>();
      for (const name of stored.keys()) {
        if (!name.startsWith(prefix)) continue;
        const [first, ...rest] = name.slice(prefix.length).split("/");
        if (first) entries.set(first, (entries.get(first) ?? false) || rest.length > 0);
      }
      return [...entries].map(([name, directory]) => ({ name, directory })).sort(byName);
    },
    read(file) {
      const inside = insideRoot(file);
      const bytes = inside === null ? undefined : stored.get(inside);
      return bytes === undefined ? null : Buffer.from(bytes);
    },
  };
}

/** Every file of the tree, depth first in name order. */
export function treeFiles(tree: CourseTree, dir = ""): string[] {
  return tree.list(dir).flatMap((entry) => {
    const at = dir === "" ? entry.name : `${dir}/${entry.name}`;
    return entry.directory ? treeFiles(tree, at) : [at];
  });
}

/** The content hash of a course: each file's relative path and bytes, in name order. Stored versions compare it. */
export function hashTree(tree: CourseTree): string {
  const hash = createHash("sha256");
  for (const file of treeFiles(tree)) {
    hash.update(file);
    hash.update("\0");
    hash.update(tree.read(file) ?? Buffer.alloc(0));
    hash.update("\0");
  }
  return hash.digest("hex");
}
