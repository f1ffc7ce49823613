/**
 * Loaders read; the one exception is the reconcile (app/learning/reconcile.server.ts), whose
 * writes are named: a GET of every page a learner sees, in every state of a course, leaves
 * every row of every table as it was, and a GET that finds an attempt past its deadline writes
 * exactly its grade, the completion and the certificate.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, Prisma } from "~/db.server.ts";
import { enroll, markLessonComplete } from "~/learning/enrollments.server.ts";
import { startAttempt } from "~/quiz/attempts.server.ts";
import { sessionCookie } from "../support/factories.ts";
import { answerAll, currentUserFor, importSampleCourse, SAMPLE_COURSE, takeAttempt } from "../support/learning.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

let server: TestServer;

beforeAll(async () => {
  await importSampleCourse();
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

type Tables = Record<string, string[]>;

/**
 * Every row of every table, as text, in a stable order. Certificate PDF downloads are rate
 * limited (decision 011): the counters of that limit are the one other write a GET makes, so
 * they are left out here and checked apart below.
 */
async function allRows(): Promise<Tables> {
  const tables: Tables = {};
  for (const model of Object.values(Prisma.ModelName)) {
    const rows = await db().$queryRawUnsafe<Array<Record<string, unknown>>>(
      model === "Throttle" ? `SELECT * FROM "Throttle" WHERE "key" NOT LIKE 'pdf:%'` : `SELECT * FROM "${model}"`,
    );
    tables[model] = rows
      .map((row) => JSON.stringify(row, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value)))
      .sort();
  }
  return tables;
}

/** The tables whose rows differ, with how many rows each gained (negative: lost). */
function changedTables(before: Tables, after: Tables): Record<string, number> {
  const changed: Record<string, number> = {};
  for (const [table, rows] of Object.entries(after)) {
    const old = before[table] ?? [];
    if (JSON.stringify(old) !== JSON.stringify(rows)) changed[table] = rows.length - old.length;
  }
  return changed;
}

async function started(user: Awaited<ReturnType<typeof currentUserFor>>, courseKey: string): Promise<string> {
  const attempt = await startAttempt(user, courseKey);
  if (!attempt.ok) throw new Error("attempt refused");
  return attempt.attemptId;
}

async function getAll(cookie: string, paths: string[]): Promise<void> {
  for (const pathname of paths) {
    const response = await server.request(pathname, { cookie });
    expect({ pathname, status: response.status }).toEqual({ pathname, status: 200 });
    await response.arrayBuffer();
  }
}

describe("page views write nothing", () => {
  it("leaves every table unchanged after a learner opens every page, with a course completed, one failed, one in progress", async () => {
    const user = await currentUserFor();
    const cookie = await sessionCookie(user.id);
    // Completed and certified.
    await enroll(user, SAMPLE_COURSE);
    for (const lesson of ["first-steps", "next-steps"]) await markLessonComplete(user, SAMPLE_COURSE, lesson);
    const passed = await started(user, SAMPLE_COURSE);
    await takeAttempt(user, passed, true);
    const { code } = await db().certificate.findFirstOrThrow({ where: { userId: user.id }, select: { code: true } });
    // Failed once, in its cool-down.
    await enroll(user, "personal-data-and-privacy");
    const failed = await started(user, "personal-data-and-privacy");
    await takeAttempt(user, failed, false, "personal-data-and-privacy");
    // In progress: one lesson read, an attempt open.
    await enroll(user, "ai-fundamentals");
    await markLessonComplete(user, "ai-fundamentals", "what-ai-is");
    const open = await started(user, "ai-fundamentals");

    const before = await allRows();
    await getAll(cookie, [
      "/",
      "/courses",
      `/courses/${SAMPLE_COURSE}`,
      `/learn/${SAMPLE_COURSE}/first-steps`,
      `/learn/${SAMPLE_COURSE}/quiz`,
      `/quiz/${passed}`,
      `/courses/personal-data-and-privacy`,
      `/learn/personal-data-and-privacy/quiz`,
      `/quiz/${failed}`,
      `/courses/ai-fundamentals`,
      `/learn/ai-fundamentals/machine-learning`,
      `/learn/ai-fundamentals/machine-learning.data`,
      `/learn/ai-fundamentals/quiz`,
      `/quiz/${open}`,
      `/quiz/${open}.data`,
      "/certificates",
      `/certificates/${code}/pdf`,
      `/verify/${code}`,
      "/profile",
    ]);
    expect(changedTables(before, await allRows())).toEqual({});
    // The PDF download was counted against the holder's download limit, and nothing else was.
    const counted = await db().throttle.findMany({ where: { key: { startsWith: "pdf:" } }, select: { key: true, count: true } });
    expect(counted).toContainEqual({ key: `pdf:account:${user.id}`, count: 1 });
  });

  it("lets only the reconcile write: an attempt past its deadline is graded, completed and certified, once", async () => {
    const user = await currentUserFor();
    const cookie = await sessionCookie(user.id);
    const enrollment = (await enroll(user, SAMPLE_COURSE))!;
    for (const lesson of ["first-steps", "next-steps"]) await markLessonComplete(user, SAMPLE_COURSE, lesson);
    const attemptId = await started(user, SAMPLE_COURSE);
    await answerAll(user, attemptId, true);
    // Time ran out before the learner submitted.
    await db().quizAttempt.update({ where: { id: attemptId }, data: { deadline: new Date(Date.now() - 60_000) } });

    const before = await allRows();
    // Pages without a reconcile show the attempt as stored.
    await getAll(cookie, ["/", `/learn/${SAMPLE_COURSE}/first-steps`, "/certificates"]);
    expect(changedTables(before, await allRows())).toEqual({});

    await getAll(cookie, [`/quiz/${attemptId}`]);
    const after = await allRows();
    // The grade, the completion and the certificate, with the item analysis's rows of its two
    // questions and their counts (added to rows earlier tests' first attempts made, or new ones).
    expect(changedTables(before, after)).toEqual({
      QuizAttempt: 0,
      Enrollment: 0,
      Certificate: 1,
      QuestionAnswer: 2,
      QuestionAnswerCount: expect.any(Number),
      QuestionChoiceCount: expect.any(Number),
    });
    expect(await db().quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { passed: true, score: true } })).toEqual(
      { passed: true, score: 100 },
    );
    expect(
      await db().enrollment.findUniqueOrThrow({
        where: { id: enrollment.id },
        select: { completedAt: true, certificate: { select: { score: true } } },
      }),
    ).toMatchObject({ completedAt: expect.any(Date), certificate: { score: 100 } });

    // Nothing is owed any more: the same pages again write nothing.
    await getAll(cookie, [`/quiz/${attemptId}`, `/learn/${SAMPLE_COURSE}/quiz`, `/courses/${SAMPLE_COURSE}`]);
    expect(changedTables(after, await allRows())).toEqual({});
  });
});
