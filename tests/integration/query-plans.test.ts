/**
 * No request on the learner's busiest paths (a lesson page, quiz answer and submit posts, a
 * certificate's verification) nor the HR dashboard reads a whole table that grows with people.
 * The SQL is caught at the drivers while the built app serves each request (so raw SQL counts
 * too), then each statement's plan is read with its own parameters on this test's database:
 * SQLite's EXPLAIN QUERY PLAN, PostgreSQL's EXPLAIN (FORMAT JSON). Which tables grow with people
 * and what counts as a full read: tests/support/query-plans.ts. The demo data (Madrid's year of
 * learning) gives the HR dashboard real rows; the learner works through the sample course.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { enroll, markLessonComplete } from "~/learning/enrollments.server.ts";
import { attemptView, startAttempt } from "~/quiz/attempts.server.ts";
import { databaseKind, sqlitePath } from "../../prisma/driver-adapters.ts";
import { createUser, sessionCookie } from "../support/factories.ts";
import { completeSampleCourse, currentUserFor, importSampleCourse, SAMPLE_COURSE } from "../support/learning.ts";
import {
  captureQueries,
  postgresPlanner,
  sqlitePlanner,
  type FullScan,
  type Planner,
  type Statement,
} from "../support/query-plans.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

const url = process.env.DATABASE_URL!;
const kind = databaseKind(url);
let server: TestServer;
let planner: Planner;

beforeAll(async () => {
  await importSampleCourse();
  server = await startTestServer();
  planner = kind === "postgres" ? await postgresPlanner(url) : sqlitePlanner(sqlitePath(url));
});

afterAll(async () => {
  await planner?.close();
  await server?.close();
});

/** Each statement that reads a whole people table, with what the plan said. */
async function fullScansOf(statements: Statement[]): Promise<Array<{ sql: string; scans: FullScan[] }>> {
  const found = [];
  for (const statement of statements) {
    const scans = await planner.fullScans(statement);
    if (scans.length > 0) found.push({ sql: statement.sql, scans });
  }
  return found;
}

/** Serves `request` and checks every statement it sent; returns how many distinct ones there were. */
async function expectNoFullScans(request: () => Promise<Response>, status: number): Promise<number> {
  let response: Response | undefined;
  let body = "";
  const statements = await captureQueries(async () => {
    response = await request();
    body = await response.text();
  });
  expect(response!.status, body.slice(0, 300)).toBe(status);
  expect(statements.length).toBeGreaterThan(0);
  expect(await fullScansOf(statements)).toEqual([]);
  return statements.length;
}

describe("the plan reader", () => {
  const placeholder = kind === "postgres" ? "$1" : "?";

  it("flags a people table read by a column no index leads with", async () => {
    const found = await fullScansOf([{ sql: `SELECT "id" FROM "User" WHERE "name" = ${placeholder}`, args: ["Ana"] }]);
    expect(found).toMatchObject([{ scans: [{ table: "User" }] }]);
  });

  it("flags a whole index read in its order, and a join that reaches a people table by no index", async () => {
    const ordered = `SELECT "id" FROM "Enrollment" e ORDER BY e."userId", e."courseId", e."cycle"`;
    const joined = `SELECT q."id" FROM "Question" q JOIN "QuestionAnswer" a ON a."attemptTotal" = q."position" WHERE q."id" = ${placeholder}`;
    const found = await fullScansOf([
      { sql: ordered, args: [] },
      { sql: joined, args: ["x"] },
    ]);
    expect(found).toMatchObject([{ scans: [{ table: "Enrollment" }] }, { scans: [{ table: "QuestionAnswer" }] }]);
  });

  it("passes a read bounded by an index, and leaves small tables alone", async () => {
    const found = await fullScansOf([
      { sql: `SELECT u."name" FROM "User" u WHERE u."id" = ${placeholder}`, args: ["x"] },
      { sql: `SELECT "id" FROM "Department" WHERE "name" = ${placeholder}`, args: ["x"] },
    ]);
    expect(found).toEqual([]);
  });
});

describe("the learner's paths", () => {
  it("reads a lesson page by index only", async () => {
    const user = await currentUserFor();
    const cookie = await sessionCookie(user.id);
    await completeSampleCourse(await currentUserFor());
    await enroll(user, SAMPLE_COURSE);
    await expectNoFullScans(() => server.request(`/learn/${SAMPLE_COURSE}/first-steps`, { cookie }), 200);
  });

  it("answers and submits a quiz by index only", async () => {
    const user = await currentUserFor();
    const cookie = await sessionCookie(user.id);
    await enroll(user, SAMPLE_COURSE);
    for (const lesson of ["first-steps", "next-steps"]) await markLessonComplete(user, SAMPLE_COURSE, lesson);
    const attempt = await startAttempt(user, SAMPLE_COURSE);
    if (!attempt.ok) throw new Error("attempt refused");
    const view = (await attemptView(user, attempt.attemptId, "es"))!;
    const answer = (index: number) => ({
      questionKey: view.questions[index]!.key,
      option: view.questions[index]!.options[0]!.key,
    });
    // Two questions are drawn: the first answered by the page's form (no script), the second by
    // the script's JSON post, which goes on to the review.
    await expectNoFullScans(
      () =>
        server.request(`/quiz/${attempt.attemptId}`, {
          cookie,
          form: { step: String(view.step), intent: "next", ...answer(0) },
        }),
      302,
    );
    const next = (await attemptView(user, attempt.attemptId, "es"))!;
    await expectNoFullScans(
      () =>
        server.request(`/quiz/${attempt.attemptId}/events`, {
          cookie,
          form: { step: String(next.step), intent: "review", ...answer(1) },
        }),
      200,
    );
    // Grading: the attempt, the item analysis rows, completion and the certificate.
    const { step } = (await attemptView(user, attempt.attemptId, "es"))!;
    await expectNoFullScans(
      () => server.request(`/quiz/${attempt.attemptId}`, { cookie, form: { step: String(step), intent: "submit" } }),
      302,
    );
    expect(await db().quizAttempt.count({ where: { id: attempt.attemptId, submittedAt: { not: null } } })).toBe(1);
  });

  it("verifies a certificate by index only", async () => {
    const user = await currentUserFor();
    await completeSampleCourse(user);
    const { code } = await db().certificate.findFirstOrThrow({ where: { userId: user.id }, select: { code: true } });
    await expectNoFullScans(() => server.request(`/verify/${code}`), 200);
    await expectNoFullScans(() => server.request(`/verify/MAD-0000-0000-0000`), 404);
  });
});

describe("the HR dashboard", () => {
  it("reads a city's figures by index only: city-wide, for a department subtree and for a course", async () => {
    const hr = await createUser({ city: "madrid", roles: ["HR"] });
    const cookie = await sessionCookie(hr.id);
    const city = await db().city.findUniqueOrThrow({ where: { slug: "madrid" }, select: { id: true } });
    // A department with departments under it, and a course the city assigns.
    const department = await db().department.findFirstOrThrow({
      where: { cityId: city.id, children: { some: {} } },
      select: { id: true },
    });
    const assigned = await db().assignment.findFirstOrThrow({
      where: { cityId: city.id },
      select: { course: { select: { key: true } } },
    });
    expect(await db().personAssignment.count({ where: { cityId: city.id } })).toBeGreaterThan(100);
    const year = "from=2025-01-01&to=2026-12-31";
    for (const query of [
      year,
      `${year}&department=${department.id}`,
      `${year}&course=${assigned.course.key}`,
      `${year}&department=${department.id}&course=${assigned.course.key}&mandatory=1`,
    ])
      await expectNoFullScans(() => server.request(`/hr?${query}`, { cookie }), 200);
  });
});
