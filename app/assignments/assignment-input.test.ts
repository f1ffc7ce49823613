import { describe, expect, it } from "vitest";
import { assignmentFormSchema, checkAssignmentForm, windowFitsValidity } from "./assignment-input.ts";

const timeZone = "Europe/Madrid";
// 1 December 2026, 23:30 in Madrid (22:30 UTC).
const now = new Date("2026-12-01T22:30:00Z");

function form(fields: Record<string, unknown>) {
  return assignmentFormSchema.safeParse({
    course: "c1",
    departments: [],
    subdepartments: [],
    emails: [],
    dueKind: "days",
    dueDays: "30",
    ...fields,
  });
}

function check(fields: Record<string, unknown>) {
  const parsed = form(fields);
  if (!parsed.success) throw new Error(parsed.error.message);
  return checkAssignmentForm(parsed.data, { now, timeZone });
}

describe("the new-assignment form", () => {
  it("accepts today on the city's calendar as a due date, and refuses yesterday", () => {
    expect(check({ wholeCity: "on", dueKind: "date", dueDate: "2026-12-01" })).toMatchObject({
      ok: true,
      request: { due: { kind: "date", day: "2026-12-01" } },
    });
    expect(check({ wholeCity: "on", dueKind: "date", dueDate: "2026-11-30" })).toEqual({
      ok: false,
      fieldErrors: { dueDate: "assignments.error.dueDatePast" },
    });
    expect(check({ wholeCity: "on", dueKind: "date" })).toEqual({
      ok: false,
      fieldErrors: { dueDate: "assignments.error.dueDate" },
    });
  });

  it("needs a number of days when the due date is relative", () => {
    expect(check({ wholeCity: "on", dueDays: "" })).toEqual({ ok: false, fieldErrors: { dueDays: "assignments.error.dueDays" } });
  });

  it("refuses numbers out of range or not whole", () => {
    const message = (fields: Record<string, unknown>) => {
      const parsed = form(fields);
      return parsed.success ? null : parsed.error.issues[0]!.message;
    };
    expect(message({ dueDays: "0" })).toBe("assignments.error.dueDays");
    expect(message({ dueDays: "731" })).toBe("assignments.error.dueDays");
    expect(message({ dueDays: "2.5" })).toBe("assignments.error.dueDays");
    expect(message({ dueDays: "diez" })).toBe("assignments.error.dueDays");
    expect(message({ validityMonths: "121" })).toBe("assignments.error.validity");
    expect(message({ windowDays: "366" })).toBe("assignments.error.window");
    expect(message({ emails: ["not an email"] })).toBe("assignments.error.email");
    expect(message({ dueKind: "weekly" })).toBe("assignments.error.dueKind");
    expect(message({ dueDate: "2026-02-30", dueKind: "date" })).toBe("assignments.error.dueDate");
  });

  it("refuses a window without a validity, or as long as the validity", () => {
    expect(check({ wholeCity: "on", windowDays: "10" })).toEqual({
      ok: false,
      fieldErrors: { windowDays: "assignments.error.windowWithoutValidity" },
    });
    expect(check({ wholeCity: "on", validityMonths: "1", windowDays: "31" })).toEqual({
      ok: false,
      fieldErrors: { windowDays: "assignments.error.windowTooLong" },
    });
    expect(check({ wholeCity: "on", validityMonths: "12", windowDays: "60" })).toMatchObject({
      ok: true,
      request: { validityMonths: 12, windowDays: 60 },
    });
  });

  it("counts the validity in calendar days from today: 1 month from 1 December is 31 days", () => {
    expect(windowFitsValidity(30, 1, { now, timeZone })).toBe(true);
    expect(windowFitsValidity(31, 1, { now, timeZone })).toBe(false);
    // From 31 January, one month ends on the last day of February (28 days in 2027).
    const january = new Date("2027-01-31T10:00:00Z");
    expect(windowFitsValidity(27, 1, { now: january, timeZone })).toBe(true);
    expect(windowFitsValidity(28, 1, { now: january, timeZone })).toBe(false);
  });

  it("needs a target, ignores blank email fields and repeated ones, and keeps 'include sub-departments' per ticked department", () => {
    expect(check({})).toEqual({ ok: false, fieldErrors: { targets: "assignments.error.noTarget" } });
    expect(check({ emails: ["", "  "] })).toEqual({ ok: false, fieldErrors: { targets: "assignments.error.noTarget" } });
    expect(
      check({
        emails: ["Ana@Madrid.example", "ana@madrid.example", ""],
        departments: ["d1", "d2"],
        subdepartments: ["d2", "d3"],
      }),
    ).toMatchObject({
      ok: true,
      request: {
        emails: ["ana@madrid.example"],
        departments: [
          { departmentId: "d1", includeSubdepartments: false },
          { departmentId: "d2", includeSubdepartments: true },
        ],
        wholeCity: false,
      },
    });
  });
});
