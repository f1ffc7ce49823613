import { describe, expect, it } from "vitest";
import { loginCounters, throttleRules, throttleState } from "./throttle.server.ts";

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

describe("loginCounters", () => {
  const keys = (known: boolean) => loginCounters("ana@madrid.example", "10.0.0.1", known).map((counter) => counter.key);

  it("counts a guess against the account from that address, the address, and its password-check budget", () => {
    expect(keys(true)).toEqual([
      "login:account:ana@madrid.example ip:10.0.0.1",
      "login:ip:10.0.0.1",
      "password-check:ip:10.0.0.1",
    ]);
  });
  it("counts against the whole account only from addresses the owner has not logged in from", () => {
    expect(keys(false)).toContain("login:account:ana@madrid.example");
    expect(keys(true)).not.toContain("login:account:ana@madrid.example");
  });
  it("keeps one account's keys apart from another's whose address starts the same", () => {
    const longer = loginCounters("ana@madrid.example.org", "10.0.0.1", false).map((counter) => counter.key);
    expect(longer.some((key) => key.startsWith("login:account:ana@madrid.example "))).toBe(false);
  });
  it("gives back a successful login's failures but not its password work", () => {
    const bySuccess = Object.fromEntries(loginCounters("a@b.example", "1.1.1.1", false).map((c) => [c.key, c.onSuccess]));
    expect(bySuccess).toEqual({
      "login:account:a@b.example ip:1.1.1.1": "clear",
      "login:ip:1.1.1.1": "give-back",
      "password-check:ip:1.1.1.1": "keep",
      "login:account:a@b.example": "give-back",
    });
  });
  it("locks an account as a whole more slowly than from one address", () => {
    expect(throttleRules.loginAccount.limit).toBeGreaterThan(throttleRules.loginAccountIp.limit);
  });
});
