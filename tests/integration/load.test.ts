/**
 * Load without loss, the short version (the long one: `npm run bench:load`): learners enrol, read,
 * answer and submit at once through the real HTTP server, with doubled, out-of-order and late
 * posts, while HR exports and a trainer publishes; then every submitted attempt is stored once
 * with its score, nothing is doubled, every earned certificate exists once, and item analysis's
 * count rows equal the counts of the stored answers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { checkLoad, prepareLoad, runLoad } from "../../scripts/load.ts";
import { importSampleCourse } from "../support/learning.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

let server: TestServer;

beforeAll(async () => {
  await importSampleCourse();
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
});

describe("many learners at once", () => {
  it("lose nothing and double nothing, with exports and a publish during the run", async () => {
    const setup = await prepareLoad(24);
    const report = await runLoad(setup, { origins: [server.origin], concurrency: 10 });
    expect(report.errors).toEqual([]);
    expect(report.attempts.size).toBe(24);
    expect(report.exports).toBeGreaterThan(0);
    expect(report.publishedVersion).toBe(2);
    expect(await checkLoad(setup, report)).toEqual([]);
    // Scores 0, 50 and 100 by plan: a third of the learners failed, with no certificate.
    const scores = await db().quizAttempt.groupBy({
      by: ["score"],
      where: { enrollment: { courseId: setup.courseId } },
      _count: { _all: true },
      orderBy: { score: "asc" },
    });
    expect(scores.map((row) => [row.score, row._count._all])).toEqual([
      [0, 8],
      [50, 8],
      [100, 8],
    ]);
  }, 60_000);
});
