/**
 * `npm run bench:hr -- [--scale <learners>] [--runs N] [--database sqlite|postgres] [--in-process-only]`:
 * HR's queries at scale, in process (one user, no HTTP, nothing else running). Seeds a network
 * with scripts/bench-hr-seed.ts into `.cache/bench-hr/<scale>.db`, or for PostgreSQL into a
 * template database of a server kept in `.cache/bench-hr/pg-<scale>/` (both kept between runs),
 * then times, for the largest city: the dashboard with no filter, with a department subtree and
 * with a course; the people list with a search and with a status filter; the people export as
 * a cursor (rows/s, first row, peak RSS) at the whole city and at a department subtree, and the
 * whole city's CSV and XLSX files as the export route writes them (to the last byte); the network view;
 * and writing a city-wide assignment to every person of the city.
 */
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { largestCity, postgresNetwork, sqliteNetwork } from "./bench-hr-data.ts";

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "100000" },
    runs: { type: "string", default: "10" },
    database: { type: "string", default: "sqlite" },
    // Node 20's parseArgs has no --no-<flag>: the HTTP part is left out by this one.
    "in-process-only": { type: "boolean", default: false },
    seconds: { type: "string", default: "20" },
  },
});
const scale = Number(values.scale);
const runs = Number(values.runs);
const postgres = values.database === "postgres";
if (!postgres && values.database !== "sqlite") throw new Error("--database is sqlite or postgres");
const bin = (name: string) => path.resolve("node_modules/.bin", name);

const postgresServer = postgres ? await postgresNetwork(scale) : null;
process.env.DATABASE_URL = postgresServer?.url ?? sqliteNetwork(scale);

const { db } = await import("../app/db.server.ts");
const { hrDashboardPage, networkFigures } = await import("../app/reports/figures.server.ts");
const { defaultPeriod, resolveReportFilters } = await import("../app/reports/filters.server.ts");
const { parseReportFilters } = await import("../app/reports/filters.ts");
const { peoplePage, peopleForExport } = await import("../app/reports/lists.server.ts");
const { exportList } = await import("../app/reports/list-exports.server.ts");
const { fillAssignment } = await import("../app/assignments/people-rows.server.ts");

type Scope = import("../app/reports/scope.server.ts").HrScope;

function spread(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  return `p50 ${at(50).toFixed(0)} ms, p95 ${at(95).toFixed(0)} ms (min ${sorted[0]!.toFixed(0)}, max ${sorted.at(-1)!.toFixed(0)}, ${samples.length} runs)`;
}

async function timed(name: string, fn: () => Promise<unknown>, times = runs): Promise<void> {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let index = 0; index < times; index += 1) {
    const started = performance.now();
    await fn();
    samples.push(performance.now() - started);
  }
  console.log(`${name.padEnd(44)} ${spread(samples)}`);
}

const largest = await largestCity();
const city = await db().city.findUniqueOrThrow({
  where: { id: largest.cityId },
  select: { id: true, name: true, timeZone: true },
});
const people = largest.people;
const cityScope: Scope = { cityId: city.id, cityName: city.name, timeZone: city.timeZone, subtree: null };
const roots = await db().department.findMany({
  where: { cityId: city.id, parentId: null },
  select: { id: true, name: true, path: true },
});
const biggest = (
  await Promise.all(
    roots.map(async (root) => ({
      root,
      people: await db().user.count({ where: { department: { path: { startsWith: root.path } } } }),
    })),
  )
).sort((a, b) => b.people - a.people)[0]!;
const course = await db().course.findFirstOrThrow({
  where: { currentVersionId: { not: null } },
  orderBy: { key: "asc" },
  select: { key: true, id: true },
});
const now = new Date();
console.log(
  `HR benchmark, ${postgres ? "PostgreSQL" : "SQLite"}, ${scale.toLocaleString("en")} learners; largest city ${city.name} with ${people.toLocaleString("en")} people; ` +
    `department "${biggest.root.name}" with ${biggest.people.toLocaleString("en")}. In process, one user, ${new Date().toISOString()}.`,
);

const dashboard = (query: string) => () => hrDashboardPage(cityScope, new URLSearchParams(query), now, "es");
await timed("dashboard, no filter", dashboard(""));
await timed("dashboard, a department subtree", dashboard(`department=${biggest.root.id}`));
await timed("dashboard, a course", dashboard(`course=${course.key}`));

async function listContext(query: string) {
  const parsed = parseReportFilters(new URLSearchParams(query));
  if (!parsed.ok) throw new Error(query);
  const resolved = await resolveReportFilters(cityScope, parsed.filters, now);
  if (!resolved.ok) throw new Error(query);
  return { scope: cityScope, filters: resolved.filters, now, locale: "es" as const };
}
const searchContext = await listContext("q=garcia");
const statusContext = await listContext("status=overdue");
await timed("people list, a search", () => peoplePage(searchContext));
await timed("people list, status overdue", () => peoplePage(statusContext));

// The export's rows as sendExport reads them (keyset chunks from the database); CSV writing is
// measured by the HTTP tests for correctness, the cursor here for speed and memory.
async function exportRows(query: string): Promise<{ rows: number; seconds: number; firstRowMs: number; peakRss: number }> {
  const context = await listContext(query);
  let peakRss = process.memoryUsage().rss;
  const started = performance.now();
  let firstRowMs = 0;
  let rows = 0;
  for await (const row of peopleForExport(context)) {
    if (rows === 0) firstRowMs = performance.now() - started;
    rows += 1;
    if (row && rows % 5000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  return {
    rows,
    seconds: (performance.now() - started) / 1000,
    firstRowMs,
    peakRss: Math.max(peakRss, process.memoryUsage().rss),
  };
}
// Each export `runs` times: the first reads pages the runs after it find in memory.
let wholeCityRows = 0;
for (const [label, query] of [
  ["people export, whole city", ""],
  ["people export, one department subtree", `department=${biggest.root.id}`],
] as const) {
  const results = [];
  for (let run = 0; run < runs; run += 1) results.push(await exportRows(query));
  if (query === "") wholeCityRows = results[0]!.rows;
  const rates = results.map((result) => Math.round(result.rows / result.seconds)).sort((a, b) => a - b);
  const firstRows = results.map((result) => result.firstRowMs).sort((a, b) => a - b);
  console.log(
    `${label.padEnd(44)} ${results[0]!.rows.toLocaleString("en")} rows, rows/s ${rates.map((rate) => rate.toLocaleString("en")).join(" ")} ` +
      `(${runs} runs), first row ${firstRows[0]!.toFixed(0)}–${firstRows.at(-1)!.toFixed(0)} ms, ` +
      `peak RSS ${(Math.max(...results.map((result) => result.peakRss)) / 2 ** 20).toFixed(0)} MB`,
  );
}

// The files as the export route sends them (cursor, cells, CSV or XLSX writer), read to the last
// byte in process; the actor is a person of the city (the audit log gets its two entries).
const actor = await db().user.findFirstOrThrow({ where: { cityId: city.id }, select: { id: true } });
const viewer = { id: actor.id, city: { slug: "bench" } } as Parameters<typeof exportList>[0]["viewer"];
for (const format of ["csv", "xlsx"] as const) {
  const results: Array<{ seconds: number; firstByteMs: number; bytes: number }> = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const response = await exportList({ list: "people", format, context: await listContext(""), viewer });
    const reader = response.body!.getReader();
    let bytes = 0;
    let firstByteMs = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (bytes === 0) firstByteMs = performance.now() - started;
      bytes += value.length;
    }
    results.push({ seconds: (performance.now() - started) / 1000, firstByteMs, bytes });
  }
  const rates = results.map((result) => Math.round(wholeCityRows / result.seconds)).sort((a, b) => a - b);
  const firstBytes = results.map((result) => result.firstByteMs).sort((a, b) => a - b);
  console.log(
    `${`people export file, ${format.toUpperCase()}, whole city`.padEnd(44)} ${(results[0]!.bytes / 2 ** 20).toFixed(1)} MB, ` +
      `rows/s ${rates.map((rate) => rate.toLocaleString("en")).join(" ")} (${runs} runs), first byte ${firstBytes[0]!.toFixed(0)}–${firstBytes.at(-1)!.toFixed(0)} ms`,
  );
}

const days = defaultPeriod(now, city.timeZone);
await timed("network view (every city)", () => networkFigures(days, now, "es"), Math.min(runs, 3));

const assignment = await db().assignment.create({
  data: { cityId: city.id, courseId: course.id, dueAt: new Date(now.getTime() + 30 * 86_400_000), targets: { create: [{}] } },
  select: { id: true },
});
const fillStarted = performance.now();
const filled = await fillAssignment(assignment.id, now);
const fillSeconds = (performance.now() - fillStarted) / 1000;
console.log(
  `${"city-wide assignment".padEnd(44)} ${filled.toLocaleString("en")} rows in ${fillSeconds.toFixed(1)} s (${Math.round(filled / fillSeconds).toLocaleString("en")} rows/s)`,
);
// Leave the cached database as it was for the next run.
await db().personAssignment.deleteMany({ where: { assignmentId: assignment.id } });
await db().assignment.delete({ where: { id: assignment.id } });
if (!values["in-process-only"]) await overHttp();
await db().$disconnect();
await postgresServer?.stop();
process.exit(0);

/**
 * Over HTTP, on the production server with one worker per core: 10 HR users at once on the
 * dashboard (no filter, a subtree, a course) and the people list while learners post quiz
 * answers at 200 per second; then the people export as CSV and XLSX, timed to the first byte and
 * the last, with the server's peak memory sampled from /proc.
 */
async function overHttp() {
  const { createSession } = await import("../app/auth/session.server.ts");
  const { getCurrentUser } = await import("../app/auth/guards.server.ts");
  const { startAttempt } = await import("../app/quiz/attempts.server.ts");
  const seconds = Number(values.seconds);
  const port = 3910;
  const base = `http://127.0.0.1:${port}`;
  const buildDir = ".cache/bench-hr-build";
  execFileSync(bin("remix"), ["vite:build"], {
    stdio: "ignore",
    env: { ...process.env, NODE_ENV: "production", BUILD_DIR: buildDir },
  });

  // Ten HR people of the largest city (learners given the role for the run, taken back after).
  const hrPeople = await db().user.findMany({
    where: { cityId: city.id },
    orderBy: { id: "asc" },
    take: 10,
    select: { id: true },
  });
  await db().roleGrant.createMany({
    data: hrPeople.map((person) => ({ userId: person.id, cityId: city.id, role: "HR" as const })),
  });
  const hrCookies = await Promise.all(hrPeople.map(async (person) => `aula_session=${(await createSession(person.id)).token}`));
  // Learners with an unfinished enrolment in a course with a quiz, each with an open attempt.
  const open = await db().enrollment.findMany({
    where: { completedAt: null, user: { cityId: city.id, active: true }, course: { key: course.key } },
    take: 200,
    select: { userId: true },
  });
  const learners: Array<{ cookie: string; attempt: string }> = [];
  for (const row of open) {
    const cookie = `aula_session=${(await createSession(row.userId)).token}`;
    const user = await getCurrentUser(new Request(base, { headers: { Cookie: cookie } }));
    const started = user ? await startAttempt(user, course.key) : null;
    if (started?.ok) learners.push({ cookie, attempt: started.attemptId });
  }
  const server = spawn(bin("tsx"), ["server/main.js"], {
    stdio: "ignore",
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      WEB_CONCURRENCY: String(os.availableParallelism()),
      BUILD_DIR: buildDir,
    },
  });
  try {
    for (let tries = 0; ; tries += 1) {
      if (tries > 150) throw new Error("the server did not start");
      const up = await fetch(`${base}/verify`).then(
        (response) => response.status < 500,
        () => false,
      );
      if (up) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const check = await fetch(`${base}/hr`, { headers: { Cookie: hrCookies[0]! }, redirect: "manual" });
    if (check.status !== 200) throw new Error(`/hr answered ${check.status} to an HR person`);
    const pages = [
      ["dashboard, no filter", "/hr"],
      ["dashboard, a department subtree", `/hr?department=${biggest.root.id}`],
      ["dashboard, a course", `/hr?course=${course.key}`],
      ["people list, a search", "/hr/people?q=garcia"],
      ["people list, status overdue", "/hr/people?status=overdue"],
    ] as const;
    let quizPosts: autocannon.Result | null = null;
    let connection = 0;
    const quizLoad = autocannon(
      {
        url: base,
        connections: Math.min(50, learners.length),
        overallRate: 200,
        duration: seconds * pages.length + 5,
        setupClient: (client) => {
          const learner = learners[connection++ % learners.length]!;
          let step = 0;
          const body = () => `step=${step}&intent=${step % 2 === 0 ? "next" : "previous"}`;
          client.setHeaders({ "content-type": "application/x-www-form-urlencoded", cookie: learner.cookie });
          client.setRequests([{ method: "POST", path: `/quiz/${learner.attempt}/events`, body: body() }]);
          client.on("response", (status: number) => {
            if (status === 200) step += 1;
            client.setBody(body());
          });
        },
      },
      (error, result) => {
        if (!error) quizPosts = result;
      },
    );
    console.log(
      `\nOver HTTP: ${os.availableParallelism()} app workers, 10 HR users at once for ${seconds} s per page, quiz answer posts at 200/s throughout`,
    );
    for (const [name, pagePath] of pages) {
      let next = 0;
      const latencies: number[] = [];
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          {
            url: `${base}${pagePath}`,
            connections: 10,
            duration: seconds,
            timeout: 60,
            requests: [
              {
                setupRequest: (request) => ({
                  ...request,
                  headers: { ...request.headers, cookie: hrCookies[next++ % hrCookies.length]! },
                }),
              },
            ],
          },
          (error, finished) => (error ? reject(error) : resolve(finished)),
        );
        instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
      });
      if (latencies.length === 0)
        throw new Error(
          `no answer from ${pagePath}: ${JSON.stringify({ errors: result.errors, timeouts: result.timeouts, non2xx: result.non2xx, codes: result.statusCodeStats })}`,
        );
      console.log(`${name.padEnd(44)} ${spread(latencies)}; ${result.non2xx + result.errors + result.timeouts} errors`);
    }
    await new Promise<void>((resolve) => quizLoad.on("done", () => resolve()));
    const posts = quizPosts as autocannon.Result | null;
    if (posts)
      console.log(
        `${"quiz answer posts meanwhile".padEnd(44)} ${Math.round(posts.requests.average)} requests/s, p95 ≈ p97.5 ${posts.latency.p97_5} ms, ${posts.non2xx + posts.errors + posts.timeouts} errors (status codes ${JSON.stringify(posts.statusCodeStats)}, ${posts.timeouts} timeouts)`,
      );

    // Exports: the whole city, then a tenth of it (a subtree), each to the last byte.
    const workers = () =>
      execFileSync("pgrep", ["-P", String(server.pid)], { encoding: "utf8" })
        .split("\n")
        .filter(Boolean);
    const rssOf = (pids: string[]) =>
      pids.reduce((total, pid) => {
        try {
          const status = readFileSync(`/proc/${pid}/status`, "utf8");
          return total + Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
        } catch {
          return total;
        }
      }, 0);
    for (const format of ["csv", "xlsx"] as const)
      for (const [label, query] of [
        ["whole city", ""],
        ["one department subtree", `?department=${biggest.root.id}`],
      ] as const) {
        // The server's process tree: the cluster's primary and its workers (tsx in between).
        const pids = [
          String(server.pid),
          ...workers(),
          ...workers().flatMap((pid) => execFileSync("pgrep", ["-P", pid], { encoding: "utf8" }).split("\n").filter(Boolean)),
        ];
        const before = rssOf(pids);
        let peak = before;
        const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pids))), 25);
        const started = performance.now();
        const response = await fetch(`${base}/hr/export/people.${format}${query}`, { headers: { Cookie: hrCookies[0]! } });
        const firstByte = performance.now() - started;
        const body = Buffer.from(await response.arrayBuffer());
        const total = (performance.now() - started) / 1000;
        clearInterval(sampler);
        const rows = format === "csv" ? body.toString("utf8").split("\n").filter(Boolean).length - 1 : null;
        console.log(
          `${`people export ${format.toUpperCase()}, ${label}`.padEnd(44)} status ${response.status}, ${(body.length / 2 ** 20).toFixed(1)} MB in ${total.toFixed(1)} s` +
            `${rows !== null ? `, ${rows.toLocaleString("en")} rows, ${Math.round(rows / total).toLocaleString("en")} rows/s` : ""}` +
            `, first byte ${firstByte.toFixed(0)} ms, server RSS +${((peak - before) / 2 ** 20).toFixed(0)} MB at peak`,
        );
      }
  } finally {
    server.kill("SIGTERM");
    await db().roleGrant.deleteMany({ where: { userId: { in: hrPeople.map((person) => person.id) }, role: "HR" } });
  }
}
