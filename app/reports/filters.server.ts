/**
 * Resolves parsed filters against the database and the viewer's scope: a department must be of
 * the viewer's city and inside their subtree, a course must be one the city sees. Anything else
 * is refused with the same message as an unknown value, so an id of another city or branch
 * reveals nothing.
 */
import { endOfDayIn, calendarDayIn } from "~/assignments/cycle-dates.ts";
import { findDepartment } from "~/cities/departments.server.ts";
import { visibleCoursesWhere } from "~/courses/visibility.ts";
import { db } from "~/db.server.ts";
import { subMonths } from "date-fns";
import { TZDate } from "@date-fns/tz";
import type { FilterProblem, ReportFilterInput } from "./filters.ts";
import { departmentInScope, type HrScope } from "./scope.server.ts";

export interface ReportFilters extends ReportFilterInput {
  departmentRow: { id: string; name: string; path: string } | null;
  courseRow: { id: string; key: string } | null;
  /** The period as instants: from the start of `from` to the end of `to`, city time. */
  period: { start: Date; end: Date; from: string; to: string };
}

/** With no dates, the period is the last twelve months up to today (city time). */
export function defaultPeriod(now: Date, timeZone: string): { from: string; to: string } {
  const to = calendarDayIn(now, timeZone);
  const from = calendarDayIn(subMonths(new TZDate(now, timeZone), 12), timeZone);
  return { from, to };
}

export async function resolveReportFilters(
  scope: HrScope,
  input: ReportFilterInput,
  now: Date,
): Promise<{ ok: true; filters: ReportFilters } | { ok: false; problems: FilterProblem[] }> {
  const problems: FilterProblem[] = [];
  let departmentRow: ReportFilters["departmentRow"] = null;
  if (input.department) {
    const found = await findDepartment(scope.cityId, input.department);
    if (found && departmentInScope(scope, found)) departmentRow = { id: found.id, name: found.name, path: found.path };
    else problems.push({ field: "department", message: "reports.filter.unknownDepartment" });
  }
  let courseRow: ReportFilters["courseRow"] = null;
  if (input.course) {
    courseRow = await db().course.findFirst({
      where: { key: input.course, ...visibleCoursesWhere(scope.cityId) },
      select: { id: true, key: true },
    });
    if (!courseRow) problems.push({ field: "course", message: "reports.filter.unknownCourse" });
  }
  if (problems.length > 0) return { ok: false, problems };
  const fallback = defaultPeriod(now, scope.timeZone);
  const from = input.from ?? (input.to && input.to < fallback.from ? input.to : fallback.from);
  const to = input.to ?? (input.from && input.from > fallback.to ? input.from : fallback.to);
  if (from > to) return { ok: false, problems: [{ field: "to", message: "reports.filter.rangeReversed" }] };
  const [year, month, date] = from.split("-").map(Number);
  const start = new Date(new TZDate(year!, month! - 1, date!, scope.timeZone).getTime());
  return {
    ok: true,
    filters: { ...input, departmentRow, courseRow, period: { start, end: endOfDayIn(to, scope.timeZone), from, to } },
  };
}
