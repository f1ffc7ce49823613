/**
 * The health check for a load balancer or an orchestrator: 200 "ok" when the database answers a
 * trivial query within a short time, else 503 with a short reason. Plain text, no personal data,
 * never cached (not a public path, app/http/cache-policy.ts).
 */
import { databaseAnswers } from "~/operations/health.server.ts";

export async function loader() {
  const health = await databaseAnswers();
  return new Response(health.ok ? "ok\n" : `unavailable: ${health.reason}\n`, {
    status: health.ok ? 200 : 503,
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
}
