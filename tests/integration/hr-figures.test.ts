/**
 * The HR figures from a real database: a small dataset in a city of its own (so nothing else in
 * the template database moves the numbers), whose figures are worked out by hand below; roll-ups
 * over a three-level tree; a department-scoped HR person seeing only their subtree; marker people
 * in a sibling department and in another city never appearing in any HR response served here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { hrDashboardPage, loadFigureFacts, networkFigures } from "~/reports/figures.server.ts";
import { computeFigures } from "~/reports/figures.ts";
import type { HrScope } from "~/reports/scope.server.ts";
import { createUser, sessionCookie, type TestUser } from "../support/factories.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

const SLUG = "villa-cifras";
const ZONE = "Europe/Madrid";
const NOW = new Date("2026-04-10T10:00:00Z");
const MARCH = new URLSearchParams({ from: "2026-03-01", to: "2026-03-31" });
const at = (iso: string) => new Date(iso);

// The tree: Área Cifras → Sub Uno → Sub Uno A; and a sibling root, Hermano Marcador.
const AREA = ["Área Cifras"];
const SUB = [...AREA, "Sub Uno"];
const SUB_A = [...SUB, "Sub Uno A"];
const SIBLING = ["Departamento Hermano Marcador"];
const SIBLING_MARKER = "Persona Hermana Marcadora";
const OTHER_CITY_MARKER = "Persona Otra Ciudad Marcadora";

let server: TestServer;
let cityId: string;
let courseX: { id: string; key: string; versionId: string };
let courseY: { id: string; key: string; versionId: string };
let scopedHr: TestUser;
let cityHr: TestUser;
let madridHr: TestUser;
const ids: Record<string, string> = {};

let certificateCount = 0;
async function learner(name: string, department: string[]) {
  return createUser({ city: SLUG, name, department });
}

/** An assignment of course X to one person, with the given facts. */
async function assign(
  user: TestUser,
  facts: {
    assignedAt: string;
    dueAt: string;
    withdrawnAt?: string;
    lessonAt?: string;
    attempts?: Array<{ at: string; score: number; passed: boolean }>;
    completedAt?: string;
    certificateExpiresAt?: string;
  },
  course = courseX,
) {
  const assignment = await db().assignment.create({ data: { cityId, courseId: course.id }, select: { id: true } });
  const started = facts.lessonAt || facts.attempts;
  const enrollment = started
    ? await db().enrollment.create({
        data: {
          userId: user.id,
          courseId: course.id,
          enrolledAt: at(facts.assignedAt),
          completedAt: facts.completedAt ? at(facts.completedAt) : null,
        },
        select: { id: true },
      })
    : null;
  if (enrollment) await details(enrollment.id, user, facts, course);
  await db().personAssignment.create({
    data: {
      assignmentId: assignment.id,
      userId: user.id,
      cityId,
      courseId: course.id,
      assignedAt: at(facts.assignedAt),
      dueAt: at(facts.dueAt),
      withdrawnAt: facts.withdrawnAt ? at(facts.withdrawnAt) : null,
      enrollmentId: enrollment?.id ?? null,
    },
  });
}

async function details(
  enrollmentId: string,
  user: TestUser,
  facts: {
    lessonAt?: string;
    attempts?: Array<{ at: string; score: number; passed: boolean }>;
    completedAt?: string;
    certificateExpiresAt?: string;
  },
  course: typeof courseX,
) {
  if (facts.lessonAt)
    await db().lessonProgress.create({ data: { enrollmentId, lessonKey: "first", completedAt: at(facts.lessonAt) } });
  for (const [index, attempt] of (facts.attempts ?? []).entries()) {
    await db().quizAttempt.create({
      data: {
        enrollmentId,
        versionId: course.versionId,
        number: index + 1,
        questions: "[]",
        snapshot: "{}",
        startedAt: new Date(at(attempt.at).getTime() - 600_000),
        submittedAt: at(attempt.at),
        score: attempt.score,
        passed: attempt.passed,
      },
    });
  }
  if (facts.completedAt) {
    certificateCount += 1;
    await db().certificate.create({
      data: {
        code: `VCF-0000-0000-${String(certificateCount).padStart(4, "0")}`,
        enrollmentId,
        userId: user.id,
        cityId,
        holderName: user.name,
        courseTitle: course.key,
        courseVersion: 1,
        score: Math.max(...(facts.attempts ?? [{ score: 0 }]).map((attempt) => attempt.score)),
        locale: "es",
        citySnapshot: "{}",
        issuedAt: at(facts.completedAt),
        expiresAt: facts.certificateExpiresAt ? at(facts.certificateExpiresAt) : null,
      },
    });
  }
}

async function courseRow(key: string) {
  const course = await db().course.findUniqueOrThrow({ where: { key }, select: { id: true, key: true, currentVersionId: true } });
  return { id: course.id, key: course.key, versionId: course.currentVersionId! };
}

beforeAll(async () => {
  server = await startTestServer();
  cityId = (
    await db().city.create({
      data: {
        slug: SLUG,
        name: "Villa Cifras",
        defaultLocale: "es",
        timeZone: ZONE,
        primaryColor: "#1e3a8a",
        accentColor: "#b45309",
        certificatePrefix: "VCF",
      },
      select: { id: true },
    })
  ).id;
  courseX = await courseRow("ai-fundamentals");
  courseY = await courseRow("personal-data-and-privacy");

  const p1 = await learner("Ana Cifras", AREA);
  const p2 = await learner("Bruno Cifras", SUB);
  const p3 = await learner("Carla Cifras", SUB_A);
  const p4 = await learner("Diego Cifras", SUB_A);
  const p5 = await learner("Elena Cifras", SUB_A);
  const sibling = await learner(SIBLING_MARKER, SIBLING);
  await createUser({ city: "madrid", name: OTHER_CITY_MARKER, department: "Servicios Sociales" });
  scopedHr = await createUser({ city: SLUG, roles: ["HR"], department: AREA, hrDepartment: AREA });
  cityHr = await createUser({ city: SLUG, roles: ["HR"], department: SIBLING });
  madridHr = await createUser({ city: "madrid", roles: ["HR"] });
  // HR people are learners too, in departments: they have no rows, so they count as people only.
  for (const department of await db().department.findMany({ where: { cityId }, select: { id: true, name: true } }))
    ids[department.name] = department.id;
  ids.madrid = (await db().department.findFirstOrThrow({ where: { city: { slug: "madrid" } }, select: { id: true } })).id;

  // p1 (Área): assigned 1 Feb, due 15 Mar; lesson 2 Mar; fails 9 Mar (40), passes 10 Mar (80); certificate to 2027.
  await assign(p1, {
    assignedAt: "2026-02-01T10:00:00Z",
    dueAt: "2026-03-15T22:59:59.999Z",
    lessonAt: "2026-03-02T10:00:00Z",
    attempts: [
      { at: "2026-03-09T10:00:00Z", score: 40, passed: false },
      { at: "2026-03-10T10:00:00Z", score: 80, passed: true },
    ],
    completedAt: "2026-03-10T10:00:00Z",
    certificateExpiresAt: "2027-03-10T10:00:00Z",
  });
  // p2 (Sub Uno): assigned 1 Mar, due 20 Mar, never started: overdue on 10 April.
  await assign(p2, { assignedAt: "2026-03-01T10:00:00Z", dueAt: "2026-03-20T22:59:59.999Z" });
  // p3 (Sub Uno A): assigned 1 Mar, due 31 Mar; passes at the first attempt 25 Mar (100); certificate expires 1 May (within 60 days).
  await assign(p3, {
    assignedAt: "2026-03-01T10:00:00Z",
    dueAt: "2026-03-31T21:59:59.999Z",
    attempts: [{ at: "2026-03-25T10:00:00Z", score: 100, passed: true }],
    completedAt: "2026-03-25T10:00:00Z",
    certificateExpiresAt: "2026-05-01T10:00:00Z",
  });
  // p4 (Sub Uno A): a withdrawn assignment (leaves every figure) and a voluntary course Y: lesson 4 Mar, passes 5 Mar (90).
  await assign(p4, {
    assignedAt: "2026-03-01T10:00:00Z",
    dueAt: "2026-03-20T22:59:59.999Z",
    withdrawnAt: "2026-03-02T10:00:00Z",
  });
  const voluntary = await db().enrollment.create({
    data: {
      userId: p4.id,
      courseId: courseY.id,
      enrolledAt: at("2026-03-04T09:00:00Z"),
      completedAt: at("2026-03-05T10:00:00Z"),
    },
    select: { id: true },
  });
  await details(
    voluntary.id,
    p4,
    {
      lessonAt: "2026-03-04T10:00:00Z",
      attempts: [{ at: "2026-03-05T10:00:00Z", score: 90, passed: true }],
      completedAt: "2026-03-05T10:00:00Z",
    },
    courseY,
  );
  // p5 (Sub Uno A): deactivated, with an overdue row: in no figure.
  await assign(p5, { assignedAt: "2026-03-01T10:00:00Z", dueAt: "2026-03-20T22:59:59.999Z" });
  await db().user.update({ where: { id: p5.id }, data: { active: false } });
  // The sibling department's marker: assigned and completed in March.
  await assign(sibling, {
    assignedAt: "2026-03-01T10:00:00Z",
    dueAt: "2026-03-31T21:59:59.999Z",
    attempts: [{ at: "2026-03-12T10:00:00Z", score: 70, passed: true }],
    completedAt: "2026-03-12T10:00:00Z",
  });
});

afterAll(async () => {
  await server.close();
});

async function scopeOf(user: TestUser): Promise<HrScope> {
  const grant = await db().roleGrant.findFirstOrThrow({
    where: { userId: user.id, role: "HR" },
    select: { department: { select: { id: true, path: true, name: true } } },
  });
  return { cityId, cityName: "Villa Cifras", timeZone: ZONE, subtree: grant.department };
}

async function dashboard(user: TestUser, params: Record<string, string> = {}) {
  const search = new URLSearchParams(MARCH);
  for (const [key, value] of Object.entries(params)) search.set(key, value);
  const page = await hrDashboardPage(await scopeOf(user), search, NOW, "es");
  if (!page.ok) throw new Error(JSON.stringify(page.problems));
  return page;
}

describe("figures worked out by hand", () => {
  it("gives the scoped HR person the figures of their subtree (Área Cifras and below), March 2026", async () => {
    const { headline: f } = await dashboard(scopedHr);
    // Active people: p1, p2, p3, p4 and the scoped HR person, who sits in Área Cifras → 5 (p5 is deactivated).
    expect(f.people.value).toBe(5);
    // Open in March, not withdrawn: p1 (completed 10 Mar, after the start), p2, p3 → 3 (p4 withdrawn, p5 inactive).
    expect(f.assigned.value).toBe(3);
    // Started: p1 (lesson 2 Mar), p3 (attempt 25 Mar) → 2. Completed by 31 Mar: p1, p3 → 2.
    expect(f.started.value).toBe(2);
    expect(f.completed.value).toBe(2);
    // Due in March: p1 (15), p2 (20), p3 (31) → 3; completed 2 → 2 / 3.
    expect(f.completionRate.value).toBeCloseTo(2 / 3);
    // Completions dated in March: p1 (10), p3 (25) → 2. Voluntary: p4's course Y, started 4 and completed 5 Mar → 1 and 1.
    expect(f.completionsInPeriod.value).toBe(2);
    expect(f.voluntaryStarted.value).toBe(1);
    expect(f.voluntaryCompleted.value).toBe(1);
    // Best passing scores of enrolments completed in March: 80 (p1), 100 (p3), 90 (p4, voluntary) → 270 / 3 = 90.
    expect(f.averageScore.value).toBe(90);
    // First submitted attempts in March: p1 failed, p3 passed, p4 passed → 2 / 3.
    expect(f.firstAttemptPassRate.value).toBeCloseTo(2 / 3);
    // Assigned → completed: p1 1 Feb → 10 Mar = 37 days; p3 1 Mar → 25 Mar = 24 days; median (37 + 24) / 2 = 30.5.
    expect(f.medianDaysToComplete.value).toBeCloseTo(30.5);
    // Overdue on 10 April: p2 (due 20 Mar, not started) → 1.
    expect(f.overdue.value).toBe(1);
    // Expiring within 60 days of 10 April: p3's certificate (1 May) → 1.
    expect(f.expiring.value).toBe(1);
    // People with a live mandatory row: p1, p2, p3; with valid certificates for all of them: p1, p3 → 2 / 3.
    expect(f.compliant.value).toBe(2);
    expect(f.compliantShare.value).toBeCloseTo(2 / 3);
  });

  it("leaves voluntary enrolments out with mandatory only", async () => {
    const { headline: f } = await dashboard(scopedHr, { mandatory: "1" });
    expect(f.voluntaryCompleted.value).toBe(0);
    // (80 + 100) / 2 = 90; first attempts: p1 failed, p3 passed → 1 / 2.
    expect(f.averageScore.value).toBe(90);
    expect(f.firstAttemptPassRate.value).toBe(0.5);
  });

  it("narrows to one course: course Y has no assignments, so its completion rate is no data", async () => {
    const { headline: f } = await dashboard(scopedHr, { course: courseY.key });
    expect(f.assigned.value).toBe(0);
    expect(f.completionRate.value).toBeNull();
    expect(f.voluntaryCompleted.value).toBe(1);
  });

  it("rolls sub-departments up into each department's row, over three levels", async () => {
    const top = await dashboard(scopedHr);
    expect(top.departments.top?.name).toBe("Área Cifras");
    expect(top.departments.up).toBeNull(); // the scope's own root: nowhere to go up to
    // Sub Uno counts itself and Sub Uno A: people p2, p3, p4 → 3; assigned p2, p3 → 2; completed p3 → 1.
    expect(top.departments.rows).toEqual([
      expect.objectContaining({
        name: "Sub Uno",
        hasChildren: true,
        figures: expect.objectContaining({ people: { value: 3, people: 3 } }),
      }),
    ]);
    expect(top.departments.rows[0]!.figures.assigned.value).toBe(2);
    expect(top.departments.rows[0]!.figures.completed.value).toBe(1);
    const sub = await dashboard(scopedHr, { department: ids["Sub Uno"]! });
    expect(sub.departments.up).toEqual({ id: ids["Área Cifras"], name: "Área Cifras" });
    expect(sub.headline.people.value).toBe(3);
    // Sub Uno A: people p3, p4 → 2; assigned p3 → 1; voluntary p4 → 1.
    expect(sub.departments.rows).toHaveLength(1);
    expect(sub.departments.rows[0]!.figures.people.value).toBe(2);
    expect(sub.departments.rows[0]!.figures.assigned.value).toBe(1);
    expect(sub.departments.rows[0]!.figures.voluntaryCompleted.value).toBe(1);
  });

  it("gives city-wide HR the whole city, each root department a row", async () => {
    const page = await dashboard(cityHr);
    // 5 in Área Cifras as above + the sibling marker + city-wide HR (in the sibling department) → 7.
    expect(page.headline.people.value).toBe(7);
    // + the sibling's row, completed 12 Mar and due 31 Mar: assigned 4, completion rate 3 / 4.
    expect(page.headline.assigned.value).toBe(4);
    expect(page.headline.completionRate.value).toBe(0.75);
    expect(page.departments.rows.map((row) => [row.name, row.figures.people.value])).toEqual([
      ["Área Cifras", 5],
      ["Departamento Hermano Marcador", 2],
    ]);
  });

  it("agrees with the pure functions over the raw rows it loaded", async () => {
    const scope = await scopeOf(scopedHr);
    const facts = await loadFigureFacts({
      cityId,
      subtree: scope.subtree,
      department: null,
      courseId: null,
      mandatoryOnly: false,
    });
    const { headline } = await dashboard(scopedHr);
    const period = { start: at("2026-02-28T23:00:00Z"), end: at("2026-03-31T21:59:59.999Z") };
    expect(computeFigures(facts, { period, now: NOW })).toEqual(headline);
  });

  it("refuses a department of a sibling branch or of another city, and an unknown course, with a message", async () => {
    const scope = await scopeOf(scopedHr);
    for (const [params, field, message] of [
      [{ department: ids[SIBLING[0]!]! }, "department", "reports.filter.unknownDepartment"],
      [{ department: ids.madrid! }, "department", "reports.filter.unknownDepartment"],
      [{ course: "no-such-course" }, "course", "reports.filter.unknownCourse"],
      [{ from: "2026-02-30" }, "from", "reports.filter.badDate"],
    ] as const) {
      const page = await hrDashboardPage(scope, new URLSearchParams(params), NOW, "es");
      expect(page).toMatchObject({ ok: false, problems: [{ field, message }] });
    }
  });
});

describe("HR responses over HTTP", () => {
  const pages = (department: string) => [
    `/hr?${MARCH}`,
    `/hr.data?${MARCH}`,
    `/hr?${MARCH}&department=${department}`,
    `/hr?${MARCH}&course=${courseX.key}&mandatory=1`,
  ];

  it("never shows the scoped HR person the sibling department or another city, in pages or data", async () => {
    const cookie = await sessionCookie(scopedHr.id);
    for (const path of pages(ids["Sub Uno"]!)) {
      const response = await server.request(path, { cookie });
      expect(response.status, path).toBe(200);
      const body = await response.text();
      for (const marker of [SIBLING_MARKER, SIBLING[0]!, OTHER_CITY_MARKER, "Servicios Sociales"])
        expect(body, path).not.toContain(marker);
      expect(body).toContain("Sub Uno");
    }
  });

  it("never shows another city's HR anything of this city, nor this city's HR Madrid", async () => {
    for (const [user, forbidden] of [
      [madridHr, [SIBLING_MARKER, SIBLING[0]!, "Área Cifras", "Ana Cifras"]],
      [cityHr, [OTHER_CITY_MARKER, "Servicios Sociales"]],
    ] as const) {
      const cookie = await sessionCookie(user.id);
      for (const path of [`/hr?${MARCH}`, `/hr.data?${MARCH}`]) {
        const body = await (await server.request(path, { cookie })).text();
        for (const marker of forbidden) expect(body, path).not.toContain(marker);
      }
    }
  });

  it("answers a foreign filter value with 400, the message and no figures", async () => {
    const cookie = await sessionCookie(scopedHr.id);
    const response = await server.request(`/hr?${MARCH}&department=${ids[SIBLING[0]!]}`, { cookie });
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(body).toContain("Ese departamento no existe o no está en tu ámbito.");
    expect(body).toContain("No se muestran cifras: corrija los filtros.");
    expect(body).not.toContain("Cifras del periodo");
    expect(body).not.toContain(SIBLING[0]!);
  });

  it("draws the weekly chart on the server with its title, description and data table", async () => {
    const body = await (await server.request(`/hr?${MARCH}`, { cookie: await sessionCookie(scopedHr.id) })).text();
    expect(body).toMatch(/<svg role="img"/);
    expect(body).toContain("<title");
    expect(body).toContain("<desc");
    expect(body).toContain("Finalizaciones por semana (datos del gráfico)");
  });
});

describe("the network view", () => {
  it("shows each city's figures anonymised: fewer than 5 people is hidden, never a person", async () => {
    const rows = await networkFigures({ from: "2026-03-01", to: "2026-03-31" }, NOW, "es");
    const ours = rows.find((row) => row.city === "Villa Cifras")!;
    // Active people: p1–p4 and scoped HR in Área Cifras (5), the sibling marker and city-wide HR (2) → 7 ≥ 5: shown.
    expect(ours.people).toEqual({ shown: true, value: 7 });
    // Rows due in March: p1, p2, p3, sibling → 4 people < 5: hidden.
    expect(ours.completionRate).toEqual({ shown: false });
    expect(ours.averageScore).toEqual({ shown: false });
    const body = JSON.stringify(rows);
    for (const name of ["Ana Cifras", SIBLING_MARKER, OTHER_CITY_MARKER, "Área Cifras"]) expect(body).not.toContain(name);
  });

  it("is served to network admins only, without personal data", async () => {
    const admin = await createUser({ city: "madrid", roles: ["NETWORK_ADMIN"] });
    const response = await server.request("/network", { cookie: await sessionCookie(admin.id) });
    expect(response.status).toBe(200);
    const body = await response.text();
    expect(body).toContain("Villa Cifras");
    for (const name of ["Ana Cifras", SIBLING_MARKER, OTHER_CITY_MARKER]) expect(body).not.toContain(name);
    expect((await server.request("/network", { cookie: await sessionCookie(cityHr.id) })).status).toBe(403);
  });
});
