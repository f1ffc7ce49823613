import { describe, expect, it } from "vitest";
import { throttleState } from "./throttle.server.ts";

const rule = { limit: 3, windowMinutes: 15 };
const start = new Date("2026-01-01T10:00:00Z");
const minutesLater = (minutes: number) => new Date(start.getTime() + minutes * 60_000);

describe("throttleState", () => {
  it("lets the first attempts through", () => {
    expect(throttleState(null, rule, start).blocked).toBe(false);
    expect(throttleState({ count: 2, windowStart: start }, rule, minutesLater(1)).blocked).toBe(false);
  });
  it("blocks at the limit and says how long to wait", () => {
    expect(throttleState({ count: 3, windowStart: start }, rule, minutesLater(5))).toEqual({
      blocked: true,
      retryAfterMinutes: 10,
    });
  });
  it("opens again when the window has passed", () => {
    expect(throttleState({ count: 30, windowStart: start }, rule, minutesLater(15)).blocked).toBe(false);
  });
});
