/**
 * The audit log page's filters, read from the URL (a GET form, so a view can be bookmarked):
 * actor (a person's name or email, or a pseudonym), action, a date range in the city's calendar
 * and the keyset cursor of the page. A malformed value is refused with a message key.
 */
import { z } from "zod";
import { isCalendarDay } from "~/reports/filters.ts";
import { isAuditAction, type AuditAction } from "./actions.ts";

export const AUDIT_PAGE_SIZE = 50;
const MAX_ACTOR_LENGTH = 100;
/** The pseudonyms `pseudonymFor` makes: 16 random bytes in hex. */
export const PSEUDONYM_FORMAT = /^[0-9a-f]{32}$/;

/** Where a page starts: after the entry with this date and id (newest first). */
export interface AuditCursor {
  createdAt: Date;
  id: string;
}

export interface AuditFilters {
  actor?: string;
  action?: AuditAction;
  /** Calendar days in the city's time zone, inclusive. */
  from?: string;
  to?: string;
  after?: AuditCursor;
}

export type AuditFilterField = "actor" | "action" | "from" | "to" | "after";
export type AuditFilterProblem = { field: AuditFilterField; message: string };
export type ParsedAuditFilters = { ok: true; filters: AuditFilters } | { ok: false; problems: AuditFilterProblem[] };

const day = z.string().refine(isCalendarDay, "audit.filter.badDate");

const schema = z.object({
  actor: z.string().max(MAX_ACTOR_LENGTH, "audit.filter.actorTooLong").optional(),
  action: z.string().refine(isAuditAction, "audit.filter.unknownAction").optional(),
  from: day.optional(),
  to: day.optional(),
  after: z
    .string()
    .refine((value) => decodeCursor(value) !== null, "audit.filter.badPage")
    .optional(),
});

/** A cursor as the URL carries it: the entry's instant in milliseconds, a dot, its id. */
export function encodeCursor(cursor: AuditCursor): string {
  return `${cursor.createdAt.getTime()}.${cursor.id}`;
}

export function decodeCursor(value: string): AuditCursor | null {
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{1,40})$/.exec(value);
  if (!match) return null;
  const createdAt = new Date(Number(match[1]));
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: match[2]! };
}

/** Reads the filters from a URL's query; empty values count as absent (a form submitted as is). */
export function parseAuditFilters(search: URLSearchParams): ParsedAuditFilters {
  const raw: Record<string, string> = {};
  for (const field of ["actor", "action", "from", "to", "after"] as const) {
    const value = search.get(field)?.trim();
    if (value) raw[field] = value;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({ field: issue.path[0] as AuditFilterField, message: issue.message })),
    };
  const { actor, action, from, to, after } = parsed.data;
  if (from && to && from > to) return { ok: false, problems: [{ field: "to", message: "audit.filter.toBeforeFrom" }] };
  return {
    ok: true,
    filters: {
      ...(actor ? { actor } : {}),
      ...(action ? { action: action as AuditAction } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(after ? { after: decodeCursor(after)! } : {}),
    },
  };
}

/** The query string of the filters (without the cursor unless given one), for links and exports. */
export function auditFiltersToSearch(filters: AuditFilters, after?: AuditCursor | null): string {
  const search = new URLSearchParams();
  if (filters.actor) search.set("actor", filters.actor);
  if (filters.action) search.set("action", filters.action);
  if (filters.from) search.set("from", filters.from);
  if (filters.to) search.set("to", filters.to);
  if (after) search.set("after", encodeCursor(after));
  const text = search.toString();
  return text ? `?${text}` : "";
}
