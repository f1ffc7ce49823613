/**
 * The department tree's rules, pure (the database side is departments.server.ts). A department's
 * `path` lists the ids from its root down to itself, each followed by "/", so a subtree is every
 * department whose path starts with the subtree root's path.
 */
export const MAX_DEPARTMENT_DEPTH = 6;

export function childPath(parentPath: string | null, id: string): string {
  return `${parentPath ?? ""}${id}/`;
}

export function depthOfPath(path: string): number {
  return path.split("/").length - 1;
}

export function isInSubtree(path: string, subtreePath: string): boolean {
  return path.startsWith(subtreePath);
}

/** "" for a root: stored beside the name so that names are unique among siblings, roots included. */
export function siblingsKeyOf(parentId: string | null): string {
  return parentId ?? "";
}

export type MoveProblem = "department.moveIntoItself" | "department.tooDeep";

/**
 * Whether a department (its path, and the deepest depth in its subtree) may move under a new
 * parent (null: become a root): never into itself or its own subtree, never past the depth limit.
 */
export function moveProblem(
  moving: { path: string; deepestInSubtree: number },
  newParent: { path: string } | null,
): MoveProblem | null {
  if (newParent && isInSubtree(newParent.path, moving.path)) return "department.moveIntoItself";
  const height = moving.deepestInSubtree - depthOfPath(moving.path);
  const newDepth = (newParent ? depthOfPath(newParent.path) : 0) + 1;
  return newDepth + height > MAX_DEPARTMENT_DEPTH ? "department.tooDeep" : null;
}

export interface DepartmentRow {
  id: string;
  parentId: string | null;
  name: string;
  path: string;
  depth: number;
  archivedAt?: Date | null;
}

export interface DepartmentNode<T extends DepartmentRow = DepartmentRow> {
  department: T;
  children: DepartmentNode<T>[];
}

/** Rows into a tree, siblings sorted by name in the given language. */
export function buildTree<T extends DepartmentRow>(rows: readonly T[], lang = "es"): DepartmentNode<T>[] {
  const collator = new Intl.Collator(lang);
  const nodes = new Map(rows.map((department) => [department.id, { department, children: [] as DepartmentNode<T>[] }]));
  const roots: DepartmentNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.department.parentId ? nodes.get(node.department.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: DepartmentNode<T>[]) => {
    list.sort((a, b) => collator.compare(a.department.name, b.department.name));
    for (const node of list) sort(node.children);
  };
  sort(roots);
  return roots;
}

/** The tree flattened depth-first, each row with its level (1 for roots), for tables and pickers. */
export function flattenTree<T extends DepartmentRow>(roots: readonly DepartmentNode<T>[]): Array<T & { level: number }> {
  const rows: Array<T & { level: number }> = [];
  const walk = (list: readonly DepartmentNode<T>[], level: number) => {
    for (const node of list) {
      rows.push({ ...node.department, level });
      walk(node.children, level + 1);
    }
  };
  walk(roots, 1);
  return rows;
}

export type MergeProblem = "department.mergeIntoItself" | "department.tooDeep" | "department.archived";

/**
 * Whether a department may be merged into another: never into itself or its own subtree, never
 * from or into an archived one, and its children (re-parented under the target) must stay within
 * the depth limit.
 */
export function mergeProblem(
  source: { path: string; deepestInSubtree: number; archived: boolean },
  target: { path: string; archived: boolean },
): MergeProblem | null {
  if (source.archived || target.archived) return "department.archived";
  if (isInSubtree(target.path, source.path)) return "department.mergeIntoItself";
  // The source's children take the source's place one level below the target.
  const childrenHeight = source.deepestInSubtree - depthOfPath(source.path);
  return depthOfPath(target.path) + childrenHeight > MAX_DEPARTMENT_DEPTH ? "department.tooDeep" : null;
}

/** Names that would be repeated among the target's children once the source's children join them. */
export function clashingChildNames(sourceChildren: readonly string[], targetChildren: readonly string[]): string[] {
  const taken = new Set(targetChildren);
  return [...new Set(sourceChildren.filter((name) => taken.has(name)))];
}

/** What keeps a department subtree in use: archiving waits until each of these is zero. */
export interface ArchiveBlockers {
  activePeople: number;
  openAssignments: number;
  hrGrants: number;
  pendingInvitations: number;
}

export const archiveBlockerKinds = [
  "activePeople",
  "openAssignments",
  "hrGrants",
  "pendingInvitations",
] as const satisfies ReadonlyArray<keyof ArchiveBlockers>;

export function archiveBlocked(blockers: ArchiveBlockers): boolean {
  return archiveBlockerKinds.some((kind) => blockers[kind] > 0);
}

/** A department comes back only under an active parent (archiving takes a subtree, never half of one). */
export function unarchiveProblem(parent: { archived: boolean } | null): "department.parentArchived" | null {
  return parent?.archived ? "department.parentArchived" : null;
}

/**
 * Where a department may go (a new parent, or a merge target): active departments outside its own
 * subtree. The server checks the same rules again (moveProblem, mergeProblem).
 */
export function choicesOutside<T extends { path: string; archivedAt?: Date | string | null }>(
  rows: readonly T[],
  moving: { path: string },
): T[] {
  return rows.filter((row) => isActiveDepartment(row) && !isInSubtree(row.path, moving.path));
}

/** Whether people may be put in a department: it is not archived (in SQL: activeDepartmentsWhere). */
export function isActiveDepartment(row: { archivedAt?: Date | string | null }): boolean {
  return !row.archivedAt;
}
