import { describe, expect, it } from "vitest";
import { accountsToErase, retentionCutoff, visitIsStale, type RetentionCandidate } from "./retention.ts";

const now = new Date("2026-12-01T12:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

describe("recording a visit", () => {
  it("happens when no visit is stored or the stored one is more than a day old, not otherwise", () => {
    expect(visitIsStale(null, now)).toBe(true);
    expect(visitIsStale(daysAgo(1.01), now)).toBe(true);
    expect(visitIsStale(daysAgo(0.99), now)).toBe(false);
    expect(visitIsStale(now, now)).toBe(false);
  });
});

describe("retention", () => {
  it("counts calendar months back, clamping month ends", () => {
    expect(retentionCutoff(new Date("2026-03-31T10:00:00Z"), 1).toISOString()).toBe("2026-02-28T10:00:00.000Z");
    expect(retentionCutoff(now, 12).toISOString()).toBe("2025-12-01T12:00:00.000Z");
  });

  const person = (id: string, lastSeenDays: number | null, createdDays: number, isCityAdmin = false): RetentionCandidate => ({
    id,
    lastSeenAt: lastSeenDays === null ? null : daysAgo(lastSeenDays),
    createdAt: daysAgo(createdDays),
    isCityAdmin,
  });
  const cutoff = daysAgo(365);

  it("erases accounts last seen before the cutoff, or created before it and never seen", () => {
    const people = [
      person("old", 400, 900),
      person("recent", 10, 900),
      person("never-old", null, 400),
      person("never-new", null, 5),
    ];
    expect(accountsToErase(people, cutoff, 0)).toEqual(["old", "never-old"]);
  });

  it("erases an inactive city admin while another city admin remains", () => {
    expect(accountsToErase([person("admin", 400, 900, true)], cutoff, 2)).toEqual(["admin"]);
  });

  it("never erases the last city admin: of inactive admins, the one seen last is kept", () => {
    const admins = [person("a", 500, 900, true), person("b", 400, 900, true), person("learner", 400, 900)];
    expect(accountsToErase(admins, cutoff, 2)).toEqual(["a", "learner"]);
    expect(accountsToErase([person("only", 400, 900, true)], cutoff, 1)).toEqual([]);
  });
});
