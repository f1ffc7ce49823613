/**
 * A city admin edits the department tree on a real database: create, rename, move (cycles and
 * depth refused), merge (people, assignments, HR grants, invitations and children move in one
 * transaction; history stays; HR figures unchanged), archive (refused while in use, hidden from
 * pickers, history kept), and bad input through the page, each refused with nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAssignment, withdrawAssignment } from "~/assignments/assign.server.ts";
import { assignOnJoinOrMove } from "~/assignments/membership.server.ts";
import type { CurrentUser } from "~/auth/guards.server.ts";
import { createInvitation } from "~/auth/invitations.server.ts";
import { listCitiesWithDepartments, listDepartments as pickerDepartments } from "~/cities/cities.server.ts";
import { changeDepartmentAs, createDepartmentAs } from "~/cities/department-admin.server.ts";
import type { DepartmentAction } from "~/cities/department-input.ts";
import { ensureDepartmentChain } from "~/cities/departments.server.ts";
import { db } from "~/db.server.ts";
import { setPersonActive } from "~/people/department-change.server.ts";
import { loadFigureFacts } from "~/reports/figures.server.ts";
import { computeFigures } from "~/reports/figures.ts";
import { resolveReportFilters } from "~/reports/filters.server.ts";
import { parseReportFilters } from "~/reports/filters.ts";
import { hrScopeOf } from "~/reports/scope.server.ts";
import { createUser, sessionCookie } from "../support/factories.ts";
import {
  assignmentRequest,
  completeSampleCourse,
  currentUserFor,
  importSampleCourse,
  SAMPLE_COURSE,
} from "../support/learning.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

let madridId: string;
let courseId: string;
let admin: CurrentUser;
let hr: CurrentUser;
let server: TestServer;
let serial = 0;

beforeAll(async () => {
  await importSampleCourse();
  courseId = (await db().course.findUniqueOrThrow({ where: { key: SAMPLE_COURSE }, select: { id: true } })).id;
  madridId = (await db().city.findUniqueOrThrow({ where: { slug: "madrid" }, select: { id: true } })).id;
  admin = await currentUserFor({ roles: ["CITY_ADMIN"] });
  hr = await currentUserFor({ roles: ["HR"] });
  server = await startTestServer();
});

afterAll(async () => server.close());

/** A letters-only tag (names of people refuse digits), new for each call. */
function unique(name: string): string {
  serial += 1;
  let letters = "";
  for (let rest = serial; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(97 + ((rest - 1) % 26)) + letters;
  return `${name} ${letters}`;
}

async function chain(...names: string[]): Promise<string> {
  return db().$transaction((tx) => ensureDepartmentChain(tx, madridId, names));
}

const departmentOf = (id: string) =>
  db().department.findUniqueOrThrow({
    where: { id },
    select: { parentId: true, path: true, depth: true, archivedAt: true, name: true },
  });

async function act(departmentId: string, action: DepartmentAction) {
  return changeDepartmentAs(admin, departmentId, action);
}

/** Everything a refused change could have written. */
async function snapshot() {
  const [departments, users, targets, grants, invitations, rows, audit] = await Promise.all([
    db().department.findMany({
      orderBy: { id: "asc" },
      select: { id: true, parentId: true, path: true, name: true, archivedAt: true },
    }),
    db().user.findMany({ orderBy: { id: "asc" }, select: { id: true, departmentId: true } }),
    db().assignmentTarget.findMany({ orderBy: { id: "asc" }, select: { id: true, departmentId: true } }),
    db().roleGrant.findMany({ orderBy: { id: "asc" }, select: { id: true, departmentId: true } }),
    db().invitation.findMany({ orderBy: { id: "asc" }, select: { id: true, departmentId: true } }),
    db().personAssignment.findMany({ orderBy: { id: "asc" }, select: { id: true, withdrawnAt: true } }),
    db().auditLog.count(),
  ]);
  return { departments, users, targets, grants, invitations, rows, audit };
}

async function assignTo(departmentId: string, includeSubdepartments = true) {
  const outcome = await createAssignment(
    hr,
    await hrScopeOf(hr),
    assignmentRequest(courseId, { departments: [{ departmentId, includeSubdepartments }] }),
  );
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.fieldErrors));
  return outcome.id;
}

async function madridFigures() {
  const facts = await loadFigureFacts({
    cityId: madridId,
    subtree: null,
    department: null,
    courseId: null,
    mandatoryOnly: false,
  });
  const figures = computeFigures(facts, {
    period: { start: new Date("2020-01-01"), end: new Date("2030-01-01") },
    now: new Date(),
  });
  return { assigned: figures.assigned, completed: figures.completed, people: figures.people };
}

describe("creating and renaming", () => {
  it("creates a root and a child, audited; a repeated name among siblings is refused and nothing is written", async () => {
    const rootName = unique("Raíz");
    const root = await createDepartmentAs(admin, { name: rootName, parentId: null });
    expect(root.ok).toBe(true);
    if (!root.ok) return;
    const child = await createDepartmentAs(admin, { name: "Hija", parentId: root.id });
    expect(child.ok).toBe(true);
    if (!child.ok) return;
    expect(await departmentOf(child.id)).toMatchObject({ parentId: root.id, depth: 2, path: `${root.id}/${child.id}/` });
    const entry = await db().auditLog.findFirstOrThrow({ where: { action: "department.create", targetId: child.id } });
    expect(entry).toMatchObject({ targetType: "Department", cityId: madridId });

    const before = await snapshot();
    expect(await createDepartmentAs(admin, { name: rootName, parentId: null })).toEqual({
      ok: false,
      problem: "department.nameTaken",
    });
    expect(await createDepartmentAs(admin, { name: "Hija", parentId: root.id })).toEqual({
      ok: false,
      problem: "department.nameTaken",
    });
    // The same name under another parent is fine; a rename into a sibling's name is not.
    const other = await createDepartmentAs(admin, { name: "Otra", parentId: root.id });
    if (!other.ok) throw new Error("not created");
    const afterOther = await snapshot();
    expect(await act(other.id, { intent: "rename", name: "Hija" })).toMatchObject({ ok: false, problem: "department.nameTaken" });
    expect(await snapshot()).toEqual(afterOther);
    expect(before.departments.length + 1).toBe(afterOther.departments.length);

    expect(await act(other.id, { intent: "rename", name: "Otra renombrada" })).toMatchObject({ ok: true, done: "renamed" });
    expect((await departmentOf(other.id)).name).toBe("Otra renombrada");
    const renamed = await db().auditLog.findFirstOrThrow({ where: { action: "department.rename", targetId: other.id } });
    expect(JSON.parse(renamed.details)).toEqual({ from: "Otra", to: "Otra renombrada" });
  });

  it("refuses a seventh level", async () => {
    const names = [unique("Nivel"), "Dos", "Tres", "Cuatro", "Cinco", "Seis"];
    const sixth = await chain(...names);
    const before = await snapshot();
    expect(await createDepartmentAs(admin, { name: "Siete", parentId: sixth })).toEqual({
      ok: false,
      problem: "department.tooDeep",
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe("moving", () => {
  it("refuses a cycle and a move past the depth limit (counting the subtree's height), writing nothing", async () => {
    const top = await chain(unique("Mover"));
    const middle = await chain((await departmentOf(top)).name, "Medio");
    const bottom = await chain((await departmentOf(top)).name, "Medio", "Fondo");
    const deepRoot = unique("Hondo");
    const fifth = await chain(deepRoot, "Dos", "Tres", "Cuatro", "Cinco");
    const before = await snapshot();
    expect(await act(top, { intent: "move", parentId: top })).toMatchObject({ ok: false, problem: "department.moveIntoItself" });
    expect(await act(top, { intent: "move", parentId: bottom })).toMatchObject({
      ok: false,
      problem: "department.moveIntoItself",
    });
    // "Medio" and its child are two levels high: under level 5 they would reach level 7.
    expect(await act(middle, { intent: "move", parentId: fifth })).toMatchObject({ ok: false, problem: "department.tooDeep" });
    expect(await snapshot()).toEqual(before);
    // "Fondo" alone fits at level 6.
    expect(await act(bottom, { intent: "move", parentId: fifth })).toMatchObject({ ok: true, done: "moved" });
    expect(await departmentOf(bottom)).toMatchObject({ parentId: fifth, depth: 6 });
  });

  it("moves a subtree and its people's assignments follow; a department of another city is not found", async () => {
    const from = await chain(unique("Origen"));
    const to = await chain(unique("Destino"));
    const moving = await chain((await departmentOf(from)).name, "Sección");
    const person = await createUser({ department: [(await departmentOf(from)).name, "Sección"] });
    const fromAssignment = await assignTo(from);
    const toAssignment = await assignTo(to);
    expect(await db().personAssignment.count({ where: { userId: person.id, withdrawnAt: null } })).toBe(1);

    expect(await act(moving, { intent: "move", parentId: to })).toMatchObject({ ok: true });
    const rows = await db().personAssignment.findMany({
      where: { userId: person.id },
      select: { assignmentId: true, withdrawnAt: true },
    });
    expect(rows.find((row) => row.assignmentId === fromAssignment)?.withdrawnAt).not.toBeNull();
    expect(rows.find((row) => row.assignmentId === toAssignment)?.withdrawnAt).toBeNull();
    const entry = await db().auditLog.findFirstOrThrow({ where: { action: "department.move", targetId: moving } });
    expect(JSON.parse(entry.details)).toEqual({ fromParentId: from, toParentId: to });

    const saoPaulo = await db().city.findUniqueOrThrow({ where: { slug: "sao-paulo" }, select: { id: true } });
    const foreign = await db().$transaction((tx) => ensureDepartmentChain(tx, saoPaulo.id, ["Departamento Estrangeiro"]));
    const before = await snapshot();
    expect(await act(foreign, { intent: "move", parentId: null })).toMatchObject({ ok: false, problem: "department.notFound" });
    expect(await act(moving, { intent: "move", parentId: foreign })).toMatchObject({
      ok: false,
      problem: "department.parentNotFound",
    });
    expect(await act(moving, { intent: "mergePreview", targetId: foreign })).toMatchObject({
      ok: false,
      problem: "department.targetNotFound",
    });
    expect(await snapshot()).toEqual(before);
  });
});

describe("merging", () => {
  it("moves people, children, assignments, HR grants and invitations to the target in one transaction, keeps history and HR figures, and archives the source", async () => {
    const sourceName = unique("Fuente");
    const targetName = unique("Receptora");
    const source = await chain(sourceName);
    const target = await chain(targetName);
    const child = await chain(sourceName, "Hija Fuente");
    const stays = await createUser({ name: unique("Persona Receptora"), department: targetName });
    const finisher = await currentUserFor({ name: unique("Persona Terminada"), department: sourceName });
    const starter = await currentUserFor({ name: unique("Persona Pendiente"), department: sourceName });
    const leaver = await createUser({ name: unique("Persona Inactiva"), department: sourceName });
    const inChild = await createUser({ name: unique("Persona Hija"), department: [sourceName, "Hija Fuente"] });
    const scopedHr = await createUser({ roles: ["HR"], hrDepartment: sourceName });
    const invited = await createInvitation(admin, { role: "LEARNER", department: source, email: "" });
    expect(invited.ok).toBe(true);

    // The factory writes people directly: give them the rows joining would have given them.
    for (const person of [stays, finisher, starter, leaver, inChild, scopedHr])
      await db().$transaction((tx) => assignOnJoinOrMove(tx, person.id));
    const assignment = await assignTo(source, false);
    await completeSampleCourse(finisher);
    await db().$transaction((tx) => setPersonActive(tx, { userId: leaver.id, active: false }));
    const figuresBefore = await madridFigures();
    const rowsBefore = await db().personAssignment.findMany({
      where: { assignmentId: assignment },
      select: { id: true, userId: true, enrollmentId: true, withdrawnAt: true },
    });
    // The person who left keeps a withdrawn row; the other two have theirs open.
    expect(
      rowsBefore
        .filter((row) => row.withdrawnAt === null)
        .map((row) => row.userId)
        .sort(),
    ).toEqual([finisher.id, starter.id].sort());

    // The confirmation says what will move, and writes nothing.
    const before = await snapshot();
    const preview = await act(source, { intent: "mergePreview", targetId: target });
    expect(preview).toMatchObject({
      ok: true,
      done: "mergePreview",
      plan: { people: 3, activePeople: 2, subdepartments: 1, assignments: 1, hrGrants: 1, invitations: 1 },
    });
    expect(await snapshot()).toEqual(before);

    expect(await act(source, { intent: "merge", targetId: target })).toMatchObject({ ok: true, done: "merged", id: target });

    const inTarget = await db().user.findMany({ where: { departmentId: target }, select: { id: true } });
    expect(inTarget.map((user) => user.id).sort()).toEqual([stays.id, finisher.id, starter.id, leaver.id].sort());
    expect(await departmentOf(child)).toMatchObject({ parentId: target, path: `${target}/${child}/`, depth: 2 });
    expect((await db().user.findUniqueOrThrow({ where: { id: inChild.id } })).departmentId).toBe(child);
    expect(await db().roleGrant.findFirstOrThrow({ where: { userId: scopedHr.id, role: "HR" } })).toMatchObject({
      departmentId: target,
    });
    expect(await db().invitation.count({ where: { departmentId: source } })).toBe(0);
    expect(await db().assignmentTarget.findMany({ where: { assignmentId: assignment }, select: { departmentId: true } })).toEqual(
      [{ departmentId: target }],
    );
    expect((await departmentOf(source)).archivedAt).not.toBeNull();

    // History: the earlier rows stay as they were (the completed one linked to its enrolment), and
    // the target's own person is now covered by the retargeted assignment.
    const rowsAfter = await db().personAssignment.findMany({
      where: { assignmentId: assignment },
      select: { id: true, userId: true, enrollmentId: true, withdrawnAt: true },
    });
    for (const row of rowsBefore) expect(rowsAfter).toContainEqual(row);
    expect(rowsAfter.find((row) => row.userId === stays.id)?.withdrawnAt).toBeNull();

    // HR figures over the same period: the same rows, the same completions, plus the new row.
    const figuresAfter = await madridFigures();
    expect(figuresAfter.completed.value).toBe(figuresBefore.completed.value);
    expect(figuresAfter.assigned).toEqual({
      value: (figuresBefore.assigned.value ?? 0) + 1,
      people: figuresBefore.assigned.people,
    });
    expect(figuresAfter.people).toEqual(figuresBefore.people);

    const entry = await db().auditLog.findFirstOrThrow({ where: { action: "department.merge", targetId: source } });
    expect(entry.targetType).toBe("Department");
    expect(JSON.parse(entry.details)).toMatchObject({ into: target, people: 3, subdepartments: 1, hrGrants: 1, invitations: 1 });

    // The same post again: the source is archived now, so nothing more happens.
    const afterMerge = await snapshot();
    expect(await act(source, { intent: "merge", targetId: target })).toMatchObject({ ok: false, problem: "department.archived" });
    expect(await snapshot()).toEqual(afterMerge);
  });

  it("refuses a merge into its own subtree, a clash of children's names and a merge too deep, writing nothing", async () => {
    const name = unique("Fusión");
    const source = await chain(name);
    const child = await chain(name, "Caja");
    await chain(name, "Caja", "Ventanilla");
    const clashName = unique("Choque");
    const clash = await chain(clashName);
    await chain(clashName, "Caja");
    const fifth = await chain(unique("Profundo"), "Dos", "Tres", "Cuatro", "Cinco");
    await createUser({ department: name });
    const before = await snapshot();
    expect(await act(source, { intent: "merge", targetId: child })).toMatchObject({
      ok: false,
      problem: "department.mergeIntoItself",
    });
    expect(await act(source, { intent: "merge", targetId: source })).toMatchObject({
      ok: false,
      problem: "department.mergeIntoItself",
    });
    expect(await act(source, { intent: "merge", targetId: clash })).toEqual({
      ok: false,
      problem: "department.mergeNameClash",
      names: ["Caja"],
    });
    // "Caja" and "Ventanilla" would sit at levels 6 and 7 under the fifth level.
    expect(await act(source, { intent: "merge", targetId: fifth })).toMatchObject({ ok: false, problem: "department.tooDeep" });
    expect(await snapshot()).toEqual(before);
  });
});

describe("archiving", () => {
  it("is refused while people, assignments, grants or invitations use the subtree; once empty it archives the subtree, hides it from pickers and keeps history", async () => {
    const name = unique("Archivo");
    const area = await chain(name);
    const sub = await chain(name, "Sub");
    const elsewhere = await chain(unique("Acogida"));
    const person = await currentUserFor({ name: unique("Persona Archivo"), department: [name, "Sub"] });
    const assignment = await assignTo(area);
    await completeSampleCourse(person);

    const before = await snapshot();
    const refused = await act(area, { intent: "archive" });
    expect(refused).toMatchObject({
      ok: false,
      problem: "department.inUse",
      blockers: { activePeople: 1, openAssignments: 1, hrGrants: 0, pendingInvitations: 0 },
    });
    expect(await snapshot()).toEqual(before);

    // The person moves away (their completed row stays as history), the assignment is withdrawn.
    await changeDepartmentAs(admin, sub, { intent: "merge", targetId: elsewhere });
    expect((await withdrawAssignment(hr, await hrScopeOf(hr), assignment)).ok).toBe(true);
    expect(await act(area, { intent: "archive" })).toMatchObject({ ok: true, done: "archived" });
    expect((await departmentOf(area)).archivedAt).not.toBeNull();
    expect(await db().personAssignment.count({ where: { assignmentId: assignment, userId: person.id } })).toBe(1);

    // Pickers (sign-up, invitations) no longer offer it; an invitation to it by id is refused.
    expect((await pickerDepartments(madridId)).map((row) => row.id)).not.toContain(area);
    const madrid = (await listCitiesWithDepartments()).find((city) => city.slug === "madrid");
    expect(madrid?.departments.map((row) => row.id)).not.toContain(area);
    expect(await createInvitation(admin, { role: "LEARNER", department: area, email: "" })).toEqual({
      ok: false,
      field: "department",
    });
    // HR may still filter past figures by it.
    const parsed = parseReportFilters(new URLSearchParams({ department: area }));
    if (!parsed.ok) throw new Error("filters refused");
    expect((await resolveReportFilters(await hrScopeOf(hr), parsed.filters, new Date())).ok).toBe(true);

    // Archived: no moving into it or out of it; un-archiving brings it back with its subtree.
    expect(await act(elsewhere, { intent: "move", parentId: area })).toMatchObject({
      ok: false,
      problem: "department.parentArchived",
    });
    expect(await act(area, { intent: "move", parentId: null })).toMatchObject({ ok: false, problem: "department.archived" });
    expect(await act(area, { intent: "unarchive" })).toMatchObject({ ok: true, done: "unarchived" });
    expect((await departmentOf(area)).archivedAt).toBeNull();
    // "Sub" was merged away earlier: it stays archived.
    expect((await departmentOf(sub)).archivedAt).not.toBeNull();
    expect(
      await db().auditLog.count({ where: { targetId: area, action: { in: ["department.archive", "department.unarchive"] } } }),
    ).toBe(2);
  });

  it("brings back a department only under an active parent", async () => {
    const name = unique("Padre");
    const parent = await chain(name);
    const child = await chain(name, "Hijo");
    expect(await act(parent, { intent: "archive" })).toMatchObject({ ok: true });
    expect((await departmentOf(child)).archivedAt).not.toBeNull();
    expect(await act(child, { intent: "unarchive" })).toMatchObject({ ok: false, problem: "department.parentArchived" });
  });
});

describe("the pages", () => {
  it("shows the tree with people counts, and refuses an empty name, a duplicate and another city's department with a message", async () => {
    const cookie = await sessionCookie(admin.id);
    const name = unique("Página");
    const created = await createDepartmentAs(admin, { name, parentId: null });
    if (!created.ok) throw new Error("not created");
    await createUser({ department: name });
    const tree = await (await server.request("/admin/departments", { cookie })).text();
    expect(tree).toContain(name);
    expect(tree).toContain("1 persona");

    const before = await snapshot();
    const empty = await server.request("/admin/departments", { cookie, form: { name: "   ", parentId: "" } });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain("Escribe el nombre del área.");
    const duplicate = await server.request("/admin/departments", { cookie, form: { name, parentId: "" } });
    expect(duplicate.status).toBe(400);
    expect(await duplicate.text()).toContain("Ya hay un área con ese nombre");
    const saoPaulo = await db().city.findUniqueOrThrow({ where: { slug: "sao-paulo" }, select: { id: true } });
    const foreign = await db().department.findFirstOrThrow({ where: { cityId: saoPaulo.id }, select: { id: true } });
    const foreignParent = await server.request("/admin/departments", { cookie, form: { name: "Nueva", parentId: foreign.id } });
    expect(foreignParent.status).toBe(400);
    expect(await foreignParent.text()).toContain("El área superior elegida no existe en tu ciudad.");
    expect((await server.request(`/admin/departments/${foreign.id}`, { cookie })).status).toBe(404);
    expect((await server.request(`/admin/departments/${foreign.id}`, { cookie, form: { intent: "archive" } })).status).toBe(404);
    expect(await snapshot()).toEqual(before);

    // The merge confirmation, without JavaScript: a plain post that returns the counts.
    const target = await createDepartmentAs(admin, { name: unique("Página Destino"), parentId: null });
    if (!target.ok) throw new Error("not created");
    const confirm = await server.request(`/admin/departments/${created.id}`, {
      cookie,
      form: { intent: "mergePreview", targetId: target.id },
    });
    expect(confirm.status).toBe(200);
    const body = await confirm.text();
    expect(body).toContain("Confirmar la fusión");
    expect(body).toContain("1 persona pasa a");
  });
});
