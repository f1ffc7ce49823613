/** Mandatory courses on a real database: creation, the batched fill, join/move/leave, recertification, withdrawal, archiving, bad input, scope. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  archiveCourse,
  assignFromForm,
  createAssignment,
  listAssignments,
  withdrawAssignment,
} from "~/assignments/assign.server.ts";
import { assignmentFormSchema, type AssignmentRequest } from "~/assignments/assignment-input.ts";
import { windowOpensAt } from "~/assignments/cycle-dates.ts";
import { openRecertificationCycles } from "~/assignments/cycles.server.ts";
import { assignOnJoinOrMove } from "~/assignments/membership.server.ts";
import { fillAssignment, fillOpenAssignments } from "~/assignments/people-rows.server.ts";
import type { CurrentUser } from "~/auth/guards.server.ts";
import { ensureDepartmentChain } from "~/cities/departments.server.ts";
import { now, setClockOffset } from "~/clock.server.ts";
import { importCourseFolder } from "~/courses/importer.server.ts";
import { db } from "~/db.server.ts";
import { enroll, learnerCourseState, learnerDashboard } from "~/learning/enrollments.server.ts";
import { changeDepartment, setPersonActive } from "~/people/department-change.server.ts";
import { startAttempt } from "~/quiz/attempts.server.ts";
import { hrScopeOf } from "~/reports/scope.server.ts";
import {
  assignmentRequest,
  completeSampleCourse,
  currentUserFor,
  importSampleCourse,
  SAMPLE_COURSE,
} from "../support/learning.ts";

let courseId: string;
let madridId: string;
let hr: CurrentUser;

beforeAll(async () => {
  await importSampleCourse();
  courseId = (await db().course.findUniqueOrThrow({ where: { key: SAMPLE_COURSE }, select: { id: true } })).id;
  madridId = (await db().city.findUniqueOrThrow({ where: { slug: "madrid" }, select: { id: true } })).id;
  hr = await currentUserFor({ roles: ["HR"] });
});

afterEach(() => setClockOffset(0));

const day = 86_400_000;
let serial = 0;

async function department(...names: string[]): Promise<string> {
  return db().$transaction((tx) => ensureDepartmentChain(tx, madridId, names));
}

function unique(name: string): string {
  serial += 1;
  return `${name} ${String.fromCharCode(97 + (serial % 26))}${serial}`;
}

async function assign(overrides: Partial<AssignmentRequest>, by: CurrentUser = hr) {
  const outcome = await createAssignment(by, await hrScopeOf(by), assignmentRequest(courseId, overrides));
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.fieldErrors));
  return outcome;
}

const rowsOf = (assignmentId: string) =>
  db().personAssignment.findMany({
    where: { assignmentId },
    orderBy: { cycle: "asc" },
    select: { userId: true, cycle: true, dueAt: true, withdrawnAt: true, enrollmentId: true },
  });

describe("creating an assignment", () => {
  it("writes one row per active person of a department tree in batches, and a re-run completes an interrupted fill", async () => {
    const root = await department(unique("Masiva"));
    const sub = await db().$transaction(async (tx) => {
      const name = (await tx.department.findUniqueOrThrow({ where: { id: root }, select: { name: true } })).name;
      return ensureDepartmentChain(tx, madridId, [name, "Subárea"]);
    });
    const people = Array.from({ length: 2000 }, (_, index) => ({
      email: `masiva${serial}.${index}@madrid.example`,
      name: "Persona Masiva",
      locale: "es",
      cityId: madridId,
      departmentId: index % 2 === 0 ? root : sub,
      active: index !== 7,
    }));
    await db().user.createMany({ data: people });
    // People with an enrolment in the course, spread over the first batch of 1 000 and its lists
    // of ids: their rows take the enrolment.
    const created = await db().user.findMany({
      where: { email: { startsWith: `masiva${serial}.` }, active: true },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    const enrolled = [0, 499, 500, 999, 1000, 1998].map((index) => created[index]!.id);
    await db().enrollment.createMany({ data: enrolled.map((userId) => ({ userId, courseId })) });
    const outcome = await assign({ departments: [{ departmentId: root, includeSubdepartments: true }] });
    expect(outcome.people).toBe(1999);
    expect(await db().personAssignment.count({ where: { assignmentId: outcome.id } })).toBe(1999);
    const linked = await db().personAssignment.findMany({
      where: { assignmentId: outcome.id, enrollmentId: { not: null } },
      select: { userId: true },
    });
    expect(linked.map((row) => row.userId).sort()).toEqual([...enrolled].sort());
    const due = await db().personAssignment.findFirstOrThrow({
      where: { assignmentId: outcome.id },
      select: { dueAt: true, assignedAt: true },
    });
    expect(due.dueAt.getTime()).toBeGreaterThan(due.assignedAt.getTime() + 29 * day);

    // An interrupted fill: some rows missing. Running it again writes exactly those, in small batches.
    const some = await db().personAssignment.findMany({ where: { assignmentId: outcome.id }, take: 450, select: { id: true } });
    await db().personAssignment.deleteMany({ where: { id: { in: some.map((row) => row.id) } } });
    expect(await fillAssignment(outcome.id, now(), 100)).toBe(450);
    // The hourly job's sweep completes whatever is left, once.
    await fillOpenAssignments(now(), { cityId: madridId });
    expect(await fillOpenAssignments(now(), { cityId: madridId })).toBe(0);
    expect(await fillAssignment(outcome.id, now(), 100)).toBe(0);
    expect(await db().personAssignment.count({ where: { assignmentId: outcome.id } })).toBe(1999);

    // Without sub-departments: only the department's own people.
    const own = await assign({ departments: [{ departmentId: root, includeSubdepartments: false }] });
    expect(own.people).toBe(1000);
  });

  it("a whole-city assignment covers every active person of the city, and no one elsewhere", async () => {
    const active = await db().user.count({ where: { cityId: madridId, active: true } });
    expect(active).toBeGreaterThan(0);
    const outcome = await assign({ wholeCity: true });
    expect(outcome.people).toBe(active);
    const rows = await db().personAssignment.findMany({ where: { assignmentId: outcome.id }, select: { cityId: true } });
    expect(rows).toHaveLength(active);
    expect(rows.every((row) => row.cityId === madridId)).toBe(true);
  });

  it("gives a fixed due date at 23:59:59 city time, names people by email, and audits", async () => {
    const person = await currentUserFor();
    const outcome = await assignFromForm(
      hr,
      await hrScopeOf(hr),
      assignmentFormSchema.parse({
        course: courseId,
        departments: [],
        subdepartments: [],
        emails: [person.email.toUpperCase(), ""],
        dueKind: "date",
        dueDate: "2099-03-31",
        validityMonths: "12",
        windowDays: "30",
      }),
    );
    expect(outcome).toMatchObject({ ok: true, people: 1 });
    const [row] = await rowsOf(outcome.ok ? outcome.id : "");
    expect(row).toMatchObject({ userId: person.id, cycle: 1 });
    expect(row!.dueAt.toISOString()).toBe("2099-03-31T21:59:59.999Z");
    // Rows written by the raw batched insert compare like any other date in database filters.
    const window = { gt: new Date("2099-03-31T21:00:00Z"), lt: new Date("2099-04-01T00:00:00Z") };
    expect(await db().personAssignment.count({ where: { userId: person.id, dueAt: window } })).toBe(1);
    expect(await db().personAssignment.count({ where: { userId: person.id, dueAt: { lt: window.gt } } })).toBe(0);
    expect(await db().auditLog.count({ where: { action: "assignment.create", targetId: outcome.ok ? outcome.id : "" } })).toBe(1);
    const dashboard = await learnerDashboard(person, "es");
    expect(dashboard.assigned).toMatchObject([{ courseKey: SAMPLE_COURSE, started: false, overdue: false }]);
  });

  it("links a person's completed enrolment whose certificate is still valid: the row is completed from the start", async () => {
    const person = await currentUserFor();
    await completeSampleCourse(person);
    const outcome = await assign({ emails: [person.email] });
    const [row] = await rowsOf(outcome.id);
    expect(row).toMatchObject({ cycle: 1 });
    expect(row!.enrollmentId).not.toBeNull();
    expect((await learnerDashboard(person, "es")).assigned).toEqual([]);
  });

  it("refuses bad input with a message and writes nothing", async () => {
    const scoped = await currentUserFor({ roles: ["HR"], hrDepartment: "Servicios Sociales" });
    const sibling = await department(unique("Hermana"));
    const saoPaulo = await db().city.findUniqueOrThrow({ where: { slug: "sao-paulo" }, select: { id: true } });
    const foreign = await db().$transaction((tx) => ensureDepartmentChain(tx, saoPaulo.id, ["Estrangeira"]));
    const outsider = await currentUserFor({ department: "Hacienda" });
    const paulista = await currentUserFor({ city: "sao-paulo" });
    const before = {
      assignments: await db().assignment.count(),
      rows: await db().personAssignment.count(),
      audit: await db().auditLog.count(),
    };
    const form = (fields: Record<string, unknown>) =>
      assignmentFormSchema.safeParse({
        course: courseId,
        departments: [],
        subdepartments: [],
        emails: [],
        dueKind: "days",
        dueDays: "10",
        ...fields,
      });
    const refusedByRules = async (fields: Record<string, unknown>, by = hr) => {
      const parsed = form(fields);
      if (!parsed.success) return parsed.error.issues[0]!.message;
      const outcome = await assignFromForm(by, await hrScopeOf(by), parsed.data);
      return outcome.ok ? null : Object.values(outcome.fieldErrors)[0];
    };
    const yesterday = new Date(Date.now() - 2 * day).toISOString().slice(0, 10);
    expect(await refusedByRules({ dueKind: "date", dueDate: yesterday, wholeCity: "on" })).toBe("assignments.error.dueDatePast");
    expect(await refusedByRules({ wholeCity: "on", windowDays: "10" })).toBe("assignments.error.windowWithoutValidity");
    expect(await refusedByRules({ wholeCity: "on", validityMonths: "1", windowDays: "40" })).toBe(
      "assignments.error.windowTooLong",
    );
    expect(await refusedByRules({})).toBe("assignments.error.noTarget");
    expect(await refusedByRules({ wholeCity: "on", dueDays: "0" })).toBe("assignments.error.dueDays");
    expect(await refusedByRules({ wholeCity: "on", dueDays: "731" })).toBe("assignments.error.dueDays");
    expect(await refusedByRules({ wholeCity: "on", validityMonths: "121" })).toBe("assignments.error.validity");
    expect(await refusedByRules({ wholeCity: "on", validityMonths: "12", windowDays: "366" })).toBe("assignments.error.window");
    expect(await refusedByRules({ wholeCity: "on", course: "no-such-course" })).toBe("assignments.error.course");
    expect(await refusedByRules({ departments: [foreign] })).toBe("assignments.error.department");
    expect(await refusedByRules({ emails: [paulista.email] })).toBe("assignments.error.person");
    expect(await refusedByRules({ emails: ["nadie@madrid.example"] })).toBe("assignments.error.person");
    // Scoped HR: a sibling department or a person outside the subtree reads as unknown; the whole city is not theirs.
    expect(await refusedByRules({ departments: [sibling] }, scoped)).toBe("assignments.error.department");
    expect(await refusedByRules({ emails: [outsider.email] }, scoped)).toBe("assignments.error.person");
    expect(await refusedByRules({ wholeCity: "on" }, scoped)).toBe("assignments.error.wholeCity");
    expect({
      assignments: await db().assignment.count(),
      rows: await db().personAssignment.count(),
      audit: await db().auditLog.count(),
    }).toEqual(before);
  });
});

describe("joining, moving and leaving", () => {
  it("a person joining or moving into an assigned department gets their row in the same transaction; leaving withdraws open rows and keeps completed ones", async () => {
    // Madrid's whole-city assignments (the demo's, an earlier test's) would cover these people too:
    // withdrawn here, so that the counts below are this test's department assignments only.
    await db().assignment.updateMany({
      where: { cityId: madridId, withdrawnAt: null, targets: { some: { departmentId: null, userId: null } } },
      data: { withdrawnAt: new Date() },
    });
    const a = await department(unique("Destino"));
    const b = await department(unique("Otra"));
    const outcome = await assign({ departments: [{ departmentId: a, includeSubdepartments: true }] });
    await assign({ departments: [{ departmentId: a, includeSubdepartments: true }], due: { kind: "days", days: 5 } });

    const joiner = await currentUserFor({ department: "Hacienda" });
    await db().$transaction(async (tx) => {
      await tx.user.update({ where: { id: joiner.id }, data: { departmentId: a } });
      expect(await assignOnJoinOrMove(tx, joiner.id)).toEqual({ added: 2, withdrawn: 0 });
    });
    expect(await rowsOf(outcome.id)).toMatchObject([{ userId: joiner.id, withdrawnAt: null }]);

    // Completes one of the two, then moves out: the completed row stays, the open one is withdrawn.
    await completeSampleCourse(joiner);
    expect(await db().$transaction((tx) => changeDepartment(tx, { userId: joiner.id, departmentId: b }))).toEqual({
      ok: true,
      added: 0,
      withdrawn: 0,
    });
    const rows = await db().personAssignment.findMany({
      where: { userId: joiner.id },
      select: { withdrawnAt: true, enrollmentId: true },
    });
    expect(rows.every((row) => row.enrollmentId !== null && row.withdrawnAt === null)).toBe(true);

    const mover = await currentUserFor({ department: "Hacienda" });
    expect(await db().$transaction((tx) => changeDepartment(tx, { userId: mover.id, departmentId: a }))).toEqual({
      ok: true,
      added: 2,
      withdrawn: 0,
    });
    expect(await db().$transaction((tx) => changeDepartment(tx, { userId: mover.id, departmentId: b }))).toEqual({
      ok: true,
      added: 0,
      withdrawn: 2,
    });
    expect((await learnerDashboard(mover, "es")).assigned).toEqual([]);
    // Back in: the rows are given back, not duplicated.
    expect(await db().$transaction((tx) => changeDepartment(tx, { userId: mover.id, departmentId: a }))).toEqual({
      ok: true,
      added: 2,
      withdrawn: 0,
    });
    expect(await db().personAssignment.count({ where: { userId: mover.id } })).toBe(2);
    // Deactivated: covered by nothing.
    expect(await db().$transaction((tx) => setPersonActive(tx, { userId: mover.id, active: false }))).toEqual({
      ok: true,
      added: 0,
      withdrawn: 2,
    });
    // Another city's department is refused.
    const saoPaulo = await db().city.findUniqueOrThrow({ where: { slug: "sao-paulo" }, select: { id: true } });
    const foreign = await db().$transaction((tx) => ensureDepartmentChain(tx, saoPaulo.id, ["Estrangeira"]));
    expect(await db().$transaction((tx) => changeDepartment(tx, { userId: joiner.id, departmentId: foreign }))).toEqual({
      ok: false,
      problem: "department.notFound",
    });
  });
});

describe("recertification", () => {
  it("opens the next cycle when the window opens, not before, once; starting then creates the new cycle's empty enrolment", async () => {
    const person = await currentUserFor();
    const outcome = await assign({ emails: [person.email], validityMonths: 12, windowDays: 30 });
    await completeSampleCourse(person);
    const certificate = await db().certificate.findFirstOrThrow({ where: { userId: person.id }, select: { expiresAt: true } });
    expect(certificate.expiresAt).not.toBeNull();
    const opens = windowOpensAt(certificate.expiresAt!, 30, "Europe/Madrid");
    expect(await openRecertificationCycles(new Date(opens.getTime() - 60_000), { userId: person.id })).toBe(0);
    expect(await openRecertificationCycles(opens, { userId: person.id })).toBe(1);
    expect(await openRecertificationCycles(opens, { userId: person.id })).toBe(0);
    const rows = await rowsOf(outcome.id);
    expect(rows.map((row) => row.cycle)).toEqual([1, 2]);
    expect(rows[1]!.dueAt.getTime()).toBe(certificate.expiresAt!.getTime());

    // On the dashboard after the window opened: the new cycle is assigned, the old certificate still listed.
    setClockOffset(opens.getTime() - Date.now() + day);
    const dashboard = await learnerDashboard(person, "es");
    expect(dashboard.assigned).toMatchObject([{ key: `${SAMPLE_COURSE}/2`, started: false }]);
    expect(dashboard.completed).toMatchObject([{ key: `${SAMPLE_COURSE}/1` }]);
    // The course page offers to start the new cycle.
    expect(await learnerCourseState(person, SAMPLE_COURSE)).toMatchObject({ enrolled: false });
    const started = await enroll(person, SAMPLE_COURSE);
    const enrollment = await db().enrollment.findUniqueOrThrow({
      where: { id: started!.id },
      select: { cycle: true, lessons: { select: { id: true } } },
    });
    expect(enrollment).toEqual({ cycle: 2, lessons: [] });
    expect((await rowsOf(outcome.id))[1]!.enrollmentId).toBe(started!.id);
  });

  it("does not open a cycle for someone the assignment no longer covers", async () => {
    const a = await department(unique("Recert"));
    const person = await currentUserFor({ department: "Hacienda" });
    await db().$transaction((tx) => changeDepartment(tx, { userId: person.id, departmentId: a }));
    await assign({ departments: [{ departmentId: a, includeSubdepartments: true }], validityMonths: 6, windowDays: 10 });
    await completeSampleCourse(person);
    await db().$transaction((tx) => changeDepartment(tx, { userId: person.id, departmentId: null }));
    expect(await openRecertificationCycles(new Date(Date.now() + 200 * day), { userId: person.id })).toBe(0);
  });
});

describe("withdrawing and archiving", () => {
  it("withdrawing takes open rows out and keeps completed ones; archiving a course withdraws its open rows and it cannot be assigned", async () => {
    const done = await currentUserFor();
    const open = await currentUserFor();
    await completeSampleCourse(done);
    const outcome = await assign({ emails: [done.email, open.email] });
    expect(await withdrawAssignment(hr, await hrScopeOf(hr), outcome.id)).toEqual({ ok: true, rows: 1 });
    expect(await withdrawAssignment(hr, await hrScopeOf(hr), outcome.id)).toEqual({ ok: true, rows: 0 });
    const rows = await db().personAssignment.findMany({
      where: { assignmentId: outcome.id },
      select: { userId: true, withdrawnAt: true },
    });
    expect(rows.find((row) => row.userId === done.id)?.withdrawnAt).toBeNull();
    expect(rows.find((row) => row.userId === open.id)?.withdrawnAt).not.toBeNull();
    expect(await db().auditLog.count({ where: { action: "assignment.withdraw", targetId: outcome.id } })).toBe(1);

    const other = await currentUserFor();
    await assign({ emails: [other.email] });
    await db().$transaction((tx) => archiveCourse(tx, courseId));
    try {
      expect(await db().personAssignment.count({ where: { userId: other.id, withdrawnAt: null } })).toBe(0);
      const refused = await createAssignment(hr, await hrScopeOf(hr), assignmentRequest(courseId, { emails: [other.email] }));
      expect(refused).toMatchObject({ ok: false, fieldErrors: { course: "assignments.error.course" } });
    } finally {
      await db().course.update({ where: { id: courseId }, data: { archivedAt: null } });
    }
  });

  it("scoped HR sees and withdraws only what lies inside its subtree", async () => {
    const scoped = await currentUserFor({ roles: ["HR"], hrDepartment: "Servicios Sociales" });
    const inside = await department("Servicios Sociales");
    const outside = await department(unique("Fuera"));
    const theirs = await assign({ departments: [{ departmentId: inside, includeSubdepartments: true }] }, scoped);
    const notTheirs = await assign({ departments: [{ departmentId: outside, includeSubdepartments: true }] });
    const list = await listAssignments(await hrScopeOf(scoped), "es");
    expect(list.map((item) => item.id)).toContain(theirs.id);
    expect(list.map((item) => item.id)).not.toContain(notTheirs.id);
    expect(await withdrawAssignment(scoped, await hrScopeOf(scoped), notTheirs.id)).toEqual({
      ok: false,
      problem: "assignments.error.notFound",
    });
    expect(await db().assignment.findUniqueOrThrow({ where: { id: notTheirs.id }, select: { withdrawnAt: true } })).toEqual({
      withdrawnAt: null,
    });

    // Another city's admin sees none of Madrid's assignments and cannot withdraw them.
    const paulista = await currentUserFor({ city: "sao-paulo", roles: ["CITY_ADMIN"] });
    const theirList = await listAssignments(await hrScopeOf(paulista), "pt");
    expect(theirList.map((item) => item.id)).not.toContain(theirs.id);
    expect(theirList.map((item) => item.id)).not.toContain(notTheirs.id);
    expect(await withdrawAssignment(paulista, await hrScopeOf(paulista), theirs.id)).toEqual({
      ok: false,
      problem: "assignments.error.notFound",
    });
  });
});

// Last: it publishes a new version of the sample course.
describe("a new version of an assigned course", () => {
  it("applies to cycles not yet started; a started attempt carries on with its version", async () => {
    const startedPerson = await currentUserFor();
    const waiting = await currentUserFor();
    await assign({ emails: [startedPerson.email, waiting.email] });
    await enroll(startedPerson, SAMPLE_COURSE);
    const first = await startAttempt(startedPerson, SAMPLE_COURSE);
    if (!first.ok) throw new Error("attempt refused");
    const v1 = (await db().course.findUniqueOrThrow({ where: { id: courseId }, select: { currentVersionId: true } }))
      .currentVersionId;

    // The folder's name is the course's key.
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), "assigned-course-")), SAMPLE_COURSE);
    cpSync(path.resolve("tests/fixtures/courses/sample-course"), dir, { recursive: true });
    const file = path.join(dir, "02-next-steps/en.md");
    writeFileSync(file, readFileSync(file, "utf8").replace("Texto (en).", "A second version (en)."));
    expect(await importCourseFolder(dir)).toMatchObject({ status: "new-version", version: 2 });
    const v2 = (await db().course.findUniqueOrThrow({ where: { id: courseId }, select: { currentVersionId: true } }))
      .currentVersionId;
    expect(v2).not.toBe(v1);

    expect(await db().quizAttempt.findUniqueOrThrow({ where: { id: first.attemptId }, select: { versionId: true } })).toEqual({
      versionId: v1,
    });
    await enroll(waiting, SAMPLE_COURSE);
    const second = await startAttempt(waiting, SAMPLE_COURSE);
    if (!second.ok) throw new Error("attempt refused");
    expect(await db().quizAttempt.findUniqueOrThrow({ where: { id: second.attemptId }, select: { versionId: true } })).toEqual({
      versionId: v2,
    });
    // Both rows stay open and linked to their enrolments.
    const rows = await db().personAssignment.findMany({
      where: { userId: { in: [startedPerson.id, waiting.id] } },
      select: { enrollmentId: true, withdrawnAt: true },
    });
    expect(rows.every((row) => row.enrollmentId !== null && row.withdrawnAt === null)).toBe(true);
  });
});
