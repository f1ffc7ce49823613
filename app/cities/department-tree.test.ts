import { describe, expect, it } from "vitest";
import {
  buildTree,
  childPath,
  depthOfPath,
  flattenTree,
  isInSubtree,
  MAX_DEPARTMENT_DEPTH,
  moveProblem,
} from "./department-tree.ts";

describe("department tree rules", () => {
  it("writes a child's path under its parent's and counts its depth", () => {
    const root = childPath(null, "a");
    const child = childPath(root, "b");
    expect(root).toBe("a/");
    expect(child).toBe("a/b/");
    expect(depthOfPath(root)).toBe(1);
    expect(depthOfPath(child)).toBe(2);
  });

  it("a subtree holds its root and descendants, not a sibling whose id starts alike", () => {
    expect(isInSubtree("a/b/", "a/")).toBe(true);
    expect(isInSubtree("a/", "a/")).toBe(true);
    expect(isInSubtree("ab/", "a/")).toBe(false);
  });

  it("refuses a move into the department itself or below it", () => {
    expect(moveProblem({ path: "a/", deepestInSubtree: 2 }, { path: "a/" })).toBe("department.moveIntoItself");
    expect(moveProblem({ path: "a/", deepestInSubtree: 2 }, { path: "a/b/" })).toBe("department.moveIntoItself");
    expect(moveProblem({ path: "a/b/", deepestInSubtree: 2 }, null)).toBeNull();
  });

  it(`refuses a move that would take any department below level ${MAX_DEPARTMENT_DEPTH}`, () => {
    // A subtree two levels high (b at level 2, its deepest at level 3) under a parent at level 4 → 5 and 6: allowed.
    expect(moveProblem({ path: "a/b/", deepestInSubtree: 3 }, { path: "x/y/z/w/" })).toBeNull();
    // Under a parent at level 5 → 6 and 7: refused.
    expect(moveProblem({ path: "a/b/", deepestInSubtree: 3 }, { path: "x/y/z/w/v/" })).toBe("department.tooDeep");
  });

  it("builds the tree with siblings in alphabetical order and flattens it depth-first", () => {
    const rows = [
      { id: "h", parentId: null, name: "Hacienda", path: "h/", depth: 1 },
      { id: "t", parentId: "h", name: "Tributos", path: "h/t/", depth: 2 },
      { id: "c", parentId: "h", name: "Contabilidad", path: "h/c/", depth: 2 },
      { id: "e", parentId: null, name: "Educación", path: "e/", depth: 1 },
    ];
    const flat = flattenTree(buildTree(rows));
    expect(flat.map((row) => [row.name, row.level])).toEqual([
      ["Educación", 1],
      ["Hacienda", 1],
      ["Contabilidad", 2],
      ["Tributos", 2],
    ]);
  });
});
