/**
 * The "new assignment" form: its shape (zod; messages are i18n keys) and its rules (plain
 * functions, shared by the page and the domain). What the database must confirm (the course, the
 * departments, the people) is checked by assign.server.ts.
 */
import { z } from "zod";
import type { FormLimits } from "~/forms/limits.ts";
import type { MessageKey } from "~/i18n/translate.ts";
import { calendarDaysBetween, certificateExpiry, endOfDayIn } from "./cycle-dates.ts";

export const DUE_DAYS = { min: 1, max: 730 } as const;
export const VALIDITY_MONTHS = { min: 1, max: 120 } as const;
export const WINDOW_DAYS = { min: 1, max: 365 } as const;
/** Named people per assignment, one email field each. */
export const MAX_EMAILS = 50;
/** Departments ticked at once (a city has a few hundred at most). */
export const MAX_DEPARTMENTS = 500;

/** An optional whole number typed in a text field: blank is absent, anything else must be in range. */
function optionalWhole(range: { min: number; max: number }, message: MessageKey) {
  return z
    .string()
    .trim()
    .optional()
    .transform((text) => (text ? Number(text) : undefined))
    .pipe(z.number(message).int(message).min(range.min, message).max(range.max, message).optional());
}

const id = z.string().trim().min(1).max(64);

export const assignmentFormSchema = z.object({
  course: z.string("assignments.error.course").trim().min(1, "assignments.error.course").max(64, "assignments.error.course"),
  departments: z.array(id).max(MAX_DEPARTMENTS, "assignments.error.department"),
  subdepartments: z.array(id).max(MAX_DEPARTMENTS, "assignments.error.department"),
  wholeCity: z.literal("on", "assignments.error.wholeCityValue").optional(),
  emails: z
    .array(z.string().trim().toLowerCase().max(254, "assignments.error.email"))
    .max(MAX_EMAILS, "assignments.error.tooManyEmails")
    .transform((emails) => [...new Set(emails.filter((email) => email !== ""))])
    .pipe(z.array(z.email("assignments.error.email"))),
  dueKind: z.enum(["date", "days"], "assignments.error.dueKind"),
  dueDate: z
    .string()
    .trim()
    .optional()
    .transform((text) => (text ? text : undefined))
    .pipe(z.iso.date("assignments.error.dueDate").optional()),
  dueDays: optionalWhole(DUE_DAYS, "assignments.error.dueDays"),
  validityMonths: optionalWhole(VALIDITY_MONTHS, "assignments.error.validity"),
  windowDays: optionalWhole(WINDOW_DAYS, "assignments.error.window"),
});

export type AssignmentForm = z.infer<typeof assignmentFormSchema>;

export const assignmentFormLimits: FormLimits = {
  maxFields: 2 * MAX_DEPARTMENTS + MAX_EMAILS + 10,
  maxBytes: 64 * 1024,
};

export type Due = { kind: "date"; day: string } | { kind: "days"; days: number };

/** What to assign, once the form's own rules hold (the targets are still to be confirmed). */
export interface AssignmentRequest {
  courseId: string;
  departments: Array<{ departmentId: string; includeSubdepartments: boolean }>;
  wholeCity: boolean;
  emails: string[];
  due: Due;
  validityMonths: number | null;
  windowDays: number | null;
}

export type AssignmentFieldErrors = Partial<Record<keyof AssignmentForm | "targets", MessageKey>>;

/**
 * The form's rules: a due date (today or later on the city's calendar) or a number of days; a
 * window only with a validity, and shorter than it; at least one target.
 */
export function checkAssignmentForm(
  form: AssignmentForm,
  context: { now: Date; timeZone: string },
): { ok: true; request: AssignmentRequest } | { ok: false; fieldErrors: AssignmentFieldErrors } {
  const fieldErrors: AssignmentFieldErrors = {};
  let due: Due | null = null;
  if (form.dueKind === "date") {
    if (!form.dueDate) fieldErrors.dueDate = "assignments.error.dueDate";
    else if (endOfDayIn(form.dueDate, context.timeZone).getTime() < context.now.getTime())
      fieldErrors.dueDate = "assignments.error.dueDatePast";
    else due = { kind: "date", day: form.dueDate };
  } else if (form.dueDays === undefined) fieldErrors.dueDays = "assignments.error.dueDays";
  else due = { kind: "days", days: form.dueDays };
  if (form.windowDays !== undefined) {
    if (form.validityMonths === undefined) fieldErrors.windowDays = "assignments.error.windowWithoutValidity";
    else if (!windowFitsValidity(form.windowDays, form.validityMonths, context))
      fieldErrors.windowDays = "assignments.error.windowTooLong";
  }
  const selected = new Set(form.departments);
  const withSub = new Set(form.subdepartments);
  if (selected.size === 0 && !form.wholeCity && form.emails.length === 0) fieldErrors.targets = "assignments.error.noTarget";
  if (Object.keys(fieldErrors).length > 0 || !due) return { ok: false, fieldErrors };
  return {
    ok: true,
    request: {
      courseId: form.course,
      departments: [...selected].map((departmentId) => ({ departmentId, includeSubdepartments: withSub.has(departmentId) })),
      wholeCity: form.wholeCity === "on",
      emails: form.emails,
      due,
      validityMonths: form.validityMonths ?? null,
      windowDays: form.validityMonths !== undefined ? (form.windowDays ?? null) : null,
    },
  };
}

/** A window must open after completion: shorter than the validity counted from today (its shortest months). */
export function windowFitsValidity(
  windowDays: number,
  validityMonths: number,
  context: { now: Date; timeZone: string },
): boolean {
  const validityDays = calendarDaysBetween(
    context.now,
    certificateExpiry(context.now, validityMonths, context.timeZone),
    context.timeZone,
  );
  return windowDays < validityDays;
}
