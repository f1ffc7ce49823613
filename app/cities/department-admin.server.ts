/**
 * A city admin edits the department tree (/admin/departments): what the pages show, and each
 * change in one transaction with its audit entry. The tree's rules and writes are
 * departments.server.ts'; this module only composes them for the admin's own city.
 */
import { audit } from "~/audit/audit.server.ts";
import type { CurrentUser } from "~/auth/guards.server.ts";
import { db, type Prisma } from "~/db.server.ts";
import { htmlLang, type Locale } from "~/i18n/locales.ts";
import { departmentLabels } from "~/reports/lists.server.ts";
import type { DepartmentAction } from "./department-input.ts";
import {
  buildTree,
  choicesOutside,
  isActiveDepartment,
  isInSubtree,
  type ArchiveBlockers,
  type DepartmentNode,
} from "./department-tree.ts";
import {
  archiveBlockersOf,
  archiveDepartment,
  createDepartment,
  findDepartment,
  listDepartments,
  mergeDepartments,
  moveDepartment,
  planMerge,
  renameDepartment,
  unarchiveDepartment,
  type MergePlan,
} from "./departments.server.ts";

type Tx = Prisma.TransactionClient;

export interface TreeEntry {
  id: string;
  name: string;
  archived: boolean;
  /** Active people whose department is this one. */
  people: number;
  /** Active people in this department and every one below it. */
  peopleInSubtree: number;
  children: TreeEntry[];
}

/** Active people per department of a city (their own department, not the subtree). */
async function activePeopleByDepartment(cityId: string): Promise<Map<string, number>> {
  const groups = await db().user.groupBy({
    by: ["departmentId"],
    where: { cityId, active: true, departmentId: { not: null } },
    _count: { _all: true },
  });
  return new Map(groups.map((group) => [group.departmentId ?? "", group._count._all]));
}

/** The whole tree, archived departments included (marked), each with its people counts. */
export async function departmentTreePage(cityId: string, locale: Locale) {
  const [rows, counts] = await Promise.all([
    listDepartments(cityId, { includeArchived: true }),
    activePeopleByDepartment(cityId),
  ]);
  const toEntry = (node: DepartmentNode<(typeof rows)[number]>): TreeEntry => {
    const children = node.children.map(toEntry);
    const people = counts.get(node.department.id) ?? 0;
    return {
      id: node.department.id,
      name: node.department.name,
      archived: node.department.archivedAt !== null,
      people,
      peopleInSubtree: people + children.reduce((sum, child) => sum + child.peopleInSubtree, 0),
      children,
    };
  };
  const labels = await departmentLabels(cityId, locale);
  return {
    tree: buildTree(rows, htmlLang[locale]).map(toEntry),
    parents: labelled(rows.filter(isActiveDepartment), labels, locale),
  };
}

/** Picker options: each department with its ancestors' names, sorted as the admin reads them. */
function labelled(rows: ReadonlyArray<{ id: string; name: string }>, labels: Map<string, string>, locale: Locale) {
  const collator = new Intl.Collator(htmlLang[locale]);
  return rows
    .map((row) => ({ id: row.id, label: labels.get(row.id) ?? row.name }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

/** One department's page: where it sits, its counts, where it may move or merge, what blocks archiving it. */
export async function departmentPage(cityId: string, departmentId: string, locale: Locale) {
  const department = await findDepartment(cityId, departmentId);
  if (!department) return null;
  const [rows, counts, labels, blockers] = await Promise.all([
    listDepartments(cityId, { includeArchived: true }),
    activePeopleByDepartment(cityId),
    departmentLabels(cityId, locale),
    archiveBlockersOf(db(), cityId, department),
  ]);
  const choices = labelled(choicesOutside(rows, department), labels, locale);
  const parent = department.parentId ? rows.find((row) => row.id === department.parentId) : undefined;
  return {
    department: {
      id: department.id,
      name: department.name,
      label: labels.get(department.id) ?? department.name,
      archived: department.archivedAt !== null,
      parentId: department.parentId,
      parentArchived: parent?.archivedAt != null,
    },
    people: counts.get(department.id) ?? 0,
    peopleInSubtree: rows
      .filter((row) => isInSubtree(row.path, department.path))
      .reduce((sum, row) => sum + (counts.get(row.id) ?? 0), 0),
    subdepartments: rows.filter((row) => row.parentId === department.id).length,
    moveChoices: choices.filter((choice) => choice.id !== department.parentId),
    mergeChoices: choices,
    blockers,
  };
}

/** A refused change: thrown inside the transaction so that nothing it wrote is kept. */
class Refused extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.problem);
  }
}

export type Refusal = { problem: string; names?: string[]; blockers?: ArchiveBlockers };

export type DepartmentActionOutcome =
  | { ok: true; done: "created" | "renamed" | "moved" | "merged" | "archived" | "unarchived"; id: string }
  | { ok: true; done: "mergePreview"; plan: MergePlan }
  | ({ ok: false } & Refusal);

async function inTransaction<T extends { ok: true }>(work: (tx: Tx) => Promise<T>): Promise<T | ({ ok: false } & Refusal)> {
  try {
    return await db().$transaction(work, { timeout: 60_000 });
  } catch (error) {
    if (error instanceof Refused) return { ok: false, ...error.refusal };
    throw error;
  }
}

function refuse(refusal: Refusal): never {
  throw new Refused(refusal);
}

/** Creates a department in the admin's city, under a parent of it or at the top. */
export async function createDepartmentAs(admin: CurrentUser, input: { name: string; parentId: string | null }) {
  const cityId = admin.city.id;
  return inTransaction(async (tx) => {
    const created = await createDepartment(tx, { cityId, name: input.name, parentId: input.parentId });
    if (!created.ok) refuse({ problem: created.problem });
    await audit(
      {
        cityId,
        actorId: admin.id,
        action: "department.create",
        targetType: "Department",
        targetId: created.id,
        details: { parentId: input.parentId },
      },
      tx,
    );
    return { ok: true as const, done: "created" as const, id: created.id };
  });
}

/** One change to one department of the admin's city (another city's id reads as "not found"). */
export async function changeDepartmentAs(
  admin: CurrentUser,
  departmentId: string,
  action: DepartmentAction,
): Promise<DepartmentActionOutcome> {
  const cityId = admin.city.id;
  const entry = (action: string, details: Record<string, unknown>) => ({
    cityId,
    actorId: admin.id,
    action,
    targetType: "Department",
    targetId: departmentId,
    details,
  });
  switch (action.intent) {
    case "mergePreview": {
      const planned = await planMerge(db(), { cityId, sourceId: departmentId, targetId: action.targetId });
      return planned.ok
        ? { ok: true, done: "mergePreview", plan: planned.plan }
        : { ok: false, problem: planned.problem, names: planned.names };
    }
    case "rename":
      return inTransaction(async (tx) => {
        const renamed = await renameDepartment(tx, { cityId, departmentId, name: action.name });
        if (!renamed.ok) refuse({ problem: renamed.problem });
        await audit(entry("department.rename", { from: renamed.previousName, to: action.name }), tx);
        return { ok: true, done: "renamed", id: departmentId };
      });
    case "move":
      return inTransaction(async (tx) => {
        const before = await findDepartment(cityId, departmentId);
        const moved = await moveDepartment(tx, { cityId, departmentId, newParentId: action.parentId });
        if (!moved.ok) refuse({ problem: moved.problem });
        await audit(entry("department.move", { fromParentId: before?.parentId ?? null, toParentId: action.parentId }), tx);
        return { ok: true, done: "moved", id: departmentId };
      });
    case "merge":
      return inTransaction(async (tx) => {
        const merged = await mergeDepartments(tx, { cityId, sourceId: departmentId, targetId: action.targetId });
        if (!merged.ok) refuse({ problem: merged.problem, names: merged.names });
        const { source: _source, target, ...counts } = merged.plan;
        await audit(entry("department.merge", { into: target.id, ...counts, rows: merged.rows }), tx);
        return { ok: true, done: "merged", id: target.id };
      });
    case "archive":
      return inTransaction(async (tx) => {
        const archived = await archiveDepartment(tx, { cityId, departmentId });
        if (!archived.ok)
          refuse({ problem: archived.problem, ...("blockers" in archived ? { blockers: archived.blockers } : {}) });
        await audit(entry("department.archive", { departments: archived.archived }), tx);
        return { ok: true, done: "archived", id: departmentId };
      });
    case "unarchive":
      return inTransaction(async (tx) => {
        const restored = await unarchiveDepartment(tx, { cityId, departmentId });
        if (!restored.ok) refuse({ problem: restored.problem });
        await audit(entry("department.unarchive", {}), tx);
        return { ok: true, done: "unarchived", id: departmentId };
      });
  }
}
