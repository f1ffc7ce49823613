/**
 * `npm run bench -- --scale-only [--sizes 10000,500000] [--runs 3] [--requests 2000] [--connections 10]
 * [--databases sqlite,postgres]` (also run at the end of `npm run bench`): whether a request costs
 * the same with many more learners. On the HR benchmark's seeded network at each size
 * (scripts/bench-hr-data.ts; cached, so only the first run seeds), one production server per
 * database and size, a single process (no cluster), measures the server's own CPU time per request
 * (utime + stime from /proc/<pid>/stat, steadier on this shared machine than requests per second)
 * for the lesson page of a signed-in, enrolled learner, a quiz answer post (the JSON events
 * endpoint, one open attempt per connection) and /verify/<code> of a seeded certificate. Runs are
 * interleaved (for each run, each size, each database) and reported as the median and min–max
 * over runs, with the largest size's median against the smallest's: within 15 % passes.
 * Try it small first: `--sizes 2000,20000 --runs 2`.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { postgresNetwork, sqliteNetwork } from "./bench-hr-data.ts";
import { cpuTicks, median, scaleRatio } from "./bench-scale-figures.ts";
import type { ScaleFixture } from "./bench-scale-fixture.ts";

const { values } = parseArgs({
  options: {
    sizes: { type: "string", default: "10000,500000" },
    runs: { type: "string", default: "3" },
    requests: { type: "string", default: "2000" },
    connections: { type: "string", default: "10" },
    databases: { type: "string", default: "sqlite,postgres" },
    // The caller (scripts/bench.ts) has built .cache/bench-build already.
    built: { type: "boolean", default: false },
  },
});
const sizes = values.sizes.split(",").map(Number);
const runs = Number(values.runs);
const requests = Number(values.requests);
const connections = Number(values.connections);
const databases = values.databases.split(",") as Array<"sqlite" | "postgres">;
if (sizes.some((size) => !Number.isInteger(size) || size < 1) || sizes.length < 2) throw new Error("--sizes: two or more counts");
if (databases.some((name) => name !== "sqlite" && name !== "postgres")) throw new Error("--databases: sqlite and/or postgres");
const FIRST_PORT = 4400;
const WARM_UP_REQUESTS = 1000;
const bin = (name: string) => path.resolve("node_modules/.bin", name);
const buildDir = ".cache/bench-build";
const tickMs = 1000 / Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }));
const paths = ["lesson page", "quiz answer post", "/verify/<code>"] as const;
type Path = (typeof paths)[number];

if (!values.built)
  execFileSync(bin("remix"), ["vite:build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", BUILD_DIR: buildDir },
  });

interface Target {
  database: "sqlite" | "postgres";
  size: number;
  url: string;
  fixture: ScaleFixture;
  /** Each attempt's next step (a post with another one is refused as stale). */
  steps: number[];
  server: ChildProcess;
  base: string;
  stopDatabase?: () => Promise<void>;
  /** CPU ms per request, per path, one sample per run. */
  samples: Record<Path, number[]>;
}

const fixtureScript = (url: string, args: string[]) =>
  execFileSync(bin("tsx"), ["scripts/bench-scale-fixture.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: url },
  });

async function waitFor(url: string) {
  for (let tries = 0; tries < 300; tries += 1) {
    const up = await fetch(url).then(
      (response) => response.status < 500,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not start`);
}

/** The production server as one process: node with tsx's loader, so /proc/<pid> is the server itself. */
function serve(url: string, port: number) {
  return spawn(process.execPath, ["--import", "tsx", "server/main.js"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: url,
      WEB_CONCURRENCY: "1",
      BUILD_DIR: buildDir,
    },
  });
}

function load(target: Target, which: Path, amount: number): autocannon.Options {
  const { base, fixture, steps } = target;
  if (which === "lesson page") {
    let next = 0;
    return {
      url: `${base}${fixture.lessonPath}`,
      amount,
      requests: [
        {
          setupRequest: (request) => ({
            ...request,
            headers: { ...request.headers, cookie: fixture.learners[next++ % fixture.learners.length]!.cookie },
          }),
        },
      ],
    };
  }
  if (which === "/verify/<code>") return { url: `${base}${fixture.verifyPath}`, amount };
  // One attempt per connection: next, previous, next, … each with the attempt's current step.
  let connection = 0;
  return {
    url: base,
    amount,
    setupClient: (client) => {
      const index = connection++ % fixture.learners.length;
      const learner = fixture.learners[index]!;
      const body = () => `step=${steps[index]}&intent=${steps[index]! % 2 === 0 ? "next" : "previous"}`;
      client.setHeaders({ "content-type": "application/x-www-form-urlencoded", cookie: learner.cookie });
      client.setRequests([{ method: "POST", path: `/quiz/${learner.attempt}/events`, body: body() }]);
      client.on("response", (status: number) => {
        if (status === 200) steps[index]! += 1;
        client.setBody(body());
      });
    },
  };
}

async function cpuPerRequest(target: Target, which: Path): Promise<number> {
  const cpu = () => cpuTicks(readFileSync(`/proc/${target.server.pid}/stat`, "utf8"));
  const send = (amount: number) =>
    new Promise<autocannon.Result>((resolve, reject) =>
      autocannon({ connections, timeout: 30, ...load(target, which, amount) }, (error, result) =>
        error ? reject(error) : resolve(result),
      ),
    );
  await send(WARM_UP_REQUESTS);
  const before = cpu();
  const result = await send(requests);
  const after = cpu();
  const failed = result.errors + result.timeouts + result.non2xx;
  if (failed > 0)
    throw new Error(
      `${target.database} ${target.size} ${which}: ${failed} failed of ${result.requests.total} (${JSON.stringify(result.statusCodeStats)})`,
    );
  return ((after - before) * tickMs) / result.requests.total;
}

const targets: Target[] = [];
const load1 = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(", ");
console.log(`CPU time per request at ${sizes.join(" and ")} learners; load average at start: ${load1()}`);
try {
  for (const size of sizes)
    for (const database of databases) {
      const pg = database === "postgres" ? await postgresNetwork(size, "bench_scale") : null;
      const url = pg?.url ?? sqliteNetwork(size);
      const fixture = JSON.parse(
        fixtureScript(url, ["--learners", String(connections)])
          .trim()
          .split("\n")
          .at(-1)!,
      ) as ScaleFixture;
      const port = FIRST_PORT + targets.length;
      const target: Target = {
        database,
        size,
        url,
        fixture,
        steps: fixture.learners.map(() => 0),
        server: serve(url, port),
        base: `http://127.0.0.1:${port}`,
        stopDatabase: pg?.stop,
        samples: { "lesson page": [], "quiz answer post": [], "/verify/<code>": [] },
      };
      targets.push(target);
      await waitFor(`${target.base}/verify`);
      const page = await fetch(`${target.base}${fixture.lessonPath}`, { headers: { Cookie: fixture.learners[0]!.cookie } });
      const html = await page.text();
      if (!html.includes("<article")) throw new Error(`${database} ${size}: the lesson page did not render (${page.status})`);
    }

  for (let run = 1; run <= runs; run += 1)
    for (const size of sizes)
      for (const database of databases) {
        const target = targets.find((candidate) => candidate.size === size && candidate.database === database)!;
        for (const which of paths) target.samples[which].push(await cpuPerRequest(target, which));
        console.log(
          `run ${run}, ${database}, ${size}: ${paths.map((which) => `${which} ${target.samples[which].at(-1)!.toFixed(2)} ms`).join(", ")}`,
        );
      }

  const [smallest, largest] = [Math.min(...sizes), Math.max(...sizes)];
  console.log(
    `\nServer CPU ms per request, one process, ${requests} requests per path at ${connections} connections after ${WARM_UP_REQUESTS} of warm-up, ${runs} interleaved runs` +
      ` · ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"} · Node ${process.version} · load average at end: ${load1()}\n`,
  );
  console.log(
    `| database | path | ${sizes.map((size) => `${size} learners: median (min–max)`).join(" | ")} | ${largest}/${smallest} |`,
  );
  console.log(`| --- | --- | ${sizes.map(() => "---:").join(" | ")} | --- |`);
  for (const database of databases)
    for (const which of paths) {
      const of = (size: number) => targets.find((target) => target.size === size && target.database === database)!.samples[which];
      const cells = sizes.map((size) => {
        const samples = of(size);
        return `${median(samples).toFixed(2)} (${Math.min(...samples).toFixed(2)}–${Math.max(...samples).toFixed(2)})`;
      });
      const { ratio, pass } = scaleRatio(of(smallest), of(largest));
      console.log(`| ${database} | ${which} | ${cells.join(" | ")} | ${ratio.toFixed(2)} ${pass ? "pass" : "FAIL"} |`);
    }
} finally {
  for (const target of targets) {
    target.server.kill("SIGTERM");
    try {
      fixtureScript(target.url, ["--undo", JSON.stringify(target.fixture)]);
    } catch (error) {
      console.error(`${target.database} ${target.size}: could not remove the run's sessions and attempts`, error);
    }
    await target.stopDatabase?.();
  }
}
process.exit(0);
