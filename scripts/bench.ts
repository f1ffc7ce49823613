/**
 * `npm run bench`: builds the production app (into .cache/bench-build, leaving ./build alone),
 * seeds a realistic volume (10 000 learners with progress, certificates and open quiz attempts;
 * cached in .cache/bench between runs), serves it with one worker per core, and measures
 * requests per second and p95 latency for the lesson page (plain, and compressed as browsers
 * ask for it), quiz answer posts and /verify/<code>, the time to render one certificate PDF,
 * and, for comparison, the same lesson HTML from a plain static server and from a one-route Remix
 * app with no data and no layout (scripts/bench-floor) on our own HTTP server: the floor beneath
 * which no page of a Remix app goes on this machine. At the end, a short staff import
 * (scripts/bench-import.ts; `npm run bench -- --import` runs it at 20 000 rows) and the audit log page's query at
 * 100 000 entries (scripts/bench-audit.ts); `npm run bench -- --audit [--audit-scale <entries>]`
 * runs only that, at 1 000 000 entries unless told. Then load without loss on SQLite and
 * PostgreSQL (scripts/load.ts; alone: `npm run bench:load`). Last, CPU time per request at 10 000 and 500 000
 * learners on SQLite and PostgreSQL (scripts/bench-scale.ts); `npm run bench -- --scale-only [options]`
 * runs only that (its options at the top of that file). `npm run bench -- --pages-only` stops after
 * the pages (BENCH_OPEN_LOOP_RATE sets the open loop's offered rate, 300 requests/s by default).
 */
import { execFileSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, copyFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { openLoop, percentile, type OpenLoopRequest } from "./open-loop.ts";

const cacheDir = path.resolve(".cache/bench");
const cachedDb = path.join(cacheDir, "bench.db");
const runDb = path.join(cacheDir, "run.db");
const LEARNERS = 10_000;
const ATTEMPTS = 400;
const PORT = 3900;
const STATIC_PORT = 3901;
const FLOOR_PORT = 3902;
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
// Unmeasured load first, so the numbers are for warmed-up (JIT-compiled) workers.
const WARM_UP = Number(process.env.BENCH_WARM_UP_SECONDS ?? 3);
const CONNECTIONS = 50;
// The network's estimate of requests at an exam peak, offered open-loop (scripts/open-loop.ts).
const OPEN_LOOP_RATE = Number(process.env.BENCH_OPEN_LOOP_RATE ?? 300);
const bin = (name: string) => path.resolve("node_modules/.bin", name);
const auditScale = (fallback: string) => {
  const at = process.argv.indexOf("--audit-scale");
  return at > 0 ? process.argv[at + 1]! : fallback;
};
const benchAudit = (scale: string) =>
  execFileSync(bin("tsx"), ["scripts/bench-audit.ts", "--scale", scale], { stdio: "inherit" });
if (process.argv.includes("--audit")) {
  benchAudit(auditScale("1000000"));
  process.exit(0);
}

function hashTree(paths: string[]): string {
  const hash = createHash("sha256");
  const walk = (entry: string) => {
    if (statSync(entry).isDirectory()) for (const name of readdirSync(entry).sort()) walk(path.join(entry, name));
    else hash.update(entry).update(readFileSync(entry));
  };
  for (const entry of paths) walk(entry);
  return hash.digest("hex").slice(0, 16);
}

function run(command: string, args: string[], env: Record<string, string> = {}) {
  execFileSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
}

async function prepareDatabase(): Promise<void> {
  mkdirSync(cacheDir, { recursive: true });
  const fingerprint = hashTree(["prisma/migrations", "courses", "app/cities/signatory-cities.ts", "scripts/bench-seed.ts"]);
  const stamp = path.join(cacheDir, `bench-${fingerprint}.ok`);
  if (!existsSync(stamp) || !existsSync(cachedDb)) {
    console.log(`Seeding ${LEARNERS} learners into ${cachedDb} (cached for later runs)...`);
    for (const name of readdirSync(cacheDir)) rmSync(path.join(cacheDir, name), { force: true });
    const url = `file:${cachedDb}`;
    run(bin("tsx"), ["scripts/db.ts", "deploy"], { DATABASE_URL: url });
    run(bin("tsx"), ["prisma/seed.ts"], { DATABASE_URL: url, DEMO: "false" });
    run(bin("tsx"), ["scripts/bench-seed.ts"], { DATABASE_URL: url });
    execFileSync("touch", [stamp]);
  }
  for (const suffix of ["", "-wal", "-shm"]) rmSync(runDb + suffix, { force: true });
  copyFileSync(cachedDb, runDb);
}

interface Measured {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  errors: number;
}

async function load(name: string, options: autocannon.Options, duration = DURATION): Promise<Measured> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ connections: CONNECTIONS, duration, ...options }, (error, finished) =>
      error ? reject(error) : resolve(finished),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  const errors = result.errors + result.timeouts + result.non2xx;
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50: Math.round(percentile(latencies, 50)),
    p95: Math.round(percentile(latencies, 95)),
    errors,
  };
}

interface OpenLoopMeasured {
  name: string;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  worstSendLag: number;
}

/** The same run at a fixed offered rate, latencies from each request's scheduled send time. */
async function offered(name: string, origin: string, request: (index: number) => OpenLoopRequest): Promise<OpenLoopMeasured> {
  const result = await openLoop({ origin, rate: OPEN_LOOP_RATE, seconds: DURATION, request });
  return {
    name,
    p50: percentile(result.latencies, 50),
    p95: percentile(result.latencies, 95),
    p99: percentile(result.latencies, 99),
    errors: result.errors,
    worstSendLag: result.worstSendLag,
  };
}

async function waitFor(url: string) {
  for (let tries = 0; tries < 100; tries += 1) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not start`);
}

// `npm run bench -- --scale-only [options]`: only the cost per request at two sizes of data.
if (process.argv.includes("--scale-only")) {
  run(bin("tsx"), ["scripts/bench-scale.ts", ...process.argv.slice(2).filter((arg) => arg !== "--scale-only")]);
  process.exit(0);
}

// `npm run bench -- --import [--scale <rows>] [--runs <n>]`: only the staff import (20 000 rows by default).
if (process.argv.includes("--import")) {
  run(bin("tsx"), ["scripts/bench-import.ts", ...process.argv.slice(2).filter((arg) => arg !== "--import")]);
  process.exit(0);
}

run(bin("tsx"), ["scripts/db.ts", "generate"]);
const buildDir = ".cache/bench-build";
run(bin("remix"), ["vite:build"], { NODE_ENV: "production", BUILD_DIR: buildDir });
await prepareDatabase();

const databaseUrl = `file:${runDb}`;
process.env.DATABASE_URL = databaseUrl;
const { db } = await import("../app/db.server.ts");
const { createSession } = await import("../app/auth/session.server.ts");
const { getCurrentUser } = await import("../app/auth/guards.server.ts");
const { startAttempt } = await import("../app/quiz/attempts.server.ts");

// Sessions for learners who read lessons, and open attempts for the quiz posts.
const learners = await db().user.findMany({ where: { email: { startsWith: "learner" } }, take: ATTEMPTS, select: { id: true } });
const cookies: string[] = [];
const attempts: string[] = [];
for (const learner of learners) {
  const cookie = `aula_session=${(await createSession(learner.id)).token}`;
  cookies.push(cookie);
  const user = (await getCurrentUser(new Request("http://localhost/", { headers: { Cookie: cookie } })))!;
  const started = await startAttempt(user, "ai-fundamentals");
  if (started.ok) attempts.push(started.attemptId);
}
const certificate = await db().certificate.findFirstOrThrow({
  select: {
    code: true,
    holderName: true,
    courseTitle: true,
    courseVersion: true,
    score: true,
    locale: true,
    citySnapshot: true,
    issuedAt: true,
    expiresAt: true,
  },
});
await db().$disconnect();

const workers = Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism());
/** Our production server (server/main.js) on a build, with one worker per core. */
const serve = (port: number, build: string) =>
  spawn(bin("tsx"), ["server/main.js"], {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      WEB_CONCURRENCY: String(workers),
      BUILD_DIR: build,
    },
  });
const server = serve(PORT, buildDir);
const base = `http://127.0.0.1:${PORT}`;
let floorServer: ReturnType<typeof spawn> | undefined;
try {
  await waitFor(`${base}/verify`);
  const lessonPath = "/learn/ai-fundamentals/what-ai-is";
  const lessonHtml = await (await fetch(`${base}${lessonPath}`, { headers: { Cookie: cookies[0]! } })).text();
  if (!lessonHtml.includes("<article")) throw new Error(`the lesson page did not render: ${lessonHtml.slice(0, 600)}`);

  const results: Measured[] = [];
  let next = 0;
  const lessonLoad: autocannon.Options = {
    url: `${base}${lessonPath}`,
    requests: [
      {
        setupRequest: (request) => ({ ...request, headers: { ...request.headers, cookie: cookies[next++ % cookies.length]! } }),
      },
    ],
  };
  if (WARM_UP > 0) await load("warm-up", lessonLoad, WARM_UP);
  results.push(await load("lesson page (GET, signed in)", lessonLoad));
  const openLoopResults: OpenLoopMeasured[] = [];
  openLoopResults.push(
    await offered("lesson page (GET, signed in)", base, (index) => ({
      path: lessonPath,
      headers: { cookie: cookies[index % cookies.length]! },
    })),
  );
  // As browsers ask for it over HTTPS: the server compresses the page (brotli).
  results.push(
    await load("lesson page, compressed (Accept-Encoding: gzip, deflate, br)", {
      ...lessonLoad,
      headers: { "accept-encoding": "gzip, deflate, br" },
    }),
  );

  // Each connection drives its own attempt: next, previous, next, ... with the right step.
  let connection = 0;
  results.push(
    await load("quiz answer post", {
      url: `${base}/quiz/`,
      method: "POST",
      setupClient: (client) => {
        const attempt = connection++ % attempts.length;
        let step = 0;
        const body = () => `step=${step}&intent=${step % 2 === 0 ? "next" : "previous"}`;
        client.setHeaders({ "content-type": "application/x-www-form-urlencoded", cookie: cookies[attempt]! });
        client.setRequests([{ method: "POST", path: `/quiz/${attempts[attempt]}/events`, body: body() }]);
        client.on("response", (status: number) => {
          if (status === 200) step += 1;
          client.setBody(body());
        });
      },
    }),
  );

  results.push(await load(`/verify/<code>`, { url: `${base}/verify/${certificate.code}` }));

  // The floor: the lesson's HTML (without its scripts) as the only content of a one-route Remix app.
  const floorBody = (/<body[^>]*>([\s\S]*)<\/body>/.exec(lessonHtml)?.[1] ?? "").replace(/<script[\s\S]*?<\/script>/g, "");
  writeFileSync(path.join(cacheDir, "floor-body.html"), floorBody);
  const floorBuildDir = ".cache/bench-floor-build";
  run(bin("remix"), ["vite:build", "--config", "scripts/bench-floor/vite.config.ts"], {
    NODE_ENV: "production",
    BUILD_DIR: floorBuildDir,
    BENCH_FLOOR_BODY: path.join(cacheDir, "floor-body.html"),
  });
  floorServer = serve(FLOOR_PORT, floorBuildDir);
  await waitFor(`http://127.0.0.1:${FLOOR_PORT}/`);
  const floorLoad: autocannon.Options = { url: `http://127.0.0.1:${FLOOR_PORT}/` };
  if (WARM_UP > 0) await load("warm-up", floorLoad, WARM_UP);
  const floorResult = await load("same lesson HTML, one-route Remix app (no data, no layout)", floorLoad);
  openLoopResults.push(await offered(floorResult.name, `http://127.0.0.1:${FLOOR_PORT}`, () => ({ path: "/" })));
  floorServer.kill("SIGTERM");
  results.push(floorResult);

  const staticServer = http.createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(lessonHtml);
  });
  await new Promise<void>((resolve) => staticServer.listen(STATIC_PORT, "127.0.0.1", () => resolve()));
  const staticResult = await load("same lesson HTML, plain static server", { url: `http://127.0.0.1:${STATIC_PORT}/` });
  openLoopResults.push(await offered(staticResult.name, `http://127.0.0.1:${STATIC_PORT}`, () => ({ path: "/" })));
  staticServer.close();
  results.push(staticResult);

  process.env.DATABASE_URL = databaseUrl;
  const { renderCertificatePdf } = await import("../app/certificates/pdf.server.ts");
  await renderCertificatePdf(certificate, `${base}/verify/${certificate.code}`);
  const pdfTimes: number[] = [];
  for (let index = 0; index < 40; index += 1) {
    const started = performance.now();
    await renderCertificatePdf(certificate, `${base}/verify/${certificate.code}`);
    pdfTimes.push(performance.now() - started);
  }
  pdfTimes.sort((a, b) => a - b);

  console.log(
    `\nAula IA benchmark · ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"} · ${Math.round(os.totalmem() / 2 ** 30)} GiB · Node ${process.version}`,
  );
  console.log(
    `${LEARNERS} learners (SQLite, WAL), ${workers} app workers, ${CONNECTIONS} connections, ${DURATION} s per run after ${WARM_UP} s of warm-up\n`,
  );
  console.log("| measure | requests/s | p50 ms | p95 ms | errors |");
  console.log("| --- | ---: | ---: | ---: | ---: |");
  for (const result of results)
    console.log(`| ${result.name} | ${result.requestsPerSecond} | ${result.p50} | ${result.p95} | ${result.errors} |`);
  console.log(
    `\nLesson page throughput / static server: ${(results[0]!.requestsPerSecond / staticResult.requestsPerSecond).toFixed(3)}` +
      ` (one-route Remix app / static server: ${(floorResult.requestsPerSecond / staticResult.requestsPerSecond).toFixed(3)};` +
      ` lesson page / one-route Remix app: ${(results[0]!.requestsPerSecond / floorResult.requestsPerSecond).toFixed(3)})`,
  );
  const ms = (value: number) => value.toFixed(1);
  console.log(
    `\nOpen loop: ${OPEN_LOOP_RATE} requests/s offered for ${DURATION} s, latency from each request's scheduled send time\n`,
  );
  console.log("| measure | p50 ms | p95 ms | p99 ms | errors | generator's worst send lag ms |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const result of openLoopResults)
    console.log(
      `| ${result.name} | ${ms(result.p50)} | ${ms(result.p95)} | ${ms(result.p99)} | ${result.errors} | ${ms(result.worstSendLag)} |`,
    );
  const [lessonOpen, floorOpen, staticOpen] = openLoopResults;
  console.log(
    `Lesson page p95 at ${OPEN_LOOP_RATE}/s: ${ms(lessonOpen!.p95)} ms (aim < 25 ms on SQLite); ` +
      `one-route Remix app ${ms(floorOpen!.p95)} ms, static server ${ms(staticOpen!.p95)} ms`,
  );
  console.log(`Certificate PDF: median ${percentile(pdfTimes, 50).toFixed(1)} ms, p95 ${percentile(pdfTimes, 95).toFixed(1)} ms`);
} finally {
  server.kill("SIGTERM");
  floorServer?.kill("SIGTERM");
}
if (process.argv.includes("--pages-only")) process.exit(0);
// The staff import, kept short here; `npm run bench -- --import` runs it at 20 000 rows.
run(bin("tsx"), ["scripts/bench-import.ts", "--scale", "2000", "--runs", "3"]);
benchAudit(auditScale("100000"));
// Load without loss on both databases (scripts/load.ts, alone: `npm run bench:load`), on this build; exits 1 on a loss.
for (const database of [[], ["--postgres"]])
  run(bin("tsx"), ["scripts/load.ts", ...database], { SKIP_BUILD: "1", BUILD_DIR: buildDir });
run(bin("tsx"), ["scripts/bench-scale.ts", "--built"]);
process.exit(0);
