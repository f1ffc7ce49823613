/**
 * The count tables item analysis reads (decision 037): after any sequence of graded attempts
 * (first and later ones, random answers) they equal the GROUP BY over the rows grading wrote; the
 * deploy's backfill rebuilds them from the rows; a person's erasure keeps their attempts, so the
 * counts and the analysis stay as they were.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAnswerCounts } from "~/analysis/answer-counts.server.ts";
import { versionAnalysis } from "~/analysis/item-analysis.server.ts";
import { setClockOffset } from "~/clock.server.ts";
import { db } from "~/db.server.ts";
import { enroll } from "~/learning/enrollments.server.ts";
import { erasePerson } from "~/privacy/erasure.server.ts";
import { attemptView, backfillQuestionAnswers, sendAttemptEvents, startAttempt } from "~/quiz/attempts.server.ts";
import { createUser } from "../support/factories.ts";
import { currentUserFor, importSampleCourse, SAMPLE_COURSE } from "../support/learning.ts";

let versionId: string;
let clock = 0;

const byKey = <T extends object>(groups: T[]) =>
  groups.map((group) => JSON.stringify(Object.entries(group).sort(([a], [b]) => a.localeCompare(b)))).sort();

/** The counts, and the same groups counted straight from the rows (first attempts only). */
async function countsAndRows() {
  const counts = await readAnswerCounts(versionId);
  const [answers, choices] = await Promise.all([
    db().$queryRaw<
      Array<{ questionId: string; correct: unknown; attemptCorrect: unknown; attemptTotal: unknown; count: unknown }>
    >`
      SELECT "questionId", "correct", "attemptCorrect", "attemptTotal", COUNT(*) AS "count" FROM "QuestionAnswer"
       WHERE "versionId" = ${versionId} AND "firstAttempt" = ${true}
       GROUP BY "questionId", "correct", "attemptCorrect", "attemptTotal"`,
    db().$queryRaw<Array<{ questionId: string; chosen: string; count: unknown }>>`
      SELECT "questionId", "chosen", COUNT(*) AS "count" FROM "QuestionAnswer"
       WHERE "versionId" = ${versionId} AND "firstAttempt" = ${true}
       GROUP BY "questionId", "chosen"`,
  ]);
  return {
    counts: { answers: byKey(counts.answers), choices: byKey(counts.choices) },
    rows: {
      answers: byKey(
        answers.map((row) => ({
          versionId,
          questionId: row.questionId,
          correct: Boolean(row.correct),
          attemptCorrect: Number(row.attemptCorrect),
          attemptTotal: Number(row.attemptTotal),
          count: Number(row.count),
        })),
      ),
      choices: byKey(
        choices.map((row) => ({ versionId, questionId: row.questionId, chosen: row.chosen, count: Number(row.count) })),
      ),
    },
  };
}

/** An attempt answered with the options picked by `picks` (bit masks over each question's options), submitted. */
async function gradedAttempt(user: Awaited<ReturnType<typeof currentUserFor>>, picks: number[]): Promise<boolean> {
  const started = await startAttempt(user, SAMPLE_COURSE);
  if (!started.ok) return false;
  let view = (await attemptView(user, started.attemptId, "es"))!;
  for (let index = 0; index < view.total; index += 1) {
    const question = view.questions[index]!;
    const mask = picks[index % picks.length]!;
    const options = question.options.map((option) => option.key).filter((_, bit) => (mask >> bit) & 1);
    const chosen = question.multiple ? options : options.slice(0, 1);
    const status = await sendAttemptEvents(user, started.attemptId, view.step, [
      ...(chosen.length > 0 ? [{ type: "ANSWER" as const, questionKey: question.key, options: chosen }] : []),
      index === view.total - 1 ? { type: "REVIEW" as const } : { type: "NEXT" as const },
    ]);
    if (status.status !== "accepted") throw new Error(`answer refused: ${status.status}`);
    view = (await attemptView(user, started.attemptId, "es"))!;
  }
  const submitted = await sendAttemptEvents(user, started.attemptId, view.step, [{ type: "SUBMIT" }]);
  if (submitted.status !== "accepted") throw new Error(`submit refused: ${submitted.status}`);
  return true;
}

beforeAll(async () => {
  await importSampleCourse();
  const course = await db().course.findUniqueOrThrow({ where: { key: SAMPLE_COURSE }, select: { currentVersionId: true } });
  versionId = course.currentVersionId!;
});

afterAll(() => setClockOffset(0));

describe("the counts", () => {
  it("equal the rows counted by GROUP BY after any sequence of graded attempts", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ learner: fc.nat(2), picks: fc.array(fc.nat(7), { minLength: 1, maxLength: 3 }) }), {
          minLength: 1,
          maxLength: 6,
        }),
        async (attempts) => {
          const learners = await Promise.all([0, 1, 2].map(() => currentUserFor()));
          for (const learner of learners) await enroll(learner, SAMPLE_COURSE);
          for (const { learner, picks } of attempts) {
            // Past the cooldown, so a learner's next attempt (not a first one) can start.
            setClockOffset((clock += 61 * 60_000));
            await gradedAttempt(learners[learner]!, picks);
          }
          const { counts, rows } = await countsAndRows();
          expect(counts).toEqual(rows);
        },
      ),
      { numRuns: 4 },
    );
    const { counts } = await countsAndRows();
    expect(counts.answers.length).toBeGreaterThan(0);
  });

  it("are rebuilt from the rows by the backfill, once", async () => {
    const before = await countsAndRows();
    // Counts lost (a version graded before the count tables existed) and rows deleted by hand.
    await db().questionAnswerCount.deleteMany({ where: { versionId } });
    await db().questionChoiceCount.deleteMany({ where: { versionId } });
    await backfillQuestionAnswers();
    expect(await countsAndRows()).toEqual(before);

    const attempt = await db().quizAttempt.findFirstOrThrow({ where: { versionId, number: 1, submittedAt: { not: null } } });
    await db().questionAnswer.deleteMany({ where: { attemptId: attempt.id } });
    expect(await backfillQuestionAnswers()).toBeGreaterThanOrEqual(1);
    expect(await countsAndRows()).toEqual(before);
    expect(await backfillQuestionAnswers()).toBe(0);
    expect(await countsAndRows()).toEqual(before);
  });

  it("and the analysis stay as they were when a learner who took the quiz is erased", async () => {
    const attempt = await db().quizAttempt.findFirstOrThrow({
      where: { versionId, number: 1, submittedAt: { not: null } },
      select: { enrollment: { select: { user: { select: { id: true, cityId: true } } } } },
    });
    const person = attempt.enrollment.user;
    const admin = await createUser({ roles: ["CITY_ADMIN"] });
    const before = { counts: await countsAndRows(), analysis: await versionAnalysis(versionId, "es", "es") };
    expect(await erasePerson({ cityId: person.cityId, actorId: admin.id, userId: person.id, via: "admin" })).toEqual({
      ok: true,
    });
    expect(await countsAndRows()).toEqual(before.counts);
    expect(await versionAnalysis(versionId, "es", "es")).toEqual(before.analysis);
  });
});
