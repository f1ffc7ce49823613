/**
 * The admin people list's filters, read from the URL: search, department (with its
 * sub-departments), status and page. A malformed value is refused with a message key.
 */
import { z } from "zod";
import { MAX_SEARCH_LENGTH } from "~/reports/filters.ts";

export const staffStatuses = ["active", "deactivated"] as const;
export type StaffStatus = (typeof staffStatuses)[number];

const staffFilterSchema = z.object({
  q: z.string().max(MAX_SEARCH_LENGTH, "staff.filter.searchTooLong").optional(),
  department: z.string().max(64, "staff.filter.badDepartment").optional(),
  status: z.enum(staffStatuses, { message: "staff.filter.badStatus" }).optional(),
  page: z
    .string()
    .regex(/^[1-9]\d{0,4}$/, "staff.filter.badPage")
    .optional(),
});

export type StaffFilterField = keyof z.infer<typeof staffFilterSchema>;
export const staffFilterFields = Object.keys(staffFilterSchema.shape) as StaffFilterField[];

export interface StaffFilters {
  search?: string;
  departmentId?: string;
  status?: StaffStatus;
  page: number;
}

export type ParsedStaffFilters =
  { ok: true; filters: StaffFilters } | { ok: false; problems: Array<{ field: StaffFilterField; message: string }> };

/** The raw values as typed (for the form), empty ones left out. */
export function rawStaffFilters(params: URLSearchParams): Partial<Record<StaffFilterField, string>> {
  const raw: Partial<Record<StaffFilterField, string>> = {};
  for (const field of staffFilterFields) {
    const value = params.get(field)?.trim();
    if (value) raw[field] = value;
  }
  return raw;
}

export function parseStaffFilters(params: URLSearchParams): ParsedStaffFilters {
  const parsed = staffFilterSchema.safeParse(rawStaffFilters(params));
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        field: String(issue.path[0]) as StaffFilterField,
        message: issue.message.startsWith("staff.") ? issue.message : "staff.filter.bad",
      })),
    };
  }
  const { q, department, status, page } = parsed.data;
  return { ok: true, filters: { search: q, departmentId: department, status, page: page ? Number(page) : 1 } };
}

/** The filters as a query string without the page ("?q=ana&status=active" or ""), for the pager. */
export function staffFiltersSearch(raw: Partial<Record<StaffFilterField, string>>): string {
  const params = new URLSearchParams();
  for (const field of staffFilterFields) if (field !== "page" && raw[field]) params.set(field, raw[field]!);
  const text = params.toString();
  return text ? `?${text}` : "";
}
