/**
 * Crash tests only: with FAULT_AT=<boundary> set, the process stops dead at that write
 * boundary (it says which on stderr first), as a power cut or an OOM kill would stop it.
 * Unset, which it always is outside tests, a boundary does nothing.
 */
import { env } from "./env.server.ts";

/** A passing quiz submission's boundaries (app/learning/enrollments.server.ts). */
export const submissionBoundaries = [
  "progress-written",
  "completion-recorded",
  "certificate-inserted",
  "progress-committed",
] as const;
/**
 * The staff import's write transaction after its first rows, and between two of its transactions
 * (app/people/staff-import.server.ts); a publish's new version rows before the course points at
 * them (app/courses/importer.server.ts); an HR export, CSV or XLSX, after its first part was sent
 * (app/reports/export.server.ts). Decisions 038 and 040.
 */
export const operationBoundaries = [
  "import-rows-written",
  "import-transaction-committed",
  "version-rows-written",
  "export-part-sent",
] as const;
export const faultBoundaries = [...submissionBoundaries, ...operationBoundaries] as const;
export type FaultBoundary = (typeof faultBoundaries)[number];

export function faultPoint(boundary: FaultBoundary): void {
  if (env().FAULT_AT !== boundary) return;
  process.stderr.write(`fault-point reached: ${boundary}\n`);
  process.kill(process.pid, "SIGKILL");
}

/**
 * A boundary in a download's stream: armed, the event loop turns once first, so that the bytes
 * already handed to the socket reach the client (with a synchronous database driver nothing else
 * would let them go), then the process stops as at `faultPoint`. Unarmed, it does nothing.
 */
export async function faultPointAfterSend(boundary: FaultBoundary): Promise<void> {
  if (env().FAULT_AT !== boundary) return;
  await new Promise((resolve) => setImmediate(resolve));
  faultPoint(boundary);
}
