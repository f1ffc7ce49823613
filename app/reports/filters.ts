/**
 * The HR pages' filters, read from the URL (so a view can be bookmarked and shared). One parser
 * for every HR page and export: a value that is malformed is refused with a message key, never
 * silently dropped. Whether a department or course exists and lies in the viewer's scope is
 * checked afterwards by `resolveReportFilters` (filters.server.ts).
 */
import { z } from "zod";

export const personStatuses = ["not-started", "in-progress", "completed", "overdue", "expiring"] as const;
export type PersonStatus = (typeof personStatuses)[number];

export const MAX_SEARCH_LENGTH = 100;
/** The longest period a view may cover: five years of weeks stays readable and fast. */
export const MAX_PERIOD_DAYS = 5 * 366;

/** A real calendar day written YYYY-MM-DD (2026-02-30 is refused). */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

const day = z.string().refine(isCalendarDay, "reports.filter.badDate");

const filterSchema = z.object({
  department: z.string().min(1).max(64).optional(),
  course: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/, "reports.filter.unknownCourse")
    .optional(),
  from: day.optional(),
  to: day.optional(),
  mandatory: z.enum(["1"], { message: "reports.filter.badValue" }).optional(),
  status: z.enum(personStatuses, { message: "reports.filter.unknownStatus" }).optional(),
  q: z.string().max(MAX_SEARCH_LENGTH, "reports.filter.searchTooLong").optional(),
  page: z
    .string()
    .regex(/^[1-9]\d{0,4}$/, "reports.filter.badPage")
    .optional(),
});

export interface ReportFilterInput {
  /** A department id of the viewer's city and scope. */
  department?: string;
  /** A course key. */
  course?: string;
  /** Calendar days in the city's time zone, inclusive. */
  from?: string;
  to?: string;
  mandatoryOnly: boolean;
  status?: PersonStatus;
  search?: string;
  page: number;
}

export type FilterProblem = { field: keyof z.infer<typeof filterSchema>; message: string };

export type ParsedFilters = { ok: true; filters: ReportFilterInput } | { ok: false; problems: FilterProblem[] };

/** Reads the filters from a URL's query; empty values count as absent (a form submitted as is). */
export function parseReportFilters(params: URLSearchParams): ParsedFilters {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(filterSchema.shape)) {
    const values = params.getAll(key).filter((value) => value.trim() !== "");
    if (values.length > 1)
      return { ok: false, problems: [{ field: key as FilterProblem["field"], message: "reports.filter.repeated" }] };
    if (values[0] !== undefined) raw[key] = values[0].trim();
  }
  const parsed = filterSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        field: String(issue.path[0]) as FilterProblem["field"],
        message: issue.message.startsWith("reports.") ? issue.message : "reports.filter.badValue",
      })),
    };
  }
  const { department, course, from, to, mandatory, status, q, page } = parsed.data;
  if (from && to && from > to) return { ok: false, problems: [{ field: "to", message: "reports.filter.rangeReversed" }] };
  if (from && to && (Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_PERIOD_DAYS) {
    return { ok: false, problems: [{ field: "to", message: "reports.filter.rangeTooLong" }] };
  }
  return {
    ok: true,
    filters: { department, course, from, to, mandatoryOnly: mandatory === "1", status, search: q, page: page ? Number(page) : 1 },
  };
}

/** The query string of a set of filters (links between HR pages and to exports keep the view). */
export function filtersToSearch(filters: Partial<ReportFilterInput>): string {
  const params = new URLSearchParams();
  if (filters.department) params.set("department", filters.department);
  if (filters.course) params.set("course", filters.course);
  if (filters.from) params.set("from", filters.from);
  if (filters.to) params.set("to", filters.to);
  if (filters.mandatoryOnly) params.set("mandatory", "1");
  if (filters.status) params.set("status", filters.status);
  if (filters.search) params.set("q", filters.search);
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}
