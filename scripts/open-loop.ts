/**
 * An open-loop load generator: requests leave at a fixed offered rate whatever the server does, and
 * each latency is measured from the request's scheduled send time, not from when a free connection
 * let it go. Closed-loop tools (autocannon, wrk) wait for an answer before the next request on a
 * connection, so a stalled server is asked less and its stall hides in few samples (coordinated
 * omission). undici's Pool keeps the connections; a request with no free connection queues in
 * the pool, and that wait counts in its latency, as it would for a person.
 */
import { Pool } from "undici";

export interface OpenLoopRequest {
  path: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
}

export interface OpenLoopOptions {
  /** The server's origin, e.g. http://127.0.0.1:3900. */
  origin: string;
  /** Requests per second offered. */
  rate: number;
  seconds: number;
  /** The n-th request (0-based): lets a run rotate cookies or bodies. */
  request: (index: number) => OpenLoopRequest;
  /** Connections the pool may open; enough that the pool is not the bottleneck at the rate. */
  connections?: number;
}

export interface OpenLoopResult {
  sent: number;
  /** Answers with a status of 400 or more, and requests that failed. */
  errors: number;
  /** Milliseconds from each request's scheduled send time to its whole answer, sorted. */
  latencies: number[];
  /** How late the generator itself sent its latest request (ms): large means the figures are not trustworthy. */
  worstSendLag: number;
}

/** The value at percentile p (0–100) of sorted numbers (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function openLoop(options: OpenLoopOptions): Promise<OpenLoopResult> {
  const pool = new Pool(options.origin, { connections: options.connections ?? 256, pipelining: 1 });
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const latencies: number[] = [];
  const inFlight: Array<Promise<void>> = [];
  let errors = 0;
  let worstSendLag = 0;

  const send = async (index: number, scheduled: number) => {
    const { path, method = "GET", headers, body } = options.request(index);
    try {
      const response = await pool.request({ path, method, headers, body });
      await response.body.dump();
      if (response.statusCode >= 400) errors += 1;
    } catch {
      errors += 1;
    }
    latencies.push(performance.now() - scheduled);
  };

  const start = performance.now();
  let next = 0;
  while (next < total) {
    const now = performance.now();
    // Everything whose time has come leaves now; a late tick sends its backlog at once.
    while (next < total && start + next * interval <= now) {
      const scheduled = start + next * interval;
      worstSendLag = Math.max(worstSendLag, now - scheduled);
      inFlight.push(send(next, scheduled));
      next += 1;
    }
    const wait = start + next * interval - performance.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(wait, 5))));
  }
  await Promise.all(inFlight);
  await pool.close();
  latencies.sort((a, b) => a - b);
  return { sent: total, errors, latencies, worstSendLag };
}
