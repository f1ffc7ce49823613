/**
 * Departments in the database: the only writer of `path`, `depth` and `siblingsKey`, and the one
 * place subtree queries are written (rules: department-tree.ts). Editing in the browser is the
 * admin pages'; HR, reports and assignments read the tree through these functions.
 */
import { assignOnJoinOrMove } from "~/assignments/membership.server.ts";
import { retargetDepartment } from "~/assignments/retarget.server.ts";
import { now } from "~/clock.server.ts";
import { db, Prisma } from "~/db.server.ts";
import { changeDepartment } from "~/people/department-change.server.ts";
import {
  archiveBlocked,
  childPath,
  clashingChildNames,
  depthOfPath,
  MAX_DEPARTMENT_DEPTH,
  mergeProblem,
  moveProblem,
  siblingsKeyOf,
  unarchiveProblem,
  type ArchiveBlockers,
  type MergeProblem,
  type MoveProblem,
} from "./department-tree.ts";

type Tx = Prisma.TransactionClient;

export type DepartmentProblem =
  | MoveProblem
  | MergeProblem
  | "department.nameTaken"
  | "department.parentNotFound"
  | "department.parentArchived"
  | "department.notFound"
  | "department.targetNotFound";

export type DepartmentOutcome = { ok: true; id: string } | { ok: false; problem: DepartmentProblem };

/**
 * The one rule for the departments people may be put in (sign-up, invitations, HR's pickers and
 * assignments, moving a person): the city's departments that are not archived. Archiving takes a
 * whole subtree, so an active department never sits under an archived one.
 */
export function activeDepartmentsWhere(cityId?: string): Prisma.DepartmentWhereInput {
  return { ...(cityId ? { cityId } : {}), archivedAt: null };
}

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
    ? await tx.department.findFirst({
        where: { id: input.parentId, cityId: input.cityId },
        select: { id: true, path: true, archivedAt: true },
      })
    : null;
  if (input.parentId && !parent) return { ok: false, problem: "department.parentNotFound" };
  if (parent?.archivedAt) return { ok: false, problem: "department.parentArchived" };
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
 * rewriting the paths below it, and the assignments of the people in it follow (decision 019).
 * Refuses cycles, the depth limit, a sibling of the same name and archived departments.
 */
export async function moveDepartment(
  tx: Tx,
  input: { cityId: string; departmentId: string; newParentId: string | null },
): Promise<DepartmentOutcome> {
  const moving = await tx.department.findFirst({
    where: { id: input.departmentId, cityId: input.cityId },
    select: { id: true, name: true, path: true, archivedAt: true },
  });
  if (!moving) return { ok: false, problem: "department.notFound" };
  if (moving.archivedAt) return { ok: false, problem: "department.archived" };
  const newParent = input.newParentId
    ? await tx.department.findFirst({
        where: { id: input.newParentId, cityId: input.cityId },
        select: { path: true, archivedAt: true },
      })
    : null;
  if (input.newParentId && !newParent) return { ok: false, problem: "department.parentNotFound" };
  if (newParent?.archivedAt) return { ok: false, problem: "department.parentArchived" };
  return moveSubtree(tx, input.cityId, moving, newParent ? { id: input.newParentId!, path: newParent.path } : null);
}

/** The move itself (the caller checked both ends exist): depth, cycle and name rules, then paths. */
async function moveSubtree(
  tx: Tx,
  cityId: string,
  moving: { id: string; name: string; path: string },
  newParent: { id: string; path: string } | null,
): Promise<DepartmentOutcome> {
  const input = { cityId, newParentId: newParent?.id ?? null };
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
  await reconcileSubtreePeople(tx, input.cityId, newPath);
  return { ok: true, id: moving.id };
}

/**
 * The assignments of every active person in a subtree brought in line with what covers them now
 * (after its paths changed or assignments were retargeted), in the caller's transaction.
 */
async function reconcileSubtreePeople(tx: Tx, cityId: string, path: string, except: ReadonlySet<string> = new Set()) {
  const people = await tx.user.findMany({
    where: { cityId, active: true, department: subtreeWhere({ path }) },
    select: { id: true },
  });
  const totals = { added: 0, withdrawn: 0 };
  for (const person of people) {
    if (except.has(person.id)) continue;
    const changed = await assignOnJoinOrMove(tx, person.id);
    totals.added += changed.added;
    totals.withdrawn += changed.withdrawn;
  }
  return totals;
}

/** Renames a department; the name must stay unique among its siblings. */
export async function renameDepartment(
  tx: Tx,
  input: { cityId: string; departmentId: string; name: string },
): Promise<DepartmentOutcome & { previousName?: string }> {
  const found = await tx.department.findFirst({
    where: { id: input.departmentId, cityId: input.cityId },
    select: { id: true, name: true, parentId: true },
  });
  if (!found) return { ok: false, problem: "department.notFound" };
  if (await nameTaken(tx, input.cityId, found.parentId, input.name, found.id))
    return { ok: false, problem: "department.nameTaken" };
  if (found.name !== input.name) await tx.department.update({ where: { id: found.id }, data: { name: input.name } });
  return { ok: true, id: found.id, previousName: found.name };
}

// ——— merge ———

export interface MergePlan {
  source: { id: string; name: string; path: string };
  target: { id: string; name: string; path: string };
  /** People whose department is the source itself (active or not): they move to the target. */
  people: number;
  activePeople: number;
  /** The source's children, re-parented under the target with their subtrees. */
  subdepartments: number;
  /** Assignments that target the source: they target the target from now on. */
  assignments: number;
  hrGrants: number;
  invitations: number;
}

export type MergePlanOutcome =
  { ok: true; plan: MergePlan } | { ok: false; problem: DepartmentProblem | "department.mergeNameClash"; names?: string[] };

type Reader = Pick<Tx, "department" | "user" | "assignmentTarget" | "roleGrant" | "invitation">;

/**
 * What merging a department into another would do, or why it may not (read-only: the
 * confirmation step shows it, and the merge itself checks it again inside its transaction).
 */
export async function planMerge(
  client: Reader,
  input: { cityId: string; sourceId: string; targetId: string },
): Promise<MergePlanOutcome> {
  const select = { id: true, name: true, path: true, archivedAt: true } as const;
  const source = await client.department.findFirst({ where: { id: input.sourceId, cityId: input.cityId }, select });
  if (!source) return { ok: false, problem: "department.notFound" };
  const target = await client.department.findFirst({ where: { id: input.targetId, cityId: input.cityId }, select });
  if (!target) return { ok: false, problem: "department.targetNotFound" };
  const deepest = await client.department.aggregate({
    where: { cityId: input.cityId, ...subtreeWhere(source) },
    _max: { depth: true },
  });
  const problem = mergeProblem(
    { path: source.path, deepestInSubtree: deepest._max.depth ?? depthOfPath(source.path), archived: source.archivedAt !== null },
    { path: target.path, archived: target.archivedAt !== null },
  );
  if (problem) return { ok: false, problem };
  const [sourceChildren, targetChildren] = await Promise.all(
    [source.id, target.id].map((parentId) =>
      client.department.findMany({ where: { cityId: input.cityId, parentId }, select: { name: true } }),
    ),
  );
  const clash = clashingChildNames(
    sourceChildren!.map((child) => child.name),
    targetChildren!.map((child) => child.name),
  );
  if (clash.length > 0) return { ok: false, problem: "department.mergeNameClash", names: clash };
  const [people, activePeople, assignments, hrGrants, invitations] = await Promise.all([
    client.user.count({ where: { cityId: input.cityId, departmentId: source.id } }),
    client.user.count({ where: { cityId: input.cityId, departmentId: source.id, active: true } }),
    client.assignmentTarget.findMany({
      where: { departmentId: source.id },
      distinct: ["assignmentId"],
      select: { assignmentId: true },
    }),
    client.roleGrant.count({ where: { cityId: input.cityId, departmentId: source.id } }),
    client.invitation.count({ where: { cityId: input.cityId, departmentId: source.id } }),
  ]);
  const { archivedAt: _s, ...sourceShown } = source;
  const { archivedAt: _t, ...targetShown } = target;
  return {
    ok: true,
    plan: {
      source: sourceShown,
      target: targetShown,
      people,
      activePeople,
      subdepartments: sourceChildren!.length,
      assignments: assignments.length,
      hrGrants,
      invitations,
    },
  };
}

/**
 * Merges a department into another of the same city, in the caller's transaction: assignments
 * that targeted the source target the target (so coverage and history stay), its HR grants and
 * invitations point at the target, its children move under the target with their subtrees, its
 * people move there as `changeDepartment` moves anyone (their assignments follow), the people of
 * the target's subtree are brought in line with the assignments that now cover them, and the
 * source is archived (decision 024).
 */
export async function mergeDepartments(
  tx: Tx,
  input: { cityId: string; sourceId: string; targetId: string },
): Promise<MergePlanOutcome & { rows?: { added: number; withdrawn: number } }> {
  const planned = await planMerge(tx, input);
  if (!planned.ok) return planned;
  const { source, target } = planned.plan;
  await retargetDepartment(tx, { fromId: source.id, toId: target.id });
  await tx.roleGrant.updateMany({ where: { cityId: input.cityId, departmentId: source.id }, data: { departmentId: target.id } });
  await tx.invitation.updateMany({ where: { cityId: input.cityId, departmentId: source.id }, data: { departmentId: target.id } });
  const children = await tx.department.findMany({
    where: { cityId: input.cityId, parentId: source.id },
    select: { id: true, name: true, path: true },
  });
  for (const child of children) {
    const moved = await moveSubtree(tx, input.cityId, child, target);
    // Checked by planMerge in this transaction; a failure here is a bug, and rolls everything back.
    if (!moved.ok) throw new Error(`Merge: moving a sub-department failed: ${moved.problem}`);
  }
  const rows = { added: 0, withdrawn: 0 };
  const people = await tx.user.findMany({ where: { cityId: input.cityId, departmentId: source.id }, select: { id: true } });
  for (const person of people) {
    const changed = await changeDepartment(tx, { userId: person.id, departmentId: target.id });
    if (!changed.ok) throw new Error(`Merge: moving a person failed: ${changed.problem}`);
    rows.added += changed.added;
    rows.withdrawn += changed.withdrawn;
  }
  const others = await reconcileSubtreePeople(tx, input.cityId, target.path, new Set(people.map((person) => person.id)));
  rows.added += others.added;
  rows.withdrawn += others.withdrawn;
  await tx.department.update({ where: { id: source.id }, data: { archivedAt: now() } });
  return { ...planned, rows };
}

// ——— archive ———

/** What still uses a department's subtree: active people, open assignments, HR grants, pending invitations. */
export async function archiveBlockersOf(client: Reader, cityId: string, subtree: { path: string }): Promise<ArchiveBlockers> {
  const inSubtree = { cityId, ...subtreeWhere(subtree) };
  const [activePeople, openAssignments, hrGrants, pendingInvitations] = await Promise.all([
    client.user.count({ where: { cityId, active: true, department: inSubtree } }),
    client.assignmentTarget.findMany({
      where: { department: inSubtree, assignment: { withdrawnAt: null } },
      distinct: ["assignmentId"],
      select: { assignmentId: true },
    }),
    client.roleGrant.count({ where: { cityId, department: inSubtree } }),
    client.invitation.count({ where: { cityId, department: inSubtree, acceptedAt: null, expiresAt: { gt: now() } } }),
  ]);
  return { activePeople, openAssignments: openAssignments.length, hrGrants, pendingInvitations };
}

export type ArchiveOutcome =
  | { ok: true; id: string; archived: number }
  | { ok: false; problem: "department.notFound" | "department.archived" }
  | { ok: false; problem: "department.inUse"; blockers: ArchiveBlockers };

/**
 * Archives a department with its whole subtree, once nothing uses it (people moved, assignments
 * withdrawn, grants and invitations moved: a merge does all that at once). Rows stay, so history,
 * past figures and the audit log keep their names; pickers no longer offer them.
 */
export async function archiveDepartment(tx: Tx, input: { cityId: string; departmentId: string }): Promise<ArchiveOutcome> {
  const found = await tx.department.findFirst({
    where: { id: input.departmentId, cityId: input.cityId },
    select: { id: true, path: true, archivedAt: true },
  });
  if (!found) return { ok: false, problem: "department.notFound" };
  if (found.archivedAt) return { ok: false, problem: "department.archived" };
  const blockers = await archiveBlockersOf(tx, input.cityId, found);
  if (archiveBlocked(blockers)) return { ok: false, problem: "department.inUse", blockers };
  const archived = await tx.department.updateMany({
    where: { cityId: input.cityId, ...subtreeWhere(found), archivedAt: null },
    data: { archivedAt: now() },
  });
  return { ok: true, id: found.id, archived: archived.count };
}

/**
 * Brings an archived department back, under an active parent. Only the department itself: its
 * sub-departments come back one by one, so one merged away earlier stays archived.
 */
export async function unarchiveDepartment(
  tx: Tx,
  input: { cityId: string; departmentId: string },
): Promise<
  | { ok: true; id: string }
  | { ok: false; problem: "department.notFound" | "department.parentArchived" | "department.notArchived" }
> {
  const found = await tx.department.findFirst({
    where: { id: input.departmentId, cityId: input.cityId },
    select: { id: true, path: true, archivedAt: true, parent: { select: { archivedAt: true } } },
  });
  if (!found) return { ok: false, problem: "department.notFound" };
  if (!found.archivedAt) return { ok: false, problem: "department.notArchived" };
  const problem = unarchiveProblem(found.parent ? { archived: found.parent.archivedAt !== null } : null);
  if (problem) return { ok: false, problem };
  await tx.department.update({ where: { id: found.id }, data: { archivedAt: null } });
  return { ok: true, id: found.id };
}

/** A city's departments (archived ones only when asked), for trees, pickers and reports. */
export async function listDepartments(cityId: string, options: { includeArchived?: boolean } = {}) {
  return db().department.findMany({
    where: options.includeArchived ? { cityId } : activeDepartmentsWhere(cityId),
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
