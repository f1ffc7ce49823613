/**
 * What an audit log page's loader returns, from the request's URL and the viewer's scope: the
 * filters (or why they were refused), one page of entries, and the links' query strings. Shared
 * by /admin/audit and /network/audit.
 */
import { auditActions } from "./actions.ts";
import { auditFiltersToSearch, encodeCursor, parseAuditFilters, type AuditFilterProblem } from "./audit-filters.ts";
import { auditPage, type AuditRow, type AuditScope } from "./audit-log.server.ts";

export interface AuditView {
  timeZone: string;
  raw: Record<"actor" | "action" | "from" | "to", string>;
  problems: AuditFilterProblem[] | null;
  rows: AuditRow[];
  noActor: boolean;
  /** The filters as a query string without the cursor ("?action=certificate.revoke" or ""). */
  search: string;
  /** The next page's cursor, or null. */
  next: string | null;
  firstPage: boolean;
  actions: readonly string[];
}

export async function readAuditView(scope: AuditScope, request: Request): Promise<AuditView> {
  const params = new URL(request.url).searchParams;
  const raw = {
    actor: params.get("actor") ?? "",
    action: params.get("action") ?? "",
    from: params.get("from") ?? "",
    to: params.get("to") ?? "",
  };
  const base = { timeZone: scope.timeZone, raw, actions: auditActions };
  const parsed = parseAuditFilters(params);
  if (!parsed.ok)
    return { ...base, problems: parsed.problems, rows: [], noActor: false, search: "", next: null, firstPage: true };
  const page = await auditPage(scope, parsed.filters);
  return {
    ...base,
    problems: null,
    rows: page.rows,
    noActor: page.noActor,
    search: auditFiltersToSearch(parsed.filters),
    next: page.next ? encodeCursor(page.next) : null,
    firstPage: !parsed.filters.after,
  };
}
