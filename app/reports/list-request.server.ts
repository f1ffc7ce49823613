/**
 * The start of every HR list page and export: the guard, the viewer's language, and the URL's
 * filters parsed and resolved against the scope. A bad or foreign value comes back as problems
 * (the page answers 400 with the message and lists nothing).
 */
import { now } from "~/clock.server.ts";
import { getLocale } from "~/i18n/locale.server.ts";
import type { FilterProblem } from "./filters.ts";
import { filtersToSearch, parseReportFilters } from "./filters.ts";
import type { ListChrome } from "./list-parts.tsx";
import { resolveReportFilters } from "./filters.server.ts";
import { filterCourses, filterDepartments, type ListContext } from "./lists.server.ts";
import { requireHr } from "./scope.server.ts";

/** The filter values as typed, to refill the form (only the keys the filters know). */
export type RawFilters = Partial<Record<"department" | "course" | "status" | "q", string>>;

export async function readListRequest(request: Request) {
  const { user, scope } = await requireHr(request);
  const locale = await getLocale(request);
  const params = new URL(request.url).searchParams;
  const raw: RawFilters = {};
  for (const key of ["department", "course", "status", "q"] as const) {
    const value = params.get(key);
    if (value) raw[key] = value.slice(0, 200);
  }
  const at = now();
  const parsed = parseReportFilters(params);
  const resolved = parsed.ok ? await resolveReportFilters(scope, parsed.filters, at) : parsed;
  const outcome: { ok: true; context: ListContext } | { ok: false; problems: FilterProblem[] } = resolved.ok
    ? { ok: true, context: { scope, filters: resolved.filters, now: at, locale } }
    : { ok: false, problems: resolved.problems };
  return { user, scope, locale, raw, outcome };
}

/** What every list page shows around its rows: scope, filter form (refilled), and the filters' query. */
export async function listChrome(read: Awaited<ReturnType<typeof readListRequest>>): Promise<ListChrome> {
  const { scope, locale, raw, outcome } = read;
  const [departments, courses] = await Promise.all([filterDepartments(scope, locale), filterCourses(scope.cityId, locale)]);
  return {
    city: scope.cityName,
    subtree: scope.subtree?.name ?? null,
    raw,
    problems: outcome.ok ? null : outcome.problems,
    departments,
    courses,
    search: outcome.ok ? filtersToSearch({ ...outcome.context.filters, page: 1 }) : "",
  };
}
