/**
 * A city's staff, for its admins (decision 025): the searchable list, one person's page, and the
 * changes an admin makes — roles, department, deactivation. Every query is filtered by the
 * admin's own city (another city's person is "not found"); every change is audited in the
 * transaction that makes it.
 */
import { audit } from "~/audit/audit.server.ts";
import type { CurrentUser } from "~/auth/guards.server.ts";
import { grantRole, revokeRole } from "~/auth/role-grants.server.ts";
import type { GrantableRole } from "~/auth/roles.ts";
import { buildTree, flattenTree } from "~/cities/department-tree.ts";
import { findDepartment, listDepartments, peopleInScopeWhere } from "~/cities/departments.server.ts";
import { db, Prisma } from "~/db.server.ts";
import { pageWindow } from "~/reports/pagination.ts";
import { changeDepartment, setPersonActive } from "./department-change.server.ts";
import { personSearchWhere } from "./search-text.server.ts";
import type { StaffFilters } from "./staff-filters.ts";
import { activationProblem, roleChangeProblem, type StaffProblem } from "./staff-rules.ts";

type Tx = Prisma.TransactionClient;

const personSelect = {
  id: true,
  name: true,
  email: true,
  active: true,
  emailConfirmedAt: true,
  department: { select: { id: true, name: true } },
  roleGrants: { select: { role: true, department: { select: { id: true, name: true } } }, orderBy: { role: "asc" } },
} satisfies Prisma.UserSelect;

type PersonRow = Prisma.UserGetPayload<{ select: typeof personSelect }>;

function shape({ roleGrants, ...person }: PersonRow) {
  return {
    ...person,
    roles: roleGrants.map((grant) => grant.role),
    /** The department an HR grant is limited to, if it is. */
    hrDepartment: roleGrants.find((grant) => grant.role === "HR")?.department ?? null,
  };
}

export type StaffPerson = ReturnType<typeof shape>;

/** A page of the city's people, by the shared people search, department subtree and status. */
export async function listPeople(
  cityId: string,
  filters: StaffFilters,
): Promise<{ ok: true; rows: StaffPerson[]; total: number; window: ReturnType<typeof pageWindow> } | { ok: false }> {
  let subtree: { path: string } | null = null;
  if (filters.departmentId) {
    subtree = await findDepartment(cityId, filters.departmentId);
    if (!subtree) return { ok: false };
  }
  const where: Prisma.UserWhereInput = {
    AND: [
      peopleInScopeWhere({ cityId, subtree }),
      personSearchWhere(filters.search),
      filters.status ? { active: filters.status === "active" } : {},
    ],
  };
  const total = await db().user.count({ where });
  const window = pageWindow(total, filters.page);
  const rows = await db().user.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    skip: window.skip,
    take: window.take,
    select: personSelect,
  });
  return { ok: true, rows: rows.map(shape), total, window };
}

/** One person of the city, or null (another city's person is not found). */
export async function findStaffPerson(cityId: string, userId: string): Promise<StaffPerson | null> {
  const person = await db().user.findFirst({ where: { id: userId, cityId }, select: personSelect });
  return person ? shape(person) : null;
}

/** The city's departments that people can be placed in, as a tree for pickers. */
export async function departmentChoices(cityId: string, lang: string) {
  return flattenTree(buildTree(await listDepartments(cityId), lang)).map(({ id, name, level }) => ({ id, name, level }));
}

function isSerializationFailure(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2034") return true;
  const text = error instanceof Error ? `${error.message} ${String(error.cause ?? "")}` : "";
  // 40001: serialization failure; 40P01: deadlock (both transactions rolled back, safe to run again).
  return /40001|40P01|could not serialize|deadlock|write conflict/i.test(text);
}

/**
 * Runs a transaction at SERIALIZABLE isolation (the only level SQLite has), retrying when
 * PostgreSQL aborts it for a conflict or a deadlock: the conditional writes that keep a city's last admin are
 * only safe against concurrent ones this way (decision 025).
 */
export async function serializable<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db().$transaction(work, { isolationLevel: Prisma.TransactionIsolationLevel.Serializable });
    } catch (error) {
      if (attempt >= 5 || !isSerializationFailure(error)) throw error;
    }
  }
}

export type StaffOutcome =
  { ok: true; changed: boolean; actorSignedOut: boolean } | { ok: false; problem: StaffProblem | "staff.problem.notFound" };

const notFound = { ok: false, problem: "staff.problem.notFound" } as const;
const refused = (problem: StaffProblem) => ({ ok: false, problem }) as const;

function actorOf(admin: CurrentUser) {
  return { id: admin.id, roles: admin.roles };
}

/** Grants a role (HR may be limited to a department subtree of the city). Ends the person's sessions. */
export async function grantStaffRole(
  admin: CurrentUser,
  input: { userId: string; role: GrantableRole; departmentId: string | null },
): Promise<StaffOutcome> {
  const cityId = admin.city.id;
  const person = await findStaffPerson(cityId, input.userId);
  if (!person) return notFound;
  const change = { kind: "grant", role: input.role, limitedToDepartment: input.departmentId !== null } as const;
  const problem = roleChangeProblem(change, actorOf(admin), person);
  if (problem) return refused(problem);
  if (input.departmentId) {
    const department = await findDepartment(cityId, input.departmentId);
    if (!department || department.archivedAt) return refused("staff.problem.department");
  }
  const granted = await serializable(async (tx) => {
    if (!(await grantRole(tx, { userId: person.id, cityId, role: input.role, departmentId: input.departmentId }))) return false;
    const details = { role: input.role, departmentId: input.departmentId };
    await audit({ cityId, actorId: admin.id, action: "role.grant", subjectId: person.id, details }, tx);
    return true;
  });
  if (!granted) return refused("staff.problem.alreadyHeld");
  return { ok: true, changed: true, actorSignedOut: false };
}

/** Takes a role away; the city's last active admin keeps theirs. Ends the person's sessions. */
export async function revokeStaffRole(admin: CurrentUser, input: { userId: string; role: GrantableRole }): Promise<StaffOutcome> {
  const cityId = admin.city.id;
  const person = await findStaffPerson(cityId, input.userId);
  if (!person) return notFound;
  const change = { kind: "revoke", role: input.role, limitedToDepartment: false } as const;
  const problem = roleChangeProblem(change, actorOf(admin), person);
  if (problem) return refused(problem);
  const outcome = await serializable(async (tx): Promise<StaffProblem | null> => {
    if (!(await revokeRole(tx, { userId: person.id, role: input.role }))) {
      const held = await tx.roleGrant.findUnique({ where: { userId_role: { userId: person.id, role: input.role } } });
      return held ? "staff.problem.lastCityAdmin" : "staff.problem.notHeld";
    }
    await audit({ cityId, actorId: admin.id, action: "role.revoke", subjectId: person.id, details: { role: input.role } }, tx);
    return null;
  });
  if (outcome) return refused(outcome);
  return { ok: true, changed: true, actorSignedOut: person.id === admin.id };
}

/** Moves a person to another department of the city (null: none); their assignments follow. */
export async function moveStaffPerson(
  admin: CurrentUser,
  input: { userId: string; departmentId: string | null },
): Promise<StaffOutcome> {
  const cityId = admin.city.id;
  const person = await findStaffPerson(cityId, input.userId);
  if (!person) return notFound;
  const from = person.department?.id ?? null;
  if (from === input.departmentId) return { ok: true, changed: false, actorSignedOut: false };
  return db().$transaction(async (tx): Promise<StaffOutcome> => {
    const moved = await changeDepartment(tx, { userId: person.id, departmentId: input.departmentId });
    if (!moved.ok) return moved.problem === "person.notFound" ? notFound : refused("staff.problem.department");
    const details = { from, to: input.departmentId, added: moved.added, withdrawn: moved.withdrawn };
    await audit({ cityId, actorId: admin.id, action: "person.move", subjectId: person.id, details }, tx);
    return { ok: true, changed: true, actorSignedOut: false };
  });
}

/**
 * Deactivates a person (their sessions end in the same commit; they cannot sign in or reset their
 * password; records and certificates stay) or reactivates them. The last active admin is refused.
 */
export async function setStaffActive(admin: CurrentUser, input: { userId: string; active: boolean }): Promise<StaffOutcome> {
  const cityId = admin.city.id;
  const person = await findStaffPerson(cityId, input.userId);
  if (!person) return notFound;
  const problem = activationProblem(actorOf(admin), person, input.active);
  if (problem) return refused(problem);
  if (person.active === input.active) return { ok: true, changed: false, actorSignedOut: false };
  const outcome = await serializable(async (tx): Promise<StaffProblem | "staff.problem.notFound" | null> => {
    const changed = await setPersonActive(tx, { userId: person.id, active: input.active });
    if (!changed.ok) return changed.problem === "person.lastCityAdmin" ? "staff.problem.lastCityAdmin" : "staff.problem.notFound";
    const action = input.active ? "person.reactivate" : "person.deactivate";
    const details = { assignmentsAdded: changed.added, assignmentsWithdrawn: changed.withdrawn };
    await audit({ cityId, actorId: admin.id, action, subjectId: person.id, details }, tx);
    return null;
  });
  if (outcome) return { ok: false, problem: outcome };
  return { ok: true, changed: true, actorSignedOut: false };
}
