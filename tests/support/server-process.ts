/** The production server (server/main.js) as its own process, as `npm start` runs it, on a free port. */
import { spawn, type ChildProcess } from "node:child_process";
import type { FaultBoundary } from "~/faults.server.ts";
import { freePort } from "../../scripts/throwaway-postgres.ts";

export interface ServerProcess {
  origin: string;
  stop: () => Promise<void>;
}

export type ServerStart = { started: true; server: ServerProcess } | { started: false; code: number | null; stderr: string };

type Exit = { code: number | null; signal: NodeJS.Signals | null };

interface Spawned {
  origin: string;
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<Exit>;
  /** Resolves once the server says it is listening, false if it exited first. */
  listening: Promise<boolean>;
}

async function spawnServer(env: NodeJS.ProcessEnv): Promise<Spawned> {
  const port = await freePort();
  const child = spawn("node_modules/.bin/tsx", ["server/main.js"], {
    env: { ...env, NODE_ENV: "production", PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<Exit>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  const listening = new Promise<boolean>((resolve) => {
    child.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("is listening on")) resolve(true);
    });
    void exited.then(() => resolve(false));
  });
  return { origin: `http://127.0.0.1:${port}`, child, stderr: () => stderr, exited, listening };
}

export async function startServerProcess(env: Record<string, string>): Promise<ServerStart> {
  const spawned = await spawnServer({ ...process.env, ...env });
  const stop = async () => {
    if (spawned.child.exitCode !== null || spawned.child.signalCode !== null) return;
    spawned.child.kill("SIGTERM");
    await spawned.exited;
  };
  if (await spawned.listening) return { started: true, server: { origin: spawned.origin, stop } };
  return { started: false, code: (await spawned.exited).code, stderr: spawned.stderr() };
}

export interface RunningServer {
  origin: string;
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<Exit>;
}

/**
 * One server process on this test's database, with the crash hook armed at `faultAt`
 * (app/faults.server.ts) or, without it, disarmed whatever the environment says.
 */
export async function startServer(faultAt?: FaultBoundary): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = { ...process.env, WEB_CONCURRENCY: "1" };
  delete env.FAULT_AT;
  if (faultAt) env.FAULT_AT = faultAt;
  const { listening, ...server } = await spawnServer(env);
  if (!(await listening)) throw new Error(`the server exited before listening: ${server.stderr()}`);
  return server;
}

/** Killed by SIGKILL (tsx, which runs the server, reports its child's SIGKILL as exit code 128 + 9). */
export function killedHard(exit: Exit): boolean {
  return exit.signal === "SIGKILL" || exit.code === 137;
}
