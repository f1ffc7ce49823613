import { describe, expect, it } from "vitest";
import { departmentActionSchema, departmentNameSchema, doneOf, problemField } from "./department-input.ts";
import {
  archiveBlockerKinds,
  archiveBlocked,
  choicesOutside,
  clashingChildNames,
  isActiveDepartment,
  mergeProblem,
  unarchiveProblem,
} from "./department-tree.ts";

describe("merging departments", () => {
  const active = { archived: false };
  it("refuses a merge into the department itself or into one of its sub-departments", () => {
    expect(mergeProblem({ path: "a/", deepestInSubtree: 2, ...active }, { path: "a/", ...active })).toBe(
      "department.mergeIntoItself",
    );
    expect(mergeProblem({ path: "a/", deepestInSubtree: 2, ...active }, { path: "a/b/", ...active })).toBe(
      "department.mergeIntoItself",
    );
    // A sibling whose id starts alike is not inside.
    expect(mergeProblem({ path: "a/", deepestInSubtree: 2, ...active }, { path: "ab/", ...active })).toBeNull();
  });

  it("refuses archived departments on either side", () => {
    expect(mergeProblem({ path: "a/", deepestInSubtree: 1, archived: true }, { path: "b/", ...active })).toBe(
      "department.archived",
    );
    expect(mergeProblem({ path: "a/", deepestInSubtree: 1, ...active }, { path: "b/", archived: true })).toBe(
      "department.archived",
    );
  });

  it("counts the height of the children that move under the target against the depth limit", () => {
    // a (level 1) has children down to level 3: they are 2 levels high; under a target at level 4 → 5 and 6.
    expect(mergeProblem({ path: "a/", deepestInSubtree: 3, ...active }, { path: "x/y/z/w/", ...active })).toBeNull();
    // Under a target at level 5 → 6 and 7: refused.
    expect(mergeProblem({ path: "a/", deepestInSubtree: 3, ...active }, { path: "x/y/z/w/v/", ...active })).toBe(
      "department.tooDeep",
    );
    // A department without children merges into a target at the deepest level.
    expect(mergeProblem({ path: "a/", deepestInSubtree: 1, ...active }, { path: "x/y/z/w/v/u/", ...active })).toBeNull();
  });

  it("finds the children's names that the target already uses, once each", () => {
    expect(clashingChildNames(["Caja", "Tributos", "Caja"], ["Caja", "Obras"])).toEqual(["Caja"]);
    expect(clashingChildNames(["Caja"], ["caja"])).toEqual([]);
  });
});

describe("archiving departments", () => {
  it("is blocked while anything still uses the subtree", () => {
    const none = { activePeople: 0, openAssignments: 0, hrGrants: 0, pendingInvitations: 0 };
    expect(archiveBlocked(none)).toBe(false);
    for (const kind of archiveBlockerKinds) expect(archiveBlocked({ ...none, [kind]: 1 })).toBe(true);
  });

  it("brings a department back only under an active parent", () => {
    expect(unarchiveProblem(null)).toBeNull();
    expect(unarchiveProblem({ archived: false })).toBeNull();
    expect(unarchiveProblem({ archived: true })).toBe("department.parentArchived");
  });

  it("offers as a new parent or merge target only active departments outside the subtree", () => {
    const rows = [
      { id: "a", path: "a/", archivedAt: null },
      { id: "b", path: "a/b/", archivedAt: null },
      { id: "ab", path: "ab/", archivedAt: null },
      { id: "old", path: "old/", archivedAt: new Date() },
    ];
    expect(choicesOutside(rows, { path: "a/" }).map((row) => row.id)).toEqual(["ab"]);
    expect(choicesOutside(rows, { path: "a/b/" }).map((row) => row.id)).toEqual(["a", "ab"]);
    expect(isActiveDepartment({ archivedAt: null })).toBe(true);
    expect(isActiveDepartment({ archivedAt: "2026-01-01T00:00:00.000Z" })).toBe(false);
  });
});

describe("department forms", () => {
  it("trims a name and folds runs of spaces, refusing an empty or overlong one", () => {
    expect(departmentNameSchema.parse("  Servicios   Sociales ")).toBe("Servicios Sociales");
    expect(departmentNameSchema.safeParse("   ").error?.issues[0]?.message).toBe("department.nameEmpty");
    expect(departmentNameSchema.safeParse("x".repeat(101)).error?.issues[0]?.message).toBe("department.nameTooLong");
  });

  it("reads each action, a blank parent as the top of the tree, and refuses an unknown one", () => {
    expect(departmentActionSchema.parse({ intent: "move", parentId: "" })).toEqual({ intent: "move", parentId: null });
    expect(departmentActionSchema.parse({ intent: "merge", targetId: "d1" })).toEqual({ intent: "merge", targetId: "d1" });
    expect(departmentActionSchema.safeParse({ intent: "merge", targetId: "" }).success).toBe(false);
    expect(departmentActionSchema.safeParse({ intent: "delete" }).success).toBe(false);
  });

  it("shows a refusal next to the field of the form that was sent", () => {
    expect(problemField("create", "department.nameTaken")).toBe("name");
    expect(problemField("create", "department.tooDeep")).toBe("parentId");
    expect(problemField("move", "department.tooDeep")).toBe("parentId");
    expect(problemField("mergePreview", "department.tooDeep")).toBe("targetId");
    expect(problemField("archive", "department.inUse")).toBeNull();
    expect(doneOf(new URLSearchParams("done=merged"))).toBe("merged");
    expect(doneOf(new URLSearchParams("done=<script>"))).toBeNull();
  });
});
