/** Whether the database answers: the one check of /healthz (decision 035). */
import { db } from "~/db.server.ts";
import { isDatabaseUnavailable } from "./database-availability.ts";

/** Longer than a healthy database ever takes for `SELECT 1`, shorter than a load balancer's check interval. */
export const HEALTH_TIMEOUT_MS = 2000;

export type Health = { ok: true } | { ok: false; reason: "timeout" | "unreachable" | "error" };

export async function databaseAnswers(timeoutMs = HEALTH_TIMEOUT_MS): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<Health>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: "timeout" }), timeoutMs);
  });
  const query = db().$queryRaw`SELECT 1`
    .then((): Health => ({ ok: true }))
    .catch((error: unknown): Health => ({ ok: false, reason: isDatabaseUnavailable(error) ? "unreachable" : "error" }));
  try {
    return await Promise.race([query, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
