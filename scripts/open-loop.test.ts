import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { openLoop, percentile } from "./open-loop.ts";

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server that answers after `delay` ms, and holds every request that arrives in [stallFrom, stallTo) until stallTo. */
async function serve(delay: number, stall?: { from: number; to: number }): Promise<{ origin: string; paths: string[] }> {
  const paths: string[] = [];
  const started = performance.now();
  server = http.createServer((request, response) => {
    paths.push(request.url!);
    const at = performance.now() - started;
    const held = stall && at >= stall.from && at < stall.to ? stall.to - at : 0;
    if (request.url === "/missing") response.statusCode = 404;
    setTimeout(() => response.end("ok"), held + delay).unref();
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", () => resolve()));
  return { origin: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, paths };
}

describe("percentile", () => {
  it("takes the nearest rank", () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });
});

describe("openLoop", () => {
  it("sends the offered rate and each request its own path", async () => {
    const { origin, paths } = await serve(5);
    const result = await openLoop({ origin, rate: 100, seconds: 0.5, request: (index) => ({ path: `/page/${index}` }) });
    expect(result.sent).toBe(50);
    expect(result.errors).toBe(0);
    expect(result.latencies).toHaveLength(50);
    expect(new Set(paths).size).toBe(50);
    expect(percentile(result.latencies, 50)).toBeGreaterThanOrEqual(5);
  });

  it("counts a stall in every request scheduled during it, not once per connection", async () => {
    // 400 ms of stall in a 1 s run at 100 requests/s: about 40 requests wait, some for most of it.
    const { origin } = await serve(1, { from: 300, to: 700 });
    const result = await openLoop({ origin, rate: 100, seconds: 1, request: () => ({ path: "/" }) });
    const slow = result.latencies.filter((latency) => latency > 100).length;
    expect(slow).toBeGreaterThanOrEqual(25);
    expect(percentile(result.latencies, 99)).toBeGreaterThan(300);
  });

  it("counts answers of 400 and more as errors", async () => {
    const { origin } = await serve(1);
    const result = await openLoop({
      origin,
      rate: 50,
      seconds: 0.2,
      request: (index) => ({ path: index % 2 === 0 ? "/missing" : "/" }),
    });
    expect(result.sent).toBe(10);
    expect(result.errors).toBe(5);
  });
});
