/**
 * Crash tests only: with FAULT_AT=<boundary> set, the process stops dead at that write
 * boundary (it says which on stderr first), as a power cut or an OOM kill would stop it.
 * Unset, which it always is outside tests, a boundary does nothing.
 */
import { env } from "./env.server.ts";

export const faultBoundaries = ["progress-written", "completion-recorded", "certificate-inserted", "progress-committed"] as const;
export type FaultBoundary = (typeof faultBoundaries)[number];

export function faultPoint(boundary: FaultBoundary): void {
  if (env().FAULT_AT !== boundary) return;
  process.stderr.write(`fault-point reached: ${boundary}\n`);
  process.kill(process.pid, "SIGKILL");
}
