/** The production server (server/main.js) as its own process, as `npm start` runs it, on a free port. */
import { spawn } from "node:child_process";
import { freePort } from "../../scripts/throwaway-postgres.ts";

export interface ServerProcess {
  origin: string;
  stop: () => Promise<void>;
}

export type ServerStart = { started: true; server: ServerProcess } | { started: false; code: number | null; stderr: string };

export async function startServerProcess(env: Record<string, string>): Promise<ServerStart> {
  const port = await freePort();
  const child = spawn("node_modules/.bin/tsx", ["server/main.js"], {
    env: { ...process.env, ...env, NODE_ENV: "production", PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  return new Promise<ServerStart>((resolve) => {
    child.stdout.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("is listening on"))
        resolve({ started: true, server: { origin: `http://127.0.0.1:${port}`, stop } });
    });
    child.once("exit", (code) => resolve({ started: false, code, stderr }));
  });
}
