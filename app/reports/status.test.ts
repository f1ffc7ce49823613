import { describe, expect, it } from "vitest";
import { assignmentState, certificateIsExpiring, certificateIsValid } from "./status.ts";

const now = new Date("2026-12-01T12:00:00Z");
const tomorrow = new Date("2026-12-02T12:00:00Z");
const yesterday = new Date("2026-11-30T12:00:00Z");

describe("the state of a person-assignment", () => {
  it("is withdrawn first, then completed, then overdue, then in progress or not started", () => {
    expect(
      assignmentState({ dueAt: yesterday, withdrawnAt: yesterday, enrollment: { completedAt: yesterday, started: true } }, now),
    ).toBe("withdrawn");
    expect(assignmentState({ dueAt: yesterday, withdrawnAt: null, enrollment: { completedAt: now, started: true } }, now)).toBe(
      "completed",
    );
    expect(assignmentState({ dueAt: yesterday, withdrawnAt: null, enrollment: { completedAt: null, started: true } }, now)).toBe(
      "overdue",
    );
    expect(assignmentState({ dueAt: yesterday, withdrawnAt: null, enrollment: null }, now)).toBe("overdue");
    expect(assignmentState({ dueAt: tomorrow, withdrawnAt: null, enrollment: { completedAt: null, started: true } }, now)).toBe(
      "in-progress",
    );
    // An enrolment with nothing done yet is not a start.
    expect(assignmentState({ dueAt: tomorrow, withdrawnAt: null, enrollment: { completedAt: null, started: false } }, now)).toBe(
      "not-started",
    );
  });

  it("is not overdue at the due instant itself, only after it", () => {
    expect(assignmentState({ dueAt: now, withdrawnAt: null, enrollment: null }, now)).toBe("not-started");
  });
});

describe("certificates", () => {
  it("are valid until their expiry unless revoked, and expiring within the window", () => {
    expect(certificateIsValid({ expiresAt: null, revokedAt: null }, now)).toBe(true);
    expect(certificateIsValid({ expiresAt: now, revokedAt: null }, now)).toBe(false);
    expect(certificateIsValid({ expiresAt: tomorrow, revokedAt: yesterday }, now)).toBe(false);
    expect(certificateIsExpiring({ expiresAt: tomorrow, revokedAt: null }, now)).toBe(true);
    expect(certificateIsExpiring({ expiresAt: new Date("2027-03-01T12:00:00Z"), revokedAt: null }, now)).toBe(false);
    expect(certificateIsExpiring({ expiresAt: new Date("2027-03-01T12:00:00Z"), revokedAt: null }, now, 120)).toBe(true);
    expect(certificateIsExpiring({ expiresAt: null, revokedAt: null }, now)).toBe(false);
  });
});
