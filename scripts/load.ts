/**
 * Load without loss (decision 036): many learners enrol, read, answer and submit a quiz
 * at once over HTTP, with doubled enrolments and quiz starts, doubled and out-of-order answer and
 * submit posts and late replays, while HR downloads exports and a trainer publishes a new version.
 * Afterwards `checkLoad` reads the database: every submitted attempt stored exactly once with the
 * right score, one enrolment and one person-assignment per learner, every earned certificate once,
 * and item analysis's count rows equal to the counts of the stored answers.
 *
 * As a library: the bounded run in tests/integration/load.test.ts and the two-servers test.
 * As a command (`npm run bench:load`): a fresh SQLite database (or `-- --postgres`), the built
 * app served by server/main.js with one worker per core, LOAD_LEARNERS learners (default 600),
 * LOAD_CONCURRENCY at once (default 60); prints throughput, p95 and errors, exits 1 on a loss.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createAssignment } from "../app/assignments/assign.server.ts";
import { readAnswerCounts } from "../app/analysis/answer-counts.server.ts";
import { answerCounts } from "../app/analysis/question-answers.ts";
import { copyNetworkCourse, readDraft, saveDraft, type AuthorScope } from "../app/authoring/drafts.server.ts";
import { publishDraft } from "../app/authoring/publish.server.ts";
import { db } from "../app/db.server.ts";
import { gradeAttempt } from "../app/quiz/grading.ts";
import { hrScopeOf } from "../app/reports/scope.server.ts";
import { createUser, sessionCookie } from "../tests/support/factories.ts";
import { assignmentRequest, currentUserFor, importSampleCourse, SAMPLE_COURSE } from "../tests/support/learning.ts";
import { percentile } from "./open-loop.ts";

const LESSONS = ["first-steps", "next-steps"] as const;
const decoder = new TextDecoder();
const encoder = new TextEncoder();

export interface LoadLearner {
  id: string;
  cookie: string;
  /** How many of the drawn questions this learner answers rightly. */
  right: number;
}

export interface LoadSetup {
  courseKey: string;
  courseId: string;
  author: AuthorScope & { cookie: string };
  hrCookie: string;
  learners: LoadLearner[];
}

/**
 * A city course of its own (a copy of the sample course, published as version 1), assigned by HR
 * to `count` new learners. The caller has imported the sample course (importSampleCourse).
 */
export async function prepareLoad(count: number): Promise<LoadSetup> {
  const trainer = await createUser({ roles: ["TRAINER"] });
  const author: AuthorScope = { cityId: trainer.cityId, citySlug: trainer.citySlug, userId: trainer.id };
  const copied = await copyNetworkCourse(author, SAMPLE_COURSE);
  if (!copied.ok) throw new Error(`copy refused: ${copied.problem}`);
  const draft = (await readDraft(author, copied.key))!;
  const published = await publishDraft(author, copied.key, draft.revision);
  if (!published.ok) throw new Error(`publish refused: ${published.problem}`);
  const learners: LoadLearner[] = [];
  const emails: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const user = await createUser();
    emails.push(user.email);
    learners.push({ id: user.id, cookie: await sessionCookie(user.id), right: index % 3 });
  }
  const hr = await currentUserFor({ roles: ["HR"] });
  const assigned = await createAssignment(hr, await hrScopeOf(hr), assignmentRequest(draft.courseId, { emails }));
  if (!assigned.ok) throw new Error(`assignment refused: ${JSON.stringify(assigned.fieldErrors)}`);
  return {
    courseKey: copied.key,
    courseId: draft.courseId,
    author: { ...author, cookie: await sessionCookie(trainer.id) },
    hrCookie: await sessionCookie(hr.id),
    learners,
  };
}

export interface LoadReport {
  requests: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  /** Answers other than the expected ones (a 5xx, a refused first post, a doubled post accepted twice). */
  errors: string[];
  /** The attempt each learner submitted, by learner id. */
  attempts: Map<string, string>;
  exports: number;
  publishedVersion: number | null;
}

interface Sent {
  status: number;
  location: string | null;
  body: string;
}

/** Sends every request to the next origin in turn (one origin: one server, or a proxy). */
function client(origins: readonly string[]) {
  let turn = 0;
  const latencies: number[] = [];
  const errors: string[] = [];
  async function send(pathname: string, cookie: string, form?: URLSearchParams): Promise<Sent> {
    const origin = origins[turn++ % origins.length]!;
    const started = performance.now();
    try {
      const response = await fetch(`${origin}${pathname}`, {
        method: form ? "POST" : "GET",
        redirect: "manual",
        headers: {
          Cookie: cookie,
          ...(form ? { Origin: origin, "Content-Type": "application/x-www-form-urlencoded" } : {}),
        },
        body: form?.toString(),
      });
      const body = await response.text();
      latencies.push(performance.now() - started);
      if (response.status >= 500) errors.push(`${response.status} on ${form ? "POST" : "GET"} ${pathname}`);
      return { status: response.status, location: response.headers.get("location"), body };
    } catch (error) {
      errors.push(`${form ? "POST" : "GET"} ${pathname}: ${String(error)}`);
      return { status: 0, location: null, body: "" };
    }
  }
  function expect(what: string, actual: readonly number[], expected: readonly number[]): void {
    const sorted = (list: readonly number[]) => [...list].sort((a, b) => a - b).join(",");
    if (sorted(actual) !== sorted(expected)) errors.push(`${what}: got ${sorted(actual)}, expected ${sorted(expected)}`);
  }
  return { send, expect, latencies, errors };
}

type Client = ReturnType<typeof client>;

const quizForm = (fields: { step: number; intent: string; questionKey?: string; options?: readonly string[] }) => {
  const form = new URLSearchParams({ step: String(fields.step), intent: fields.intent });
  if (fields.questionKey) form.set("questionKey", fields.questionKey);
  for (const option of fields.options ?? []) form.append("option", option);
  return form;
};

const drawnOf = (questions: string) => JSON.parse(questions) as Array<{ key: string; options: string[] }>;

/** The answer key of a version's quiz (read once per version). */
const answerKeys = new Map<string, Promise<Map<string, string[]>>>();
function answerKeyOf(versionId: string): Promise<Map<string, string[]>> {
  let key = answerKeys.get(versionId);
  if (!key) {
    key = db()
      .question.findMany({ where: { quiz: { versionId } }, select: { key: true, correct: true } })
      .then((rows) => new Map(rows.map((row) => [row.key, JSON.parse(row.correct) as string[]])));
    answerKeys.set(versionId, key);
  }
  return key;
}

/** One learner's whole journey; `index` picks which doubled or out-of-order posts it sends. */
async function journey(http: Client, setup: LoadSetup, learner: LoadLearner, index: number): Promise<string | null> {
  const { courseKey } = setup;
  const { cookie } = learner;
  const empty = () => new URLSearchParams();
  // Enrol twice at once (a double click): both lead on, one enrolment.
  const enrolled = await Promise.all([
    http.send(`/courses/${courseKey}`, cookie, empty()),
    http.send(`/courses/${courseKey}`, cookie, empty()),
  ]);
  http.expect(
    "enrol twice",
    enrolled.map((sent) => sent.status),
    [302, 302],
  );
  for (const lesson of LESSONS) {
    const read = await http.send(`/learn/${courseKey}/${lesson}`, cookie);
    http.expect("lesson page", [read.status], [200]);
    const done = await http.send(`/learn/${courseKey}/${lesson}`, cookie, empty());
    http.expect("lesson done", [done.status], [302]);
  }
  // Start twice at once: the same open attempt.
  const started = await Promise.all([
    http.send(`/learn/${courseKey}/quiz`, cookie, empty()),
    http.send(`/learn/${courseKey}/quiz`, cookie, empty()),
  ]);
  http.expect(
    "start twice",
    started.map((sent) => sent.status),
    [302, 302],
  );
  const attemptId = started[0]!.location?.split("/").pop();
  if (!attemptId || started[1]!.location !== started[0]!.location) {
    http.errors.push(`start twice: ${started.map((sent) => sent.location).join(" and ")}`);
    return null;
  }
  const attempt = await db().quizAttempt.findUniqueOrThrow({
    where: { id: attemptId },
    select: { questions: true, step: true, versionId: true },
  });
  const key = await answerKeyOf(attempt.versionId);
  const drawn = drawnOf(attempt.questions);
  const events = `/quiz/${attemptId}/events`;
  let step = attempt.step;
  let lastAnswer: URLSearchParams | null = null;
  for (const [position, question] of drawn.entries()) {
    const right = key.get(question.key) ?? [];
    const options = position < learner.right ? right : question.options.filter((option) => !right.includes(option)).slice(0, 1);
    const answer = quizForm({
      step,
      intent: position === drawn.length - 1 ? "review" : "next",
      questionKey: question.key,
      options,
    });
    if (position === 0 && index % 4 === 1) {
      // Out of order: the post meant for the next step arrives first and is refused as stale.
      const early = await http.send(
        events,
        cookie,
        quizForm({ step: step + 1, intent: "next", questionKey: question.key, options }),
      );
      http.expect("answer ahead of its step", [early.status], [409]);
    }
    if (position === 0 && index % 4 === 2) {
      // The same answer posted twice at once: one is stored, the other is stale.
      const twice = await Promise.all([http.send(events, cookie, answer), http.send(events, cookie, answer)]);
      http.expect(
        "answer twice",
        twice.map((sent) => sent.status),
        [200, 409],
      );
    } else {
      const sent = await http.send(events, cookie, answer);
      http.expect("answer", [sent.status], [200]);
    }
    lastAnswer = answer;
    step += 1;
  }
  if (index % 4 === 3) {
    // A submit from a page rendered before the last answer: stale, nothing graded.
    const old = await http.send(events, cookie, quizForm({ step: step - 1, intent: "submit" }));
    http.expect("submit from an old page", [old.status], [409]);
  }
  if (index % 2 === 0) {
    const twice = await Promise.all([
      http.send(events, cookie, quizForm({ step, intent: "submit" })),
      http.send(events, cookie, quizForm({ step, intent: "submit" })),
    ]);
    http.expect(
      "submit twice",
      twice.map((sent) => sent.status),
      [200, 409],
    );
  } else {
    const sent = await http.send(events, cookie, quizForm({ step, intent: "submit" }));
    http.expect("submit", [sent.status], [200]);
  }
  if (lastAnswer && index % 5 === 0) {
    // A late replay of an answer after the submit changes nothing.
    const late = await http.send(events, cookie, lastAnswer);
    http.expect("answer after submit", [late.status], [409]);
  }
  const result = await http.send(`/quiz/${attemptId}`, cookie);
  http.expect("result page", [result.status], [200]);
  return attemptId;
}

/** HR's exports, one after another, while `running` holds. */
async function exportsWhile(http: Client, setup: LoadSetup, running: () => boolean): Promise<number> {
  const files = ["people.csv", "courses.xlsx", "departments.csv", "overdue.xlsx"];
  let count = 0;
  while (running()) {
    const file = files[count % files.length]!;
    const sent = await http.send(`/hr/export/${file}`, setup.hrCookie);
    http.expect(`export ${file}`, [sent.status], [200]);
    count += 1;
  }
  return count;
}

/** A trainer's new version (the first lesson's Spanish text revised), published through the page. */
export async function publishRevision(http: Pick<Client, "send">, setup: LoadSetup, text: string): Promise<Sent> {
  const file = "01-first-steps/es.md";
  const draft = (await readDraft(setup.author, setup.courseKey))!;
  const before = decoder.decode(draft.files.get(file)!);
  const saved = await saveDraft(
    setup.author,
    setup.courseKey,
    draft.revision,
    new Map([[file, encoder.encode(before.replace(/Texto[^.]*\(es\)\./, text))]]),
  );
  if (!saved.ok) throw new Error("the draft was not saved");
  const revision = (await readDraft(setup.author, setup.courseKey))!.revision;
  return http.send(
    `/author/${setup.courseKey}/publish`,
    setup.author.cookie,
    new URLSearchParams({ intent: "publish", revision: String(revision) }),
  );
}

/**
 * Runs every learner's journey, `concurrency` at a time, against `origins` in turn; HR exports
 * run throughout, and (unless `publishDuring` is false) a new version is published once half the
 * learners have started.
 */
export async function runLoad(
  setup: LoadSetup,
  options: { origins: readonly string[]; concurrency: number; publishDuring?: boolean },
): Promise<LoadReport> {
  const http = client(options.origins);
  const attempts = new Map<string, string>();
  let next = 0;
  let running = true;
  let publishing: Promise<Sent> | null = null;
  const began = performance.now();
  const worker = async () => {
    while (next < setup.learners.length) {
      const index = next++;
      if (options.publishDuring !== false && index === Math.floor(setup.learners.length / 2))
        publishing ??= publishRevision(http, setup, "Texto revisado durante la carga (es).");
      const learner = setup.learners[index]!;
      const attemptId = await journey(http, setup, learner, index);
      if (attemptId) attempts.set(learner.id, attemptId);
    }
  };
  const exporting = exportsWhile(http, setup, () => running);
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency) }, worker));
  running = false;
  const exports = await exporting;
  const published = publishing ? await (publishing as Promise<Sent>) : null;
  if (published) http.expect("publish during the load", [published.status], [302]);
  const seconds = (performance.now() - began) / 1000;
  const sorted = [...http.latencies].sort((a, b) => a - b);
  const version = published?.location?.match(/version=(\d+)/)?.[1];
  return {
    requests: sorted.length,
    seconds,
    perSecond: sorted.length / seconds,
    p50Ms: percentile(sorted, 50),
    p95Ms: percentile(sorted, 95),
    errors: http.errors,
    attempts,
    exports,
    publishedVersion: version ? Number(version) : null,
  };
}

/** What the database holds for one learner of the run, in a form two runs can be compared by. */
export async function learnerRows(setup: LoadSetup, learner: LoadLearner) {
  const enrollments = await db().enrollment.findMany({
    where: { userId: learner.id, courseId: setup.courseId },
    select: {
      id: true,
      completedAt: true,
      lessons: { select: { lessonKey: true }, orderBy: { lessonKey: "asc" } },
      attempts: {
        select: { id: true, number: true, submittedAt: true, score: true, passed: true, versionId: true, questions: true },
      },
      certificate: { select: { id: true } },
    },
  });
  const assignments = await db().personAssignment.findMany({
    where: { userId: learner.id, courseId: setup.courseId },
    select: { enrollmentId: true, withdrawnAt: true },
  });
  const certificates = await db().certificate.count({ where: { userId: learner.id, enrollment: { courseId: setup.courseId } } });
  return { enrollments, assignments, certificates };
}

/** The score a learner's planned answers earn on the attempt's drawn questions (the app's grading). */
async function expectedGrade(versionId: string, questions: string, right: number) {
  const [key, quiz] = await Promise.all([
    answerKeyOf(versionId),
    db().quiz.findUniqueOrThrow({ where: { versionId }, select: { passMark: true } }),
  ]);
  const drawn = drawnOf(questions);
  const answers = Object.fromEntries(
    drawn.map((question, position) => [question.key, position < right ? (key.get(question.key) ?? []) : ["(wrong)"]]),
  );
  const { score, passed } = gradeAttempt(
    drawn.map((question) => ({ key: question.key, correct: key.get(question.key) ?? [] })),
    answers,
    quiz.passMark,
  );
  return { score, passed };
}

/** Everything lost or doubled by a run, as sentences (none: nothing lost). */
export async function checkLoad(setup: LoadSetup, report: LoadReport): Promise<string[]> {
  const problems: string[] = [];
  for (const learner of setup.learners) {
    const who = `learner ${learner.id}`;
    const { enrollments, assignments, certificates } = await learnerRows(setup, learner);
    if (enrollments.length !== 1) {
      problems.push(`${who}: ${enrollments.length} enrolments`);
      continue;
    }
    const enrollment = enrollments[0]!;
    if (assignments.length !== 1 || assignments[0]!.enrollmentId !== enrollment.id)
      problems.push(`${who}: person-assignments ${JSON.stringify(assignments)}`);
    if (enrollment.lessons.length !== LESSONS.length) problems.push(`${who}: ${enrollment.lessons.length} lessons done`);
    const submitted = enrollment.attempts.filter((attempt) => attempt.submittedAt !== null);
    if (enrollment.attempts.length !== 1 || submitted.length !== 1) {
      problems.push(`${who}: ${enrollment.attempts.length} attempts, ${submitted.length} submitted`);
      continue;
    }
    const attempt = submitted[0]!;
    if (report.attempts.get(learner.id) !== attempt.id)
      problems.push(`${who}: submitted ${report.attempts.get(learner.id)}, stored ${attempt.id}`);
    const expected = await expectedGrade(attempt.versionId, attempt.questions, learner.right);
    if (attempt.score !== expected.score || attempt.passed !== expected.passed)
      problems.push(`${who}: stored ${attempt.score} (${attempt.passed}), expected ${expected.score} (${expected.passed})`);
    const earned = expected.passed ? 1 : 0;
    if (certificates !== earned || Boolean(enrollment.certificate) !== expected.passed)
      problems.push(`${who}: ${certificates} certificates, earned ${earned}`);
    if ((enrollment.completedAt !== null) !== expected.passed)
      problems.push(`${who}: completed ${String(enrollment.completedAt)}, passed ${expected.passed}`);
  }
  const ids = setup.learners.map((learner) => learner.id);
  const doubled = await db().enrollment.groupBy({
    by: ["userId", "courseId", "cycle"],
    where: { userId: { in: ids } },
    _count: { _all: true },
    having: { userId: { _count: { gt: 1 } } },
  });
  if (doubled.length > 0) problems.push(`${doubled.length} enrolments doubled`);
  const passedCount = await db().quizAttempt.count({ where: { passed: true, enrollment: { courseId: setup.courseId } } });
  const certificateCount = await db().certificate.count({ where: { enrollment: { courseId: setup.courseId } } });
  if (passedCount !== certificateCount) problems.push(`${passedCount} passed attempts, ${certificateCount} certificates`);
  problems.push(...(await countProblems(setup.courseId)));
  return problems;
}

/** Item analysis's count rows, added at each grading (decision 037), against the counts of the stored answers. */
async function countProblems(courseId: string): Promise<string[]> {
  const canonical = (groups: readonly object[]) => groups.map((group) => JSON.stringify(Object.entries(group).sort())).sort();
  const versions = await db().quizAttempt.findMany({
    where: { enrollment: { courseId } },
    distinct: ["versionId"],
    select: { versionId: true },
  });
  const problems: string[] = [];
  for (const { versionId } of versions) {
    const fromRows = answerCounts(await db().questionAnswer.findMany({ where: { versionId } }));
    const kept = await readAnswerCounts(versionId);
    for (const table of ["answers", "choices"] as const) {
      if (JSON.stringify(canonical(kept[table])) !== JSON.stringify(canonical(fromRows[table])))
        problems.push(`version ${versionId}: the ${table} counts differ from the stored answers' counts`);
    }
  }
  return problems;
}

// ---- `npm run bench:load` -------------------------------------------------------------------

const bin = (name: string) => path.resolve("node_modules/.bin", name);

async function waitForServer(origin: string, exited: Promise<unknown>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  for (let tries = 0; tries < 600 && !gone; tries += 1) {
    try {
      if ((await fetch(`${origin}/login`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the server at ${origin} did not start`);
}

/** The long run; true when nothing was lost and every answer was the expected one. */
async function benchmark(): Promise<boolean> {
  const postgres = process.argv.includes("--postgres");
  const learners = Number(process.env.LOAD_LEARNERS ?? 600);
  const concurrency = Number(process.env.LOAD_CONCURRENCY ?? 60);
  const port = Number(process.env.LOAD_PORT ?? 3910);
  const scratch = mkdtempSync(path.join(os.tmpdir(), "aula-load-"));
  const { startThrowawayPostgres } = await import("./throwaway-postgres.ts");
  const server = postgres ? await startThrowawayPostgres() : null;
  const databaseUrl = server ? await server.createDatabase("aula_load") : `file:${path.join(scratch, "load.db")}`;
  const env = { ...process.env, DATABASE_URL: databaseUrl, DEMO: "false", OUTBOX_DIR: path.join(scratch, "outbox") };
  Object.assign(process.env, { DATABASE_URL: databaseUrl, OUTBOX_DIR: env.OUTBOX_DIR });
  execFileSync(bin("tsx"), ["scripts/db.ts", "deploy"], { env, stdio: ["ignore", "ignore", "inherit"] });
  execFileSync(bin("tsx"), ["prisma/seed.ts"], { env, stdio: ["ignore", "ignore", "inherit"] });
  if (process.env.SKIP_BUILD !== "1")
    execFileSync(bin("remix"), ["vite:build"], { env: { ...env, NODE_ENV: "production" }, stdio: "inherit" });
  await importSampleCourse();
  console.log(`Preparing ${learners} learners on ${postgres ? "PostgreSQL" : "SQLite"}…`);
  const setup = await prepareLoad(learners);
  const app = spawn(process.execPath, ["--import", "tsx", "server/main.js"], {
    env: { ...env, NODE_ENV: "production", PORT: String(port), WEB_CONCURRENCY: String(os.availableParallelism()) },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise((resolve) => app.once("exit", resolve));
  let failed = true;
  try {
    await waitForServer(`http://127.0.0.1:${port}`, exited);
    const report = await runLoad(setup, { origins: [`http://127.0.0.1:${port}`], concurrency });
    const problems = await checkLoad(setup, report);
    console.log(
      [
        `${learners} learners, ${concurrency} at once, ${report.exports} HR exports, version ${report.publishedVersion ?? "?"} published during the run`,
        `${report.requests} requests in ${report.seconds.toFixed(1)} s: ${report.perSecond.toFixed(0)} requests/s, p50 ${report.p50Ms.toFixed(1)} ms, p95 ${report.p95Ms.toFixed(1)} ms`,
        `errors: ${report.errors.length}${report.errors.length ? `\n  ${report.errors.slice(0, 20).join("\n  ")}` : ""}`,
        `check: ${problems.length === 0 ? "every attempt stored once with its score, no enrolment or assignment doubled, every certificate once" : `\n  ${problems.slice(0, 20).join("\n  ")}`}`,
      ].join("\n"),
    );
    failed = report.errors.length > 0 || problems.length > 0;
  } finally {
    app.kill("SIGTERM");
    await exited;
    await db().$disconnect();
    await server?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
  return !failed;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) process.exit((await benchmark()) ? 0 : 1);
