/**
 * Reading the audit log (decision 028): a city admin's view of their own city, and the network's
 * own view (entries with no city, and the network admins' `network.*` actions). Newest first,
 * keyset-paginated on (createdAt, id) so a deep page costs what the first does; actors and
 * subjects are resolved through `Pseudonym` to a name, or shown as erased when the mapping is gone.
 */
import { db, type Prisma } from "~/db.server.ts";
import { endOfDayIn, startOfDayIn } from "~/assignments/cycle-dates.ts";
import { personSearchWhere } from "~/people/search-text.server.ts";
import { NETWORK_ACTION_PREFIX } from "./actions.ts";
import type { AuditPerson } from "./labels.ts";
import { AUDIT_PAGE_SIZE, PSEUDONYM_FORMAT, type AuditCursor, type AuditFilters } from "./audit-filters.ts";

export type AuditScope = { kind: "city"; cityId: string; timeZone: string } | { kind: "network"; timeZone: string };

export type { AuditPerson };

export interface AuditRow {
  id: string;
  createdAt: Date;
  action: string;
  actor: AuditPerson;
  subject: AuditPerson | null;
  targetType: string | null;
  targetId: string | null;
  details: string;
}

function scopeWhere(scope: AuditScope): Prisma.AuditLogWhereInput {
  return scope.kind === "city"
    ? { cityId: scope.cityId }
    : { OR: [{ cityId: null }, { action: { startsWith: NETWORK_ACTION_PREFIX } }] };
}

/** The pseudonyms an actor filter stands for: itself when it is one, else the matching people's. */
async function actorRefs(scope: AuditScope, actor: string): Promise<string[]> {
  if (PSEUDONYM_FORMAT.test(actor)) return [actor];
  // A city admin searches their own city's people; the network view, the network admins.
  const people: Prisma.UserWhereInput =
    scope.kind === "city" ? { cityId: scope.cityId } : { roleGrants: { some: { role: "NETWORK_ADMIN" } } };
  const rows = await db().pseudonym.findMany({
    where: { user: { AND: [people, personSearchWhere(actor)] } },
    select: { id: true },
    take: 200,
  });
  return rows.map((row) => row.id);
}

/** The where clause of a filtered view, without the cursor; null when the actor matches nobody. */
async function filteredWhere(scope: AuditScope, filters: AuditFilters): Promise<Prisma.AuditLogWhereInput | null> {
  const and: Prisma.AuditLogWhereInput[] = [scopeWhere(scope)];
  if (filters.actor) {
    const refs = await actorRefs(scope, filters.actor);
    if (refs.length === 0) return null;
    and.push({ actorRef: { in: refs } });
  }
  if (filters.action) and.push({ action: filters.action });
  if (filters.from) and.push({ createdAt: { gte: startOfDayIn(endOfDayIn(filters.from, scope.timeZone), scope.timeZone) } });
  if (filters.to) and.push({ createdAt: { lte: endOfDayIn(filters.to, scope.timeZone) } });
  return { AND: and };
}

function afterWhere(cursor: AuditCursor | undefined): Prisma.AuditLogWhereInput {
  if (!cursor) return {};
  // The bound on createdAt alone lets the database walk the (cityId, createdAt) index from the
  // cursor; the OR then only breaks ties at the cursor's instant.
  return {
    createdAt: { lte: cursor.createdAt },
    OR: [{ createdAt: { lt: cursor.createdAt } }, { id: { lt: cursor.id } }],
  };
}

const ORDER: Prisma.AuditLogOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];
const ROW_SELECT = {
  id: true,
  createdAt: true,
  action: true,
  actorRef: true,
  subjectRef: true,
  targetType: true,
  targetId: true,
  details: true,
} as const;

type StoredRow = Prisma.AuditLogGetPayload<{ select: typeof ROW_SELECT }>;

async function readRows(where: Prisma.AuditLogWhereInput, after: AuditCursor | undefined, take: number): Promise<StoredRow[]> {
  return db().auditLog.findMany({ where: { AND: [where, afterWhere(after)] }, orderBy: ORDER, take, select: ROW_SELECT });
}

/** Names for the pseudonyms of a page of rows; a pseudonym with no mapping is an erased person. */
async function resolve(rows: StoredRow[]): Promise<AuditRow[]> {
  const refs = [...new Set(rows.flatMap((row) => [row.actorRef, row.subjectRef]).filter((ref): ref is string => !!ref))];
  const found = await db().pseudonym.findMany({
    where: { id: { in: refs } },
    select: { id: true, user: { select: { name: true } } },
  });
  const names = new Map(found.map((row) => [row.id, row.user.name]));
  const person = (ref: string): AuditPerson => {
    const name = names.get(ref);
    return name === undefined ? { kind: "erased", ref } : { kind: "person", name, ref };
  };
  return rows.map((row) => ({
    id: row.id,
    createdAt: row.createdAt,
    action: row.action,
    actor: row.actorRef ? person(row.actorRef) : { kind: "system" },
    subject: row.subjectRef ? person(row.subjectRef) : null,
    targetType: row.targetType,
    targetId: row.targetId,
    details: row.details,
  }));
}

export interface AuditPage {
  rows: AuditRow[];
  /** Where the next page starts, or null on the last page. */
  next: AuditCursor | null;
  /** The actor filter matched nobody. */
  noActor: boolean;
}

/** One page of the log, newest first. */
export async function auditPage(scope: AuditScope, filters: AuditFilters, size = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  const where = await filteredWhere(scope, filters);
  if (!where) return { rows: [], next: null, noActor: true };
  const rows = await readRows(where, filters.after, size + 1);
  const page = rows.slice(0, size);
  const last = page.at(-1);
  return {
    rows: await resolve(page),
    next: rows.length > size && last ? { createdAt: last.createdAt, id: last.id } : null,
    noActor: false,
  };
}

export const AUDIT_EXPORT_CHUNK = 500;

/** Every entry of the filtered view (from the start, whatever the page), a chunk at a time. */
export async function* auditEntriesForExport(scope: AuditScope, filters: AuditFilters): AsyncIterable<AuditRow> {
  const where = await filteredWhere(scope, filters);
  if (!where) return;
  let after: AuditCursor | undefined;
  for (;;) {
    const rows = await readRows(where, after, AUDIT_EXPORT_CHUNK);
    if (rows.length === 0) return;
    yield* await resolve(rows);
    const last = rows.at(-1)!;
    after = { createdAt: last.createdAt, id: last.id };
    if (rows.length < AUDIT_EXPORT_CHUNK) return;
  }
}
