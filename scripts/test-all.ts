/**
 * `npm run test:all`: every check, in order, with the time each phase took, ending with one
 * line "N passed, N failed" that sums the unit, integration (SQLite and PostgreSQL) and
 * end-to-end suites (typecheck, lint, the format check, the course check and the build count as one check each).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const reports = "test-results/reports";
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

let passed = 0;
let failed = 0;
const timings: string[] = [];

/**
 * Runs one phase. A test suite's report adds its own counts (and returns how many failed);
 * a phase without a report (typecheck, lint, build) counts as one check. A suite that
 * exits non-zero with no failed test in its report (a crash in setup) counts one failure.
 */
function phase(
  name: string,
  command: string,
  args: readonly string[],
  env: Record<string, string> = {},
  readReport?: () => number | null,
): void {
  const started = Date.now();
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push(`${name} ${seconds}s`);
  console.log(`--- ${name}: ${result.status === 0 ? "ok" : "FAILED"} in ${seconds}s`);
  const reportedFailures = readReport?.() ?? null;
  if (reportedFailures === null) {
    if (result.status === 0) passed += 1;
    else failed += 1;
  } else if (result.status !== 0 && reportedFailures === 0) failed += 1;
}

function vitestReport(file: string) {
  return () => {
    if (!existsSync(file)) return null;
    const json = JSON.parse(readFileSync(file, "utf8")) as { numPassedTests: number; numFailedTests: number };
    passed += json.numPassedTests;
    failed += json.numFailedTests;
    return json.numFailedTests;
  };
}

function playwrightReport(file: string) {
  return () => {
    if (!existsSync(file)) return null;
    const json = JSON.parse(readFileSync(file, "utf8")) as { stats: { expected: number; unexpected: number; flaky: number } };
    passed += json.stats.expected + json.stats.flaky;
    failed += json.stats.unexpected;
    return json.stats.unexpected;
  };
}

const bin = (name: string) => `node_modules/.bin/${name}`;
// Integration files run two at a time even on two cores (vitest's default there is one): each
// file has its own database copy, and a file spends much of its time waiting on the database
// and its HTTP server, so the run takes about two thirds as long.
const vitest = (project: string, output: string, workers?: number) =>
  [
    bin("vitest"),
    [
      "run",
      "--project",
      project,
      ...(workers ? [`--maxWorkers=${workers}`] : []),
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${output}`,
    ],
  ] as const;

phase("prisma generate", bin("tsx"), ["scripts/db.ts", "generate"]);
phase("typecheck", bin("tsc"), ["--noEmit"]);
phase("lint", bin("eslint"), [".", "--max-warnings", "0"]);
phase("format", bin("prettier"), ["--check", "."]);
phase("course check", bin("tsx"), ["scripts/courses.ts", "check"]);
phase("unit", ...vitest("unit", `${reports}/unit.json`), {}, vitestReport(`${reports}/unit.json`));
phase("build", bin("remix"), ["vite:build"], { NODE_ENV: "production" });
phase(
  "integration (SQLite)",
  ...vitest("integration", `${reports}/integration-sqlite.json`, 2),
  { TEST_DATABASE: "sqlite" },
  vitestReport(`${reports}/integration-sqlite.json`),
);
phase(
  "integration (PostgreSQL)",
  ...vitest("integration", `${reports}/integration-postgres.json`, 2),
  { TEST_DATABASE: "postgres" },
  vitestReport(`${reports}/integration-postgres.json`),
);
phase(
  "end-to-end (Chromium)",
  bin("playwright"),
  ["test"],
  { PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/e2e.json` },
  playwrightReport(`${reports}/e2e.json`),
);

console.log(`\nTimings: ${timings.join(" · ")}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
