/**
 * Two app server processes (server/main.js on the built app) on one database, behind a small
 * round-robin proxy on loopback that sets X-Forwarded-For and X-Forwarded-Proto (TRUST_PROXY=true):
 * a sign-in on one is a session on the other; quiz posts alternate between them; login throttles
 * count across both; each server runs the reminders job at the same moment and every reminder goes
 * once (the lease and the claims); a publish on one is what the other shows next; and learners
 * through the two end with the same rows as learners on one server alone. On PostgreSQL this is
 * the deployment of several servers; on SQLite it is two processes on one file (what
 * WEB_CONCURRENCY does), so the file runs on both.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { freePort } from "../../scripts/throwaway-postgres.ts";
import { checkLoad, learnerRows, prepareLoad, publishRevision, runLoad, type LoadSetup } from "../../scripts/load.ts";
import { peopleWithRemindersDue } from "../support/assignment-rows.ts";
import { createUser, TEST_PASSWORD } from "../support/factories.ts";
import { decodeEntities } from "../support/html.ts";
import { importSampleCourse, SAMPLE_COURSE } from "../support/learning.ts";

interface AppServer {
  origin: string;
  child: ChildProcess;
  startedAt: number;
  exited: Promise<unknown>;
  output: () => string;
}

/** `node server/main.js` on ./build and this test's database, as each instance of a deployment runs. */
async function startAppServer(): Promise<AppServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    BUILD_DIR: "build",
    PORT: String(port),
    WEB_CONCURRENCY: "1",
    TRUST_PROXY: "true",
    REMINDERS_EVERY_MINUTES: "1",
  };
  delete env.FAULT_AT;
  const startedAt = Date.now();
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.js"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", () => {
      if (output.includes("listening")) resolve();
    });
    void exited.then(() => reject(new Error(`the server exited before listening: ${output}`)));
  });
  return { origin: `http://127.0.0.1:${port}`, child, startedAt, exited, output: () => output };
}

/**
 * The front proxy of a deployment, in miniature: each request to the next server in turn, with
 * the client's address appended to X-Forwarded-For and the scheme in X-Forwarded-Proto.
 */
async function startProxy(backends: readonly string[]) {
  const served: number[] = [];
  let turn = 0;
  const server = http.createServer((request, response) => {
    const index = turn++ % backends.length;
    served.push(index);
    const target = new URL(backends[index]!);
    const forwardedFor = [request.headers["x-forwarded-for"], request.socket.remoteAddress].filter(Boolean).join(", ");
    const upstream = http.request(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: { ...request.headers, "x-forwarded-for": forwardedFor, "x-forwarded-proto": "http" },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on("error", () => response.writeHead(502).end());
    request.pipe(upstream);
  });
  server.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    served,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Answer {
  status: number;
  location: string | null;
  setCookie: string[];
  body: string;
}

/** One request through the proxy, from a chosen loopback address (the client's IP as the app sees it). */
function call(pathname: string, options: { cookie?: string; form?: URLSearchParams; from?: string } = {}): Promise<Answer> {
  const url = new URL(pathname, proxy.origin);
  const body = options.form?.toString();
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: body === undefined ? "GET" : "POST",
        localAddress: options.from ?? "127.0.0.1",
        agent: false,
        headers: {
          ...(options.cookie ? { Cookie: options.cookie } : {}),
          ...(body === undefined
            ? {}
            : {
                Origin: proxy.origin,
                "Content-Type": "application/x-www-form-urlencoded",
                "Content-Length": Buffer.byteLength(body),
              }),
        },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            location: response.headers.location ?? null,
            setCookie: response.headers["set-cookie"] ?? [],
            body: decodeEntities(text),
          }),
        );
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields);
const logIn = (email: string, password: string, from?: string) =>
  call("/login", { form: form({ email, password, redirectTo: "/profile" }), from });

let servers: AppServer[] = [];
/** What the servers wrote (their errors), for a failing assertion's message. */
const serversOutput = () => servers.map((server) => server.output()).join("\n");
let proxy: Awaited<ReturnType<typeof startProxy>>;
const reminded: Array<{ id: string; email: string; expected: number }> = [];

beforeAll(async () => {
  await importSampleCourse();
  // People with reminders due, before the servers start: each server's first run of the
  // reminders job comes 30 s after it starts, so both run it at about the same moment.
  reminded.push(...(await peopleWithRemindersDue(6, SAMPLE_COURSE)));
  servers = await Promise.all([startAppServer(), startAppServer()]);
  proxy = await startProxy(servers.map((server) => server.origin));
});

afterAll(async () => {
  await proxy?.close();
  for (const server of servers) server.child.kill("SIGTERM");
  await Promise.all(servers.map((server) => server.exited));
});

describe("two app servers behind a round-robin proxy", () => {
  it("keep a sign-in made on one on the other, and a sign-out on one ends it on both", async () => {
    const person = await createUser({ name: "Berta Dos Servidores" });
    const first = proxy.served.length;
    const signedIn = await logIn(person.email, TEST_PASSWORD);
    expect(signedIn).toMatchObject({ status: 302, location: "/profile" });
    const cookie = signedIn.setCookie.map((header) => header.split(";")[0]).join("; ");
    const profile = await call("/profile", { cookie });
    expect(profile.status).toBe(200);
    expect(profile.body).toContain("Berta Dos Servidores");
    expect(proxy.served.slice(first, first + 2).sort()).toEqual([0, 1]);

    expect((await call("/logout", { cookie, form: form({}) })).status).toBe(302);
    expect(await call("/profile", { cookie })).toMatchObject({ status: 302 });
    expect(await call("/profile", { cookie })).toMatchObject({ status: 302 });
  });

  it("count a login throttle across both servers, by the address the proxy forwards", async () => {
    const person = await createUser();
    // Eight wrong passwords from one address, alternating between the servers (four each)…
    const first = proxy.served.length;
    for (let attempt = 0; attempt < 8; attempt += 1)
      expect((await logIn(person.email, "wrong password", "127.0.0.2")).status).toBe(400);
    expect(new Set(proxy.served.slice(first))).toEqual(new Set([0, 1]));
    // …and the right one is refused from that address, on either server…
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const refused = await logIn(person.email, TEST_PASSWORD, "127.0.0.2");
      expect(refused.status).toBe(400);
      expect(refused.body).toContain("Demasiados intentos fallidos");
    }
    // …while the owner, from another address, signs in as usual.
    expect(await logIn(person.email, TEST_PASSWORD, "127.0.0.3")).toMatchObject({ status: 302, location: "/profile" });
  });

  it("take one learner's quiz posts on alternating servers and store each once", async () => {
    const setup = await prepareLoad(1);
    const first = proxy.served.length;
    const report = await runLoad(setup, { origins: [proxy.origin], concurrency: 1, publishDuring: false });
    expect(report.errors, serversOutput()).toEqual([]);
    const quizPosts = proxy.served.slice(first);
    expect(quizPosts.filter((index) => index === 0).length).toBeGreaterThan(3);
    expect(quizPosts.filter((index) => index === 1).length).toBeGreaterThan(3);
    expect(await checkLoad(setup, report)).toEqual([]);
  }, 60_000);

  it("end with the same rows as one server alone: scores, lessons, attempts, certificates, assignments", async () => {
    const rowsOf = async (setup: LoadSetup) =>
      Promise.all(
        setup.learners.map(async (learner) => {
          const { enrollments, assignments, certificates } = await learnerRows(setup, learner);
          return {
            enrollments: enrollments.map((enrollment) => ({
              completed: enrollment.completedAt !== null,
              lessons: enrollment.lessons.map((lesson) => lesson.lessonKey),
              attempts: enrollment.attempts.map((attempt) => ({
                number: attempt.number,
                submitted: attempt.submittedAt !== null,
                score: attempt.score,
                passed: attempt.passed,
              })),
              certificate: enrollment.certificate !== null,
            })),
            assignments: assignments.map((assignment) => ({
              linked: assignment.enrollmentId !== null,
              withdrawn: assignment.withdrawnAt,
            })),
            certificates,
          };
        }),
      );
    const alone = await prepareLoad(6);
    const aloneReport = await runLoad(alone, { origins: [servers[0]!.origin], concurrency: 3, publishDuring: false });
    const together = await prepareLoad(6);
    const togetherReport = await runLoad(together, { origins: [proxy.origin], concurrency: 3, publishDuring: false });
    expect([aloneReport.errors, togetherReport.errors], serversOutput()).toEqual([[], []]);
    expect(await checkLoad(together, togetherReport)).toEqual([]);
    const expected = await rowsOf(alone);
    expect(expected.map((rows) => rows.enrollments[0]!.attempts[0]!.score)).toEqual([0, 50, 100, 0, 50, 100]);
    expect(await rowsOf(together)).toEqual(expected);
  }, 90_000);

  it("show a version published on one server on the other at once", async () => {
    const setup = await prepareLoad(1);
    const [learner] = setup.learners;
    const [publisher, reader] = servers as [AppServer, AppServer];
    const lesson = `${reader.origin}/learn/${setup.courseKey}/first-steps`;
    const read = async () => decodeEntities(await (await fetch(lesson, { headers: { Cookie: learner!.cookie } })).text());
    await fetch(`${reader.origin}/courses/${setup.courseKey}`, {
      method: "POST",
      headers: { Cookie: learner!.cookie, Origin: reader.origin },
      redirect: "manual",
    });
    // The reader has version 1 in its cache.
    expect(await read()).toContain("Texto de la lección (es).");
    const publishOn = {
      send: async (pathname: string, cookie: string, body?: URLSearchParams) => {
        const response = await fetch(`${publisher.origin}${pathname}`, {
          method: "POST",
          headers: { Cookie: cookie, Origin: publisher.origin, "Content-Type": "application/x-www-form-urlencoded" },
          body: body?.toString(),
          redirect: "manual",
        });
        return { status: response.status, location: response.headers.get("location"), body: await response.text() };
      },
    };
    for (const version of [2, 3]) {
      const text = `Texto de la versión ${version} (es).`;
      const published = await publishRevision(publishOn, setup, text);
      expect(published).toMatchObject({
        status: 302,
        location: `/author/${setup.courseKey}/publish?done=published&version=${version}`,
      });
      const page = await read();
      expect(page).toContain(text);
      expect(page).not.toContain("Texto de la lección (es).");
    }
  });

  it("send every reminder once when both servers run the reminders job at the same moment", async () => {
    const ids = reminded.map((person) => person.id);
    const expected = reminded.reduce((sum, person) => sum + person.expected, 0);
    const outbox = () =>
      readdirSync(process.env.OUTBOX_DIR!)
        .filter((name) => name.endsWith(".json"))
        .map((name) => (JSON.parse(readFileSync(path.join(process.env.OUTBOX_DIR!, name), "utf8")) as { to: string }).to);
    // Past both servers' first run (30 s after each started), and the sends done.
    const bothRan = Math.max(...servers.map((server) => server.startedAt)) + 32_000;
    while (
      Date.now() < bothRan ||
      (await db().reminderSent.count({ where: { personAssignment: { userId: { in: ids } } } })) < expected
    )
      await new Promise((resolve) => setTimeout(resolve, 250));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await db().reminderSent.count({ where: { personAssignment: { userId: { in: ids } } } })).toBe(expected);
    for (const person of reminded) {
      expect(await db().notice.count({ where: { userId: person.id } })).toBe(person.expected);
      expect(outbox().filter((to) => to === person.email)).toHaveLength(person.expected);
    }
    for (const server of servers) expect(server.output()).not.toContain("The reminders job failed");
  }, 60_000);
});
