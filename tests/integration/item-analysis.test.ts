/**
 * Item analysis: grading writes one row per drawn question and their counts in the score's
 * transaction (a grade that fails writes neither); the statistics of a small dataset computed by hand, first attempts
 * only, under the five-learner floor; the page for the course's authors (404 to another city's,
 * 403 to a learner).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAnswerCounts, recordQuestionAnswers } from "~/analysis/answer-counts.server.ts";
import { isFirstAttempt } from "~/analysis/question-answers.ts";
import { versionAnalysis } from "~/analysis/item-analysis.server.ts";
import { copyNetworkCourse, readDraft, type AuthorScope } from "~/authoring/drafts.server.ts";
import { publishDraft } from "~/authoring/publish.server.ts";
import { db } from "~/db.server.ts";
import { enroll } from "~/learning/enrollments.server.ts";
import { attemptView, backfillQuestionAnswers, sendAttemptEvents, startAttempt } from "~/quiz/attempts.server.ts";
import { createUser, sessionCookie, type TestUser } from "../support/factories.ts";
import { mainContent, parseHtml, visibleText } from "../support/html.ts";
import { answerAll, currentUserFor, importSampleCourse, SAMPLE_COURSE, takeAttempt } from "../support/learning.ts";
import { startTestServer, type TestServer } from "../support/server.ts";

let server: TestServer;
let trainer: TestUser;
let saoPauloTrainer: TestUser;
let learner: TestUser;
let cityCourse: string;
let versionId: string;
let questionIds: Map<string, string>;

const scopeOf = (user: TestUser): AuthorScope => ({ cityId: user.cityId, citySlug: user.citySlug, userId: user.id });

async function rowsOf(attemptId: string) {
  return db().questionAnswer.findMany({ where: { attemptId }, orderBy: { questionId: "asc" } });
}

type Answer = [question: "sky" | "fruits" | "water", correct: boolean, chosen: string[]];

/** A graded attempt of the city course with its rows, as grading would write them. */
async function gradedAttempt(user: { id: string }, courseId: string, cycle: number, number: number, answers: Answer[]) {
  const enrollment = await db().enrollment.upsert({
    where: { userId_courseId_cycle: { userId: user.id, courseId, cycle } },
    create: { userId: user.id, courseId, cycle },
    update: {},
  });
  const attemptCorrect = answers.filter(([, correct]) => correct).length;
  const attempt = await db().quizAttempt.create({
    data: {
      enrollmentId: enrollment.id,
      versionId,
      number,
      questions: "[]",
      snapshot: "{}",
      startedAt: new Date(),
      submittedAt: new Date(),
      score: Math.floor((attemptCorrect * 100) / answers.length),
      passed: false,
    },
  });
  const ids = { sky: "colour-of-sky", fruits: "pick-fruits", water: "water-is-wet" };
  await db().$transaction((tx) =>
    recordQuestionAnswers(
      tx,
      answers.map(([question, correct, chosen]) => ({
        attemptId: attempt.id,
        questionId: questionIds.get(ids[question])!,
        versionId,
        correct,
        chosen: JSON.stringify([...chosen].sort()),
        firstAttempt: isFirstAttempt(number, cycle),
        attemptCorrect,
        attemptTotal: answers.length,
      })),
    ),
  );
}

beforeAll(async () => {
  await importSampleCourse();
  server = await startTestServer();
  trainer = await createUser({ roles: ["TRAINER"] });
  saoPauloTrainer = await createUser({ city: "sao-paulo", roles: ["TRAINER"] });
  learner = await createUser();
  const copy = await copyNetworkCourse(scopeOf(trainer), SAMPLE_COURSE);
  if (!copy.ok) throw new Error(copy.problem);
  cityCourse = copy.key;
  const draft = (await readDraft(scopeOf(trainer), cityCourse))!;
  const published = await publishDraft(scopeOf(trainer), cityCourse, draft.revision);
  if (!published.ok) throw new Error(JSON.stringify(published));
  const course = await db().course.findUniqueOrThrow({
    where: { key: cityCourse },
    select: { id: true, currentVersion: { select: { id: true, quiz: { select: { questions: true } } } } },
  });
  versionId = course.currentVersion!.id;
  questionIds = new Map(course.currentVersion!.quiz!.questions.map((question) => [question.key, question.id]));
});

afterAll(async () => {
  await server.close();
});

describe("grading", () => {
  it("writes one row per drawn question with the score, on a failing and on a passing attempt", async () => {
    for (const rightly of [false, true]) {
      const user = await currentUserFor();
      await enroll(user, SAMPLE_COURSE);
      const started = await startAttempt(user, SAMPLE_COURSE);
      if (!started.ok) throw new Error("refused");
      await takeAttempt(user, started.attemptId, rightly);
      const attempt = await db().quizAttempt.findUniqueOrThrow({ where: { id: started.attemptId } });
      expect(attempt.score).toBe(rightly ? 100 : 0);
      const rows = await rowsOf(started.attemptId);
      const drawn = (JSON.parse(attempt.questions) as Array<{ key: string }>).map((question) => question.key);
      expect(rows).toHaveLength(drawn.length);
      const questions = await db().question.findMany({ where: { id: { in: rows.map((row) => row.questionId) } } });
      expect(questions.map((question) => question.key).sort()).toEqual([...drawn].sort());
      for (const row of rows) {
        expect(row).toMatchObject({
          versionId: attempt.versionId,
          correct: rightly,
          firstAttempt: true,
          attemptCorrect: rightly ? drawn.length : 0,
          attemptTotal: drawn.length,
        });
        const key = questions.find((question) => question.id === row.questionId)!;
        const correct = (JSON.parse(key.correct) as string[]).sort();
        if (rightly) expect(JSON.parse(row.chosen)).toEqual(correct);
        else expect(JSON.parse(row.chosen)).not.toEqual(correct);
      }
    }
  });

  it("writes neither the score nor any row when the grade cannot be written", async () => {
    const user = await currentUserFor();
    await enroll(user, SAMPLE_COURSE);
    const started = await startAttempt(user, SAMPLE_COURSE);
    if (!started.ok) throw new Error("refused");
    const step = await answerAll(user, started.attemptId, false);
    const view = (await attemptView(user, started.attemptId, "es"))!;
    const question = await db().question.findFirstOrThrow({
      where: {
        key: view.questions[1]!.key,
        quiz: { versionId: (await db().quizAttempt.findUniqueOrThrow({ where: { id: started.attemptId } })).versionId },
      },
    });
    // A row already there for the attempt's second question makes the grade's insert fail.
    const attempt = await db().quizAttempt.findUniqueOrThrow({ where: { id: started.attemptId } });
    await db().questionAnswer.create({
      data: {
        attemptId: attempt.id,
        questionId: question.id,
        versionId: attempt.versionId,
        correct: true,
        chosen: "[]",
        firstAttempt: true,
        attemptCorrect: 0,
        attemptTotal: 0,
      },
    });
    const counts = await readAnswerCounts(attempt.versionId);
    await expect(sendAttemptEvents(user, started.attemptId, step, [{ type: "SUBMIT" }])).rejects.toThrow();
    expect(await readAnswerCounts(attempt.versionId)).toEqual(counts);
    const after = await db().quizAttempt.findUniqueOrThrow({ where: { id: started.attemptId } });
    expect(after).toMatchObject({ submittedAt: null, score: null, passed: null, step });
    const rows = await rowsOf(started.attemptId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.attemptTotal).toBe(0);
  });

  it("fills in the rows of attempts graded before they were written, once", async () => {
    const user = await currentUserFor();
    await enroll(user, SAMPLE_COURSE);
    const started = await startAttempt(user, SAMPLE_COURSE);
    if (!started.ok) throw new Error("refused");
    await takeAttempt(user, started.attemptId, true);
    const written = await rowsOf(started.attemptId);
    await db().questionAnswer.deleteMany({ where: { attemptId: started.attemptId } });
    expect(await backfillQuestionAnswers()).toBeGreaterThanOrEqual(1);
    expect(await rowsOf(started.attemptId)).toEqual(written);
    expect(await backfillQuestionAnswers()).toBe(0);
  });
});

describe("the statistics", () => {
  it("are computed from first attempts only, as by hand, with the five-learner floor per question", async () => {
    const course = await db().course.findUniqueOrThrow({ where: { key: cityCourse }, select: { id: true } });
    const learners = await Promise.all(Array.from({ length: 7 }, () => createUser()));
    const [l1, l2, l3, l4, l5, l6, l7] = learners as [TestUser, TestUser, TestUser, TestUser, TestUser, TestUser, TestUser];
    await gradedAttempt(l1, course.id, 1, 1, [
      ["sky", true, ["blue"]],
      ["fruits", true, ["apple", "pear"]],
    ]);
    await gradedAttempt(l2, course.id, 1, 1, [
      ["sky", true, ["blue"]],
      ["fruits", false, ["apple"]],
    ]);
    await gradedAttempt(l3, course.id, 1, 1, [
      ["sky", false, ["green"]],
      ["fruits", false, ["stone"]],
    ]);
    await gradedAttempt(l4, course.id, 1, 1, [
      ["sky", true, ["blue"]],
      ["water", true, ["true"]],
    ]);
    await gradedAttempt(l5, course.id, 1, 1, [
      ["sky", false, ["green"]],
      ["water", false, ["false"]],
    ]);
    await gradedAttempt(l6, course.id, 1, 1, [
      ["fruits", true, ["apple", "pear"]],
      ["water", true, ["true"]],
    ]);
    // Not counted: a second attempt, and the first attempt of a recertification cycle.
    await gradedAttempt(l1, course.id, 1, 2, [
      ["sky", false, ["green"]],
      ["water", false, []],
    ]);
    await gradedAttempt(l7, course.id, 2, 1, [
      ["sky", false, ["green"]],
      ["fruits", false, []],
    ]);

    const analysis = await versionAnalysis(versionId, "es", "es");
    expect(analysis.learners).toBe(6);
    expect(analysis.enoughData).toBe(true);
    // Scores 100, 50, 0, 100, 0, 100.
    expect(analysis.histogram.map((bin) => bin.count)).toEqual([2, 0, 0, 0, 0, 1, 0, 0, 0, 3]);
    const [sky, fruits, water] = analysis.questions;
    expect(sky!.text).toBe("¿De qué color es el cielo?");
    // Sky: x = 1,1,0,1,0; the other question's 0/1: 1,0,0,1,0. n=5, Σx=3, Σr=2, Σxr=2, Σr²=2:
    // (5·2 − 3·2) / √((5·3 − 9)(5·2 − 4)) = 4/6.
    expect(sky!.statistics).toMatchObject({ seen: 5, enoughData: true, facility: 3 / 5, none: 0, flags: [] });
    expect(sky!.statistics.discrimination).toBeCloseTo(2 / 3, 10);
    expect(sky!.options).toEqual([
      { key: "blue", text: "Azul", correct: true, count: 3 },
      { key: "green", text: "Verde", correct: false, count: 2 },
    ]);
    // Four and three learners: not enough data, and no counts given.
    expect(fruits!.statistics).toMatchObject({ seen: 4, enoughData: false, facility: null, discrimination: null });
    expect(fruits!.options.every((option) => option.count === 0)).toBe(true);
    expect(water!.statistics).toMatchObject({ seen: 3, enoughData: false });

    // The page, for the course's trainer, in Spanish.
    const response = await server.request(`/author/${cityCourse}/quiz/analysis`, { cookie: await sessionCookie(trainer.id) });
    expect(response.status).toBe(200);
    const text = visibleText(mainContent(parseHtml(await response.text())));
    expect(text).toContain("6 personas hicieron su primer intento en esta versión.");
    expect(text).toContain("60 %");
    expect(text).toContain("0,67");
    expect(text).toContain("Datos insuficientes: menos de 5 personas vieron esta pregunta.");
    expect(text).not.toContain(l1.name);
  });
});

describe("the page", () => {
  it("is not found for another city's trainer and forbidden to a learner", async () => {
    const path = `/author/${cityCourse}/quiz/analysis`;
    expect((await server.request(path, { cookie: await sessionCookie(saoPauloTrainer.id) })).status).toBe(404);
    expect((await server.request(path, { cookie: await sessionCookie(learner.id) })).status).toBe(403);
  });
});
