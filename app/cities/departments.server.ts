/**
 * Departments in the database: the only writer of `path`, `depth` and `siblingsKey`, and the one
 * place subtree queries are written (rules: department-tree.ts). Editing in the browser is the
 * admin pages'; HR, reports and assignments read the tree through these functions.
 */
import { db, Prisma } from "~/db.server.ts";
import { childPath, depthOfPath, MAX_DEPARTMENT_DEPTH, moveProblem, siblingsKeyOf, type MoveProblem } from "./department-tree.ts";

type Tx = Prisma.TransactionClient;

export type DepartmentProblem = MoveProblem | "department.nameTaken" | "department.parentNotFound" | "department.notFound";

export type DepartmentOutcome = { ok: true; id: string } | { ok: false; problem: DepartmentProblem };

/** Departments whose path starts with the subtree root's: the root and everything under it. */
export function subtreeWhere(subtree: { path: string }): Prisma.DepartmentWhereInput {
  return { path: { startsWith: subtree.path } };
}

/** The same test in raw SQL, for queries that read many rows (the HR figures): `column` holds a path. */
export function subtreeSql(column: Prisma.Sql, subtree: { path: string }): Prisma.Sql {
  const pattern = `${subtree.path.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  return Prisma.sql`${column} LIKE ${pattern} ESCAPE '\\'`;
}

/** People of a city, or only those in a department subtree (null: the whole city). */
export function peopleInScopeWhere(scope: { cityId: string; subtree: { path: string } | null }): Prisma.UserWhereInput {
  return scope.subtree ? { cityId: scope.cityId, department: subtreeWhere(scope.subtree) } : { cityId: scope.cityId };
}

async function nameTaken(tx: Tx, cityId: string, parentId: string | null, name: string, exceptId?: string): Promise<boolean> {
  const found = await tx.department.findFirst({
    where: { cityId, siblingsKey: siblingsKeyOf(parentId), name, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  return found !== null;
}

/** Creates a department under a parent of the same city (null: a root). */
export async function createDepartment(
  tx: Tx,
  input: { cityId: string; name: string; parentId: string | null },
): Promise<DepartmentOutcome> {
  const parent = input.parentId
    ? await tx.department.findFirst({ where: { id: input.parentId, cityId: input.cityId }, select: { id: true, path: true } })
    : null;
  if (input.parentId && !parent) return { ok: false, problem: "department.parentNotFound" };
  if (parent && depthOfPath(parent.path) + 1 > MAX_DEPARTMENT_DEPTH) return { ok: false, problem: "department.tooDeep" };
  if (await nameTaken(tx, input.cityId, input.parentId, input.name)) return { ok: false, problem: "department.nameTaken" };
  const created = await tx.department.create({
    data: { cityId: input.cityId, name: input.name, parentId: input.parentId, siblingsKey: siblingsKeyOf(input.parentId) },
    select: { id: true },
  });
  const path = childPath(parent?.path ?? null, created.id);
  await tx.department.update({ where: { id: created.id }, data: { path, depth: depthOfPath(path) } });
  return { ok: true, id: created.id };
}

/**
 * Moves a department and its subtree under another parent of the same city (null: to the top),
 * rewriting the paths below it. Refuses cycles, the depth limit and a sibling of the same name.
 */
export async function moveDepartment(
  tx: Tx,
  input: { cityId: string; departmentId: string; newParentId: string | null },
): Promise<DepartmentOutcome> {
  const moving = await tx.department.findFirst({
    where: { id: input.departmentId, cityId: input.cityId },
    select: { id: true, name: true, path: true },
  });
  if (!moving) return { ok: false, problem: "department.notFound" };
  const newParent = input.newParentId
    ? await tx.department.findFirst({ where: { id: input.newParentId, cityId: input.cityId }, select: { path: true } })
    : null;
  if (input.newParentId && !newParent) return { ok: false, problem: "department.parentNotFound" };
  const deepest = await tx.department.aggregate({
    where: { cityId: input.cityId, ...subtreeWhere(moving) },
    _max: { depth: true },
  });
  const problem = moveProblem({ path: moving.path, deepestInSubtree: deepest._max.depth ?? depthOfPath(moving.path) }, newParent);
  if (problem) return { ok: false, problem };
  if (await nameTaken(tx, input.cityId, input.newParentId, moving.name, moving.id))
    return { ok: false, problem: "department.nameTaken" };
  const newPath = childPath(newParent?.path ?? null, moving.id);
  const subtree = await tx.department.findMany({
    where: { cityId: input.cityId, ...subtreeWhere(moving) },
    select: { id: true, path: true },
  });
  for (const row of subtree) {
    const path = newPath + row.path.slice(moving.path.length);
    await tx.department.update({ where: { id: row.id }, data: { path, depth: depthOfPath(path) } });
  }
  await tx.department.update({
    where: { id: moving.id },
    data: { parentId: input.newParentId, siblingsKey: siblingsKeyOf(input.newParentId) },
  });
  return { ok: true, id: moving.id };
}

/** A city's departments (archived ones only when asked), for trees, pickers and reports. */
export async function listDepartments(cityId: string, options: { includeArchived?: boolean } = {}) {
  return db().department.findMany({
    where: { cityId, ...(options.includeArchived ? {} : { archivedAt: null }) },
    orderBy: { path: "asc" },
    select: { id: true, parentId: true, name: true, path: true, depth: true, archivedAt: true },
  });
}

/** One department of a city, or null (another city's id is "not found"). */
export async function findDepartment(cityId: string, departmentId: string) {
  return db().department.findFirst({
    where: { id: departmentId, cityId },
    select: { id: true, parentId: true, name: true, path: true, depth: true, archivedAt: true },
  });
}

/**
 * Finds or creates a chain of departments by name from the root down (seeds and imports), e.g.
 * ["Hacienda", "Tributos"]. Returns the last one's id.
 */
export async function ensureDepartmentChain(tx: Tx, cityId: string, names: readonly string[]): Promise<string> {
  let parentId: string | null = null;
  for (const name of names) {
    const found: { id: string } | null = await tx.department.findFirst({
      where: { cityId, siblingsKey: siblingsKeyOf(parentId), name },
      select: { id: true },
    });
    if (found) {
      parentId = found.id;
      continue;
    }
    const created = await createDepartment(tx, { cityId, name, parentId });
    if (!created.ok) throw new Error(`Department ${names.join(" / ")}: ${created.problem}`);
    parentId = created.id;
  }
  if (!parentId) throw new Error("A department chain needs at least one name");
  return parentId;
}
