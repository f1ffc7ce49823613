/**
 * Quiz attempts, with the server as the authority: every post carries the attempt id and the
 * step it was rendered at, is replayed on the persisted machine snapshot and stored only if
 * the step still matches and every event is allowed. Submitted attempts never change.
 */
import { randomInt } from "node:crypto";
import { createActor, type Snapshot } from "xstate";
import { z } from "zod";
import type { CurrentUser } from "~/auth/guards.server.ts";
import { now } from "~/clock.server.ts";
import { parseLocales, pickLocale, readLocalized } from "~/courses/localized.ts";
import { db, Prisma, rawDate } from "~/db.server.ts";
import { passingVersionSelect } from "~/certificates/certificates.server.ts";
import type { Locale } from "~/i18n/locales.ts";
import { commitProgress, findCourseId, findEnrollment, recordPosition } from "~/learning/enrollments.server.ts";
import { gradeAttempt } from "./grading.ts";
import { quizMachine, type AttemptQuestion, type QuizEvent, type QuizInput, type QuizState } from "./machine.ts";
import { quizExtrasFor } from "~/assignments/accommodations.server.ts";
import { rebuildAnswerCounts, recordQuestionAnswers, uncountedVersions } from "~/analysis/answer-counts.server.ts";
import { questionAnswerRows, type QuestionAnswerRow } from "~/analysis/question-answers.ts";
import {
  attemptAllowance,
  attemptDeadline,
  attemptDecision,
  attemptWriteCondition,
  isPastDeadline,
  timeLimitWithExtra,
  type AttemptDecision,
  type AttemptRules,
} from "./policy.ts";

const drawnSchema = z.array(z.object({ key: z.string(), options: z.array(z.string()), multiple: z.boolean() }));
const stringList = z.array(z.string());
const optionTexts = z.array(z.object({ key: z.string(), text: z.partialRecord(z.string(), z.string()) }));
// Schemas are made once: zod compiles a schema on its first use, which costs far more than a parse.
const snapshotMode = z.object({ context: z.object({ mode: z.enum(["exam", "practice"]) }) });

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = randomInt(index + 1);
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

async function courseQuiz(user: CurrentUser, courseKey: string) {
  const courseId = await findCourseId(user, courseKey);
  if (!courseId) return null;
  const course = await db().course.findUniqueOrThrow({
    where: { id: courseId },
    select: {
      currentVersion: {
        select: {
          id: true,
          quiz: {
            select: {
              id: true,
              passMark: true,
              attemptLimit: true,
              cooldownMinutes: true,
              timeLimitMinutes: true,
              draw: true,
              mode: true,
            },
          },
        },
      },
    },
  });
  const quiz = course.currentVersion?.quiz;
  if (!quiz || !course.currentVersion) return null;
  const [enrollment, extras] = await Promise.all([findEnrollment(user.id, courseId), quizExtrasFor(user.id, courseId)]);
  // The learner's accommodations (extra attempts, extra time) are inputs to the same rules.
  const rules: AttemptRules = {
    attemptLimit: quiz.attemptLimit,
    cooldownMinutes: quiz.cooldownMinutes,
    extraAttempts: extras.extraAttempts,
  };
  return { courseId, versionId: course.currentVersion.id, quiz, enrollment, rules, extras };
}

async function pastAttempts(enrollmentId: string) {
  return db().quizAttempt.findMany({
    where: { enrollmentId },
    orderBy: { number: "asc" },
    select: { id: true, number: true, submittedAt: true, passed: true, score: true, deadline: true, step: true },
  });
}

/**
 * The quiz's start page: the rules, past attempts, and whether a new attempt may start. Reads
 * only: an attempt past its deadline is graded by `settleExpiredAttempts` (the page's reconcile).
 */
export async function quizOverview(user: CurrentUser, courseKey: string) {
  const context = await courseQuiz(user, courseKey);
  if (!context) return null;
  if (!context.enrollment) return { enrolled: false as const };
  const attempts = await pastAttempts(context.enrollment.id);
  const { quiz, rules, extras } = context;
  const decision: AttemptDecision = attemptDecision(attempts, rules, now());
  return {
    enrolled: true as const,
    settings: {
      passMark: quiz.passMark,
      attemptLimit: attemptAllowance(rules),
      cooldownMinutes: quiz.cooldownMinutes,
      timeLimitMinutes: timeLimitWithExtra(quiz.timeLimitMinutes, extras.extraTimePercent),
      extraTimePercent: quiz.timeLimitMinutes ? extras.extraTimePercent : 0,
      draw: quiz.draw,
      mode: quiz.mode,
    },
    attempts: attempts.map(({ number, submittedAt, passed, score, id }) => ({ id, number, submittedAt, passed, score })),
    openAttemptId: attempts.find((attempt) => !attempt.submittedAt)?.id ?? null,
    decision,
  };
}

/** Starts an attempt when the policy allows it; a double submit returns the same open attempt. */
export async function startAttempt(
  user: CurrentUser,
  courseKey: string,
): Promise<{ ok: true; attemptId: string } | { ok: false; decision: AttemptDecision | null }> {
  const context = await courseQuiz(user, courseKey);
  if (!context?.enrollment) return { ok: false, decision: null };
  const attempts = await pastAttempts(context.enrollment.id);
  const open = attempts.find((attempt) => !attempt.submittedAt);
  const { enrollment, quiz, rules, extras } = context;
  // "Continue" leads back to the quiz once the learner has started it.
  await recordPosition(enrollment.id, "quiz", enrollment.lastPosition);
  if (open) return { ok: true, attemptId: open.id };
  const decision = attemptDecision(attempts, rules, now());
  if (!decision.allowed) return { ok: false, decision };

  const pool = await db().question.findMany({ where: { quizId: quiz.id }, select: { key: true, type: true, options: true } });
  const questions: AttemptQuestion[] = shuffled(pool)
    .slice(0, quiz.draw)
    .map((question) => ({
      key: question.key,
      multiple: question.type === "multiple",
      options:
        question.type === "true-false"
          ? ["true", "false"]
          : shuffled(optionTexts.parse(JSON.parse(question.options)).map((option) => option.key)),
    }));
  const input: QuizInput = { questions, mode: quiz.mode === "practice" ? "practice" : "exam" };
  const actor = createActor(quizMachine, { input });
  actor.start();
  actor.send({ type: "START" });
  const startedAt = now();
  try {
    const created = await db().quizAttempt.create({
      data: {
        enrollmentId: context.enrollment.id,
        versionId: context.versionId,
        number: attempts.length + 1,
        questions: JSON.stringify(questions),
        snapshot: JSON.stringify(actor.getPersistedSnapshot()),
        startedAt,
        deadline: attemptDeadline(startedAt, quiz.timeLimitMinutes, extras.extraTimePercent),
      },
      select: { id: true },
    });
    return { ok: true, attemptId: created.id };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const again = (await pastAttempts(context.enrollment.id)).find((attempt) => !attempt.submittedAt);
      if (again) return { ok: true, attemptId: again.id };
    }
    throw error;
  }
}

const attemptSelect = {
  id: true,
  number: true,
  step: true,
  questions: true,
  snapshot: true,
  deadline: true,
  submittedAt: true,
  score: true,
  passed: true,
  versionId: true,
  enrollmentId: true,
} as const;

type AttemptRow = Prisma.QuizAttemptGetPayload<{ select: typeof attemptSelect }>;

/**
 * The attempt, if it belongs to the user. Every quiz post starts here, so it is one portable
 * SQL query: as a Prisma model query, compiling it took a fifth of a post's CPU time (decision
 * 007). Dates and booleans come back as each database stores them and are read back here.
 */
async function findOwnAttempt(user: CurrentUser, attemptId: string): Promise<AttemptRow | null> {
  const rows = await db().$queryRaw<
    Array<Omit<AttemptRow, "deadline" | "submittedAt" | "passed"> & { deadline: unknown; submittedAt: unknown; passed: unknown }>
  >`SELECT a."id", a."number", a."step", a."questions", a."snapshot", a."deadline", a."submittedAt", a."score",
           a."passed", a."versionId", a."enrollmentId"
      FROM "QuizAttempt" a JOIN "Enrollment" e ON e."id" = a."enrollmentId"
     WHERE a."id" = ${attemptId} AND e."userId" = ${user.id}`;
  const row = rows[0];
  if (!row) return null;
  return {
    ...row,
    number: Number(row.number),
    step: Number(row.step),
    score: row.score === null ? null : Number(row.score),
    deadline: rawDate(row.deadline),
    submittedAt: rawDate(row.submittedAt),
    passed: row.passed === null ? null : Boolean(row.passed),
  };
}

function restore(attempt: AttemptRow) {
  const questions = drawnSchema.parse(JSON.parse(attempt.questions));
  const snapshot: unknown = JSON.parse(attempt.snapshot);
  const quizMode = snapshotMode.parse(snapshot).context.mode;
  const actor = createActor(quizMachine, { input: { questions, mode: quizMode }, snapshot: snapshot as Snapshot<unknown> });
  actor.start();
  return actor;
}

async function answerKey(versionId: string) {
  const quiz = await db().quiz.findUniqueOrThrow({
    where: { versionId },
    select: {
      passMark: true,
      questions: { select: { id: true, key: true, correct: true } },
      version: { select: passingVersionSelect },
    },
  });
  return {
    passMark: quiz.passMark,
    version: quiz.version,
    questionIds: new Map(quiz.questions.map((question) => [question.key, question.id])),
    correct: new Map(quiz.questions.map((question) => [question.key, stringList.parse(JSON.parse(question.correct))])),
  };
}

/** The attempt graded: which questions are right, the score, and whether it passed. */
function gradeDrawn(
  drawn: ReadonlyArray<{ key: string }>,
  correct: ReadonlyMap<string, string[]>,
  answers: Readonly<Record<string, readonly string[]>>,
  passMark: number,
) {
  return gradeAttempt(
    drawn.map((question) => ({ key: question.key, correct: correct.get(question.key) ?? [] })),
    answers,
    passMark,
  );
}

export type EventsOutcome = { status: "accepted"; step: number } | { status: "refused" | "stale" | "not-found"; step: null };

/**
 * Applies events in order; all must be allowed, and the stored step must still be the one
 * the page was rendered at. SUBMIT and TIME_UP are graded at once, in the same write; a pass
 * commits with the enrolment's completion and certificate, in one transaction.
 */
async function applyEvents(attempt: AttemptRow, events: QuizEvent[]): Promise<EventsOutcome> {
  if (attempt.submittedAt) return { status: "stale", step: null };
  const actor = restore(attempt);
  for (const event of events) {
    if (!actor.getSnapshot().can(event)) return { status: "refused", step: null };
    actor.send(event);
  }
  const at = now();
  const timeUp = events.some((event) => event.type === "TIME_UP");
  const step = attempt.step + 1;
  const conditionalWrite = (client: Prisma.TransactionClient, grade?: { score: number; passed: boolean }) =>
    client.quizAttempt.updateMany({
      where: attemptWriteCondition(attempt, timeUp, at),
      data: {
        step,
        snapshot: JSON.stringify(actor.getPersistedSnapshot()),
        ...(grade ? { submittedAt: at, score: grade.score, passed: grade.passed } : {}),
      },
    });
  if (actor.getSnapshot().value !== "submitted") {
    const written = await conditionalWrite(db());
    return written.count === 1 ? { status: "accepted", step } : { status: "stale", step: null };
  }
  const [{ passMark, correct, version, questionIds }, { cycle }] = await Promise.all([
    answerKey(attempt.versionId),
    db().enrollment.findUniqueOrThrow({ where: { id: attempt.enrollmentId }, select: { cycle: true } }),
  ]);
  const drawn = drawnSchema.parse(JSON.parse(attempt.questions));
  const { answers } = actor.getSnapshot().context;
  const grade = gradeDrawn(drawn, correct, answers, passMark);
  const { score, passed } = grade;
  actor.send({ type: "GRADED", score, passed });
  // The score and the per-question rows of item analysis are written together or not at all.
  const gradedWrite = async (tx: Prisma.TransactionClient) => {
    if ((await conditionalWrite(tx, { score, passed })).count !== 1) return null;
    await recordQuestionAnswers(tx, questionAnswerRows({ ...attempt, cycle }, drawn, questionIds, answers, grade));
    return step;
  };
  const committed = passed
    ? await commitProgress(attempt.enrollmentId, gradedWrite, { passing: { score, version } })
    : await db().$transaction(gradedWrite);
  return committed === null ? { status: "stale", step: null } : { status: "accepted", step: committed };
}

/**
 * Item analysis rows for attempts graded before they were written at grading: each such attempt's
 * snapshot read once, graded again by the same function; then the counts of the versions it
 * filled in, and of versions counted before the count tables existed, are rebuilt from their rows
 * (decision 037). Idempotent; a data step of `scripts/db.ts deploy` (decision 033). Returns how
 * many attempts it filled in.
 */
export async function backfillQuestionAnswers(batchSize = 200): Promise<number> {
  const filled = await backfillRows(batchSize);
  for (const versionId of new Set([...filled.versions, ...(await uncountedVersions())])) await rebuildAnswerCounts(versionId);
  return filled.attempts;
}

async function backfillRows(batchSize: number): Promise<{ attempts: number; versions: Set<string> }> {
  const filled = { attempts: 0, versions: new Set<string>() };
  const keys = new Map<string, Awaited<ReturnType<typeof answerKey>>>();
  for (let after = ""; ;) {
    const batch = await db().quizAttempt.findMany({
      where: { id: { gt: after }, submittedAt: { not: null }, answers: { none: {} } },
      select: { ...attemptSelect, enrollment: { select: { cycle: true } } },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (batch.length === 0) return filled;
    const rows: QuestionAnswerRow[] = [];
    for (const { enrollment, ...attempt } of batch) {
      let key = keys.get(attempt.versionId);
      if (!key) keys.set(attempt.versionId, (key = await answerKey(attempt.versionId)));
      const { answers } = restore(attempt).getSnapshot().context;
      const drawn = drawnSchema.parse(JSON.parse(attempt.questions));
      const grade = gradeDrawn(drawn, key.correct, answers, key.passMark);
      rows.push(...questionAnswerRows({ ...attempt, cycle: enrollment.cycle }, drawn, key.questionIds, answers, grade));
      after = attempt.id;
      filled.versions.add(attempt.versionId);
    }
    await db().questionAnswer.createMany({ data: rows });
    filled.attempts += batch.length;
    if (batch.length < batchSize) return filled;
  }
}

/** After the deadline, the attempt is graded with the answers stored before it. The one place that does. */
async function settleIfExpired(attempt: AttemptRow): Promise<boolean> {
  if (!isPastDeadline(attempt, now())) return false;
  await applyEvents(attempt, [{ type: "TIME_UP" }]);
  return true;
}

/** Part of the pages' reconcile (app/learning/reconcile.server.ts): grades an enrolment's expired attempts. */
export async function settleExpiredAttempts(enrollmentId: string): Promise<void> {
  const open = await db().quizAttempt.findMany({
    where: { enrollmentId, submittedAt: null, deadline: { not: null } },
    select: attemptSelect,
  });
  for (const attempt of open) await settleIfExpired(attempt);
}

export async function sendAttemptEvents(
  user: CurrentUser,
  attemptId: string,
  step: number,
  events: QuizEvent[],
): Promise<EventsOutcome> {
  const found = await findOwnAttempt(user, attemptId);
  if (!found) return { status: "not-found", step: null };
  if (await settleIfExpired(found)) return { status: "stale", step: null };
  if (found.step !== step) return { status: "stale", step: null };
  return applyEvents(found, events);
}

export interface AttemptView {
  id: string;
  number: number;
  step: number;
  state: QuizState;
  mode: "exam" | "practice";
  deadline: Date | null;
  current: number;
  total: number;
  courseKey: string;
  shownLocale: Locale;
  questions: Array<{
    key: string;
    type: string;
    multiple: boolean;
    text: string;
    options: Array<{ key: string; text: string | null }>;
    selected: string[];
    /** Only for a locked question (practice) or a graded attempt. */
    feedback: { correct: string[]; isCorrect: boolean; explanation: string } | null;
  }>;
  result: { score: number; passed: boolean; passMark: number } | null;
  /** The machine's persisted snapshot (answers and position, no answer key) for the browser. */
  machineSnapshot: unknown;
}

/**
 * What the learner may see of an attempt now: never an answer key before it is due. Reads
 * only: an attempt past its deadline is graded by the page's reconcile before this runs.
 */
export async function attemptView(user: CurrentUser, attemptId: string, locale: Locale): Promise<AttemptView | null> {
  const attempt = await findOwnAttempt(user, attemptId);
  if (!attempt) return null;
  const version = await db().courseVersion.findUniqueOrThrow({
    where: { id: attempt.versionId },
    select: {
      languages: true,
      course: { select: { key: true, sourceLocale: true } },
      quiz: {
        select: {
          passMark: true,
          questions: { select: { key: true, type: true, text: true, options: true, correct: true, explanation: true } },
        },
      },
    },
  });
  const shownLocale = pickLocale(parseLocales(version.languages), version.course.sourceLocale, locale);
  const actor = restore(attempt);
  const snapshot = actor.getSnapshot();
  const { context } = snapshot;
  const state = String(snapshot.value) as QuizState;
  const graded = state === "passed" || state === "failed";
  const byKey = new Map((version.quiz?.questions ?? []).map((question) => [question.key, question]));
  const revealedKeys = context.questions.filter((drawn) => graded || context.locked.includes(drawn.key)).map(({ key }) => key);
  // The answer key of revealed questions only, graded by the same function as the attempt.
  const revealedKey = new Map(revealedKeys.map((key) => [key, stringList.parse(JSON.parse(byKey.get(key)!.correct))]));
  const { correctByQuestion } = gradeDrawn(context.questions, revealedKey, context.answers, 0);
  const questions = context.questions.map((drawn) => {
    const stored = byKey.get(drawn.key)!;
    const texts = optionTexts.parse(JSON.parse(stored.options));
    const selected = context.answers[drawn.key] ?? [];
    const correct = revealedKey.get(drawn.key);
    return {
      key: drawn.key,
      type: stored.type,
      multiple: drawn.multiple,
      text: readLocalized(stored.text, shownLocale, shownLocale, z.string()),
      options: drawn.options.map((key) => {
        const option = texts.find((candidate) => candidate.key === key);
        return { key, text: option ? (option.text[shownLocale] ?? option.text[version.course.sourceLocale] ?? key) : null };
      }),
      selected,
      feedback: correct
        ? {
            correct,
            isCorrect: correctByQuestion[drawn.key] ?? false,
            explanation: readLocalized(stored.explanation, shownLocale, shownLocale, z.string()),
          }
        : null,
    };
  });
  return {
    id: attempt.id,
    number: attempt.number,
    step: attempt.step,
    state,
    mode: context.mode,
    deadline: attempt.deadline,
    current: context.current,
    total: context.questions.length,
    courseKey: version.course.key,
    shownLocale,
    questions,
    result: graded ? { score: attempt.score ?? 0, passed: Boolean(attempt.passed), passMark: version.quiz?.passMark ?? 0 } : null,
    machineSnapshot: actor.getPersistedSnapshot(),
  };
}
