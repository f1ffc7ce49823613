/**
 * `npm run bench:analysis -- [--attempts 100000] [--runs 20] [--rounds 3]`: item analysis of one
 * quiz version with that many first attempts, on SQLite and PostgreSQL, in process (no HTTP).
 * The rows grading would write (QuestionAnswer, `draw` questions per attempt, answered by learners
 * of varied ability) are seeded once with raw batched inserts (SQLite) / multi-row inserts
 * (PostgreSQL) into `.cache/bench-analysis/` (a SQLite file, and a kept PostgreSQL server folder),
 * then `versionAnalysis` is timed `runs` times per round, the two databases interleaved for
 * `rounds` rounds. The seed writes no people, enrolments or attempts: QuestionAnswer's foreign key
 * to the attempt is not enforced while it is written (SQLite `foreign_keys = OFF`, PostgreSQL
 * `session_replication_role = replica`). The counts the analysis reads (decision 037) are then
 * made by `scripts/db.ts deploy`, whose backfill rebuilds the counts of versions that have rows
 * and none (`rebuildAnswerCounts`, the function deploy runs on an upgrade); a kept database is
 * deployed again on each run, so it gets new migrations.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { startThrowawayPostgres } from "./throwaway-postgres.ts";

const { values } = parseArgs({
  options: {
    attempts: { type: "string", default: "100000" },
    runs: { type: "string", default: "20" },
    rounds: { type: "string", default: "3" },
    measure: { type: "string" },
  },
});
const attempts = Number(values.attempts);
const runs = Number(values.runs);
const cacheDir = path.resolve(".cache/bench-analysis");
const COURSE = "ai-fundamentals";
const bin = (name: string) => path.resolve("node_modules/.bin", name);
const env = (url: string): NodeJS.ProcessEnv => ({ ...process.env, DATABASE_URL: url, DEMO: "false", NODE_ENV: "production" });

/** A small deterministic generator, so both databases hold the same rows. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The child: time the analysis of the seeded version, print the samples as JSON. */
async function measure(url: string): Promise<void> {
  process.env.DATABASE_URL = url;
  const { db } = await import("../app/db.server.ts");
  const { versionAnalysis } = await import("../app/analysis/item-analysis.server.ts");
  const version = await db().courseVersion.findFirstOrThrow({ where: { course: { key: COURSE } }, select: { id: true } });
  await versionAnalysis(version.id, "es", "es"); // warm-up
  const samples: number[] = [];
  let learners = 0;
  for (let index = 0; index < runs; index += 1) {
    const started = performance.now();
    learners = (await versionAnalysis(version.id, "es", "es")).learners;
    samples.push(performance.now() - started);
  }
  process.stdout.write(JSON.stringify({ samples, learners }));
  await db().$disconnect();
}

type Row = [string, string, string, number, string, number, number, number];

/** The quiz of the course's first version in one database (ids differ between databases): its draw, and its questions in order. */
const quizQuery = `
  SELECT v."id" AS "versionId", z."draw", q."id", q."type", q."options", q."correct"
    FROM "CourseVersion" v JOIN "Course" c ON c."id" = v."courseId" JOIN "Quiz" z ON z."versionId" = v."id"
    JOIN "Question" q ON q."quizId" = z."id"
   WHERE c."key" = '${COURSE}' AND v."number" = 1
   ORDER BY q."position"`;
type QuizRow = { versionId: string; draw: number; id: string; type: string; options: string; correct: string };

/** The rows of `attempts` first attempts: each draws `draw` questions; a right answer is likelier for abler learners and easier questions. */
function* rowsOf(questions: QuizRow[]): Generator<Row[]> {
  const version = { id: questions[0]!.versionId, quiz: { draw: Number(questions[0]!.draw), questions } };
  const pool = version.quiz.questions.map((question, index) => ({
    id: question.id,
    correct: JSON.parse(question.correct) as string[],
    options:
      question.type === "true-false"
        ? ["true", "false"]
        : (JSON.parse(question.options) as Array<{ key: string }>).map((option) => option.key),
    easiness: 0.15 + ((index * 37) % 80) / 100,
  }));
  const next = random(2026);
  const draw = version.quiz.draw;
  let batch: Row[] = [];
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    const ability = next();
    const drawn = [...pool].sort(() => next() - 0.5).slice(0, draw);
    const right = drawn.map((question) => next() < question.easiness * 0.6 + ability * 0.4);
    const correctCount = right.filter(Boolean).length;
    const attemptId = `bench-attempt-${attempt}`;
    for (const [index, question] of drawn.entries()) {
      const wrong = question.options.filter((option) => !question.correct.includes(option));
      const chosen = right[index] ? question.correct : [wrong[Math.floor(next() * wrong.length)] ?? question.options[0]!];
      batch.push([
        attemptId,
        question.id,
        version.id,
        right[index] ? 1 : 0,
        JSON.stringify([...chosen].sort()),
        1,
        correctCount,
        draw,
      ]);
    }
    if (batch.length >= 5000) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

const columns = `"attemptId", "questionId", "versionId", "correct", "chosen", "firstAttempt", "attemptCorrect", "attemptTotal"`;

/** Migrations not yet applied (a kept database from an earlier schema gets them too), then the data steps. */
function deploy(url: string): void {
  execFileSync(bin("tsx"), ["scripts/db.ts", "deploy"], { env: env(url), stdio: "inherit" });
}

/** The deploy after seeding: it builds the counts from the rows. */
function timedDeploy(url: string): void {
  const started = performance.now();
  deploy(url);
  console.log(`deploy with the counts' rebuild: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function deployAndImport(url: string): void {
  deploy(url);
  execFileSync(bin("tsx"), ["scripts/courses.ts", "import"], { env: env(url), stdio: "inherit" });
}

async function sqliteDatabase(): Promise<string> {
  const file = path.join(cacheDir, `${attempts}.db`);
  const url = `file:${file}`;
  if (existsSync(file)) {
    timedDeploy(url);
    const database = new Database(file);
    database.exec("ANALYZE");
    database.close();
    return url;
  }
  mkdirSync(cacheDir, { recursive: true });
  try {
    deployAndImport(url);
    const database = new Database(file);
    database.pragma("foreign_keys = OFF");
    const insert = database.prepare(`INSERT INTO "QuestionAnswer" (${columns}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    const write = database.transaction((rows: Row[]) => {
      for (const row of rows) insert.run(...row);
    });
    for (const rows of rowsOf(database.prepare(quizQuery).all() as QuizRow[])) write(rows);
    database.exec("ANALYZE");
    database.close();
    timedDeploy(url);
  } catch (error) {
    rmSync(file, { force: true });
    throw error;
  }
  return url;
}

async function postgresDatabase() {
  const server = await startThrowawayPostgres({ keepIn: path.join(cacheDir, `pg-${attempts}`) });
  const admin = new pg.Client({ connectionString: server.url("postgres") });
  await admin.connect();
  const name = "bench_analysis";
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  await admin.end();
  const url = server.url(name);
  if (exists.rowCount !== 0) {
    timedDeploy(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`ANALYZE "QuestionAnswer"`);
    await client.end();
  } else {
    await server.createDatabase(name);
    deployAndImport(url);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("SET session_replication_role = replica");
    for (const rows of rowsOf((await client.query<QuizRow>(quizQuery)).rows)) {
      const placeholders = rows.map(
        (_, index) =>
          `(${Array.from({ length: 8 }, (_, column) => `$${index * 8 + column + 1}${column === 3 || column === 5 ? "::int::boolean" : ""}`).join(", ")})`,
      );
      await client.query(`INSERT INTO "QuestionAnswer" (${columns}) VALUES ${placeholders.join(", ")}`, rows.flat());
    }
    await client.query(`ANALYZE "QuestionAnswer"`);
    await client.end();
    timedDeploy(url);
  }
  return { url, stop: () => server.stop() };
}

function spread(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return `p50 ${at(50).toFixed(0)} ms, p95 ${at(95).toFixed(0)} ms (min ${sorted[0]!.toFixed(0)}, max ${sorted.at(-1)!.toFixed(0)}, ${samples.length} runs)`;
}

if (values.measure) await measure(values.measure);
else {
  const sqlite = await sqliteDatabase();
  const postgres = await postgresDatabase();
  const all: Record<string, number[]> = { sqlite: [], postgres: [] };
  try {
    for (let round = 1; round <= Number(values.rounds); round += 1) {
      for (const [kind, url] of [
        ["sqlite", sqlite],
        ["postgres", postgres.url],
      ] as const) {
        const output = execFileSync(
          bin("tsx"),
          ["scripts/bench-analysis.ts", "--measure", url, "--runs", String(runs), "--attempts", String(attempts)],
          { env: env(url), encoding: "utf8" },
        );
        const { samples, learners } = JSON.parse(output.slice(output.lastIndexOf('{"samples"'))) as {
          samples: number[];
          learners: number;
        };
        if (learners !== attempts) throw new Error(`${kind}: ${learners} first attempts analysed, ${attempts} seeded`);
        all[kind]!.push(...samples);
        console.log(`round ${round} ${kind.padEnd(8)} ${learners.toLocaleString("en")} first attempts: ${spread(samples)}`);
      }
    }
  } finally {
    await postgres.stop();
  }
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  console.log(`\nMachine: ${cpu}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`);
  for (const [kind, samples] of Object.entries(all)) console.log(`${kind.padEnd(8)} all rounds: ${spread(samples)}`);
}
