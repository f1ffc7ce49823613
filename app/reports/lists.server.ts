/**
 * The HR lists — people, overdue, expiring — read within the viewer's scope with the page's
 * filters. Each list has one `where` and one order, used both for a page (offset) and for its
 * export (keyset chunks read as an async iterable, so an export never holds the whole list).
 * States come from status.ts / status-where.ts; days are counted on the city's calendar.
 */
import { z } from "zod";
import { calendarDaysBetween } from "~/assignments/cycle-dates.ts";
import { buildTree, flattenTree, isInSubtree } from "~/cities/department-tree.ts";
import { listDepartments, subtreeWhere } from "~/cities/departments.server.ts";
import { parseLocales, pickLocale, readLocalized } from "~/courses/localized.ts";
import { visibleCoursesWhere } from "~/courses/visibility.ts";
import { db, onPostgres, Prisma, rawDate, readRows } from "~/db.server.ts";
import type { Locale } from "~/i18n/locales.ts";
import { personSearchWhere } from "~/people/search-text.server.ts";
import type { PersonStatus } from "./filters.ts";
import type { ReportFilters } from "./filters.server.ts";
import { pageWindow, type PageWindow } from "./pagination.ts";
import { departmentInScope, scopedPeopleWhere, type HrScope } from "./scope.server.ts";
import { assignmentState, certificateIsExpiring, type AssignmentState } from "./status.ts";
import { assignmentStateWhere, expiringCertificateWhere } from "./status-where.ts";

export interface ListContext {
  scope: HrScope;
  filters: ReportFilters;
  now: Date;
  locale: Locale;
}

/** Rows read per database round trip when a list is exported (its ids fit SQLite's 999 parameters). */
export const EXPORT_CHUNK = 500;

// ——— who is listed ———

/** A person has a status when one of their open (not withdrawn) rows is in it; expiring: a certificate. */
export function personStatusWhere(
  status: PersonStatus,
  now: Date,
  courseId: string | null,
  cityId: string,
): Prisma.UserWhereInput {
  if (status === "expiring") {
    return { certificates: { some: { ...expiringCertificateWhere(now), ...(courseId ? { enrollment: { courseId } } : {}) } } };
  }
  // The city condition is always true (a person's rows are of their city) and only a hint, given
  // to PostgreSQL alone: it keeps PostgreSQL's hash semi-join to the city's rows (completed: 120–150
  // against 240–270 ms at 150 000 people), while SQLite, given it, probes the (cityId, dueAt) index
  // for every person and takes minutes instead of one probe per person (decision 045).
  const place = courseId ? { courseId } : onPostgres() ? { cityId } : {};
  return { personAssignments: { some: { ...assignmentStateWhere(status, now), ...place } } };
}

/** Active people in the scope, narrowed by the department subtree, course, status and search. */
export function listedPeopleWhere({ scope, filters, now }: ListContext): Prisma.UserWhereInput {
  const courseId = filters.courseRow?.id ?? null;
  const and: Prisma.UserWhereInput[] = [scopedPeopleWhere(scope), { active: true }, personSearchWhere(filters.search)];
  if (filters.departmentRow) and.push({ department: subtreeWhere(filters.departmentRow) });
  if (filters.status) and.push(personStatusWhere(filters.status, now, courseId, scope.cityId));
  else if (courseId) {
    and.push({ OR: [{ personAssignments: { some: { courseId, withdrawnAt: null } } }, { enrollments: { some: { courseId } } }] });
  }
  return { AND: and };
}

// ——— names the lists show ———

/** Each department's name with its ancestors ("Servicios Sociales › Mayores"), in tree order. */
export async function departmentLabels(cityId: string, locale: Locale): Promise<Map<string, string>> {
  const rows = flattenTree(buildTree(await listDepartments(cityId, { includeArchived: true }), locale));
  const labels = new Map<string, string>();
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const row of rows) {
    const parent = row.parentId ? labels.get(row.parentId) : undefined;
    labels.set(row.id, parent && byId.has(row.parentId ?? "") ? `${parent} › ${row.name}` : row.name);
  }
  return labels;
}

/** Course titles in the viewer's language (the course's own language when it has no translation). */
export async function courseTitles(locale: Locale): Promise<Map<string, string>> {
  const courses = await db().course.findMany({
    select: { id: true, key: true, sourceLocale: true, currentVersion: { select: { title: true, languages: true } } },
  });
  return new Map(
    courses.map((course) => {
      const version = course.currentVersion;
      if (!version) return [course.id, course.key];
      const shown = pickLocale(parseLocales(version.languages), course.sourceLocale, locale);
      return [course.id, readLocalized(version.title, shown, shown, z.string())];
    }),
  );
}

/** The courses a city's HR may filter by, in the viewer's language, for the filter form. */
export async function filterCourses(cityId: string, locale: Locale): Promise<Array<{ key: string; title: string }>> {
  const [titles, courses] = await Promise.all([
    courseTitles(locale),
    db().course.findMany({
      where: visibleCoursesWhere(cityId),
      select: { id: true, key: true },
    }),
  ]);
  const collator = new Intl.Collator(locale);
  return courses
    .map((course) => ({ key: course.key, title: titles.get(course.id) ?? course.key }))
    .sort((a, b) => collator.compare(a.title, b.title));
}

/** The departments HR may filter by: those in their scope, in tree order with their level. */
export async function filterDepartments(scope: HrScope, locale: Locale) {
  const rows = await listDepartments(scope.cityId);
  const inScope = rows.filter((row) => departmentInScope(scope, row));
  const top = scope.subtree?.id;
  // A scoped viewer's root is shown as a root.
  return flattenTree(
    buildTree(
      inScope.map((row) => (row.id === top ? { ...row, parentId: null } : row)),
      locale,
    ),
  ).map((row) => ({ id: row.id, name: row.name, level: row.level }));
}

// ——— people ———

export type StateCounts = Record<Exclude<AssignmentState, "withdrawn"> | "expiring", number>;

export interface PersonRow {
  id: string;
  name: string;
  email: string;
  department: string | null;
  counts: StateCounts;
}

const personSelect = { id: true, name: true, email: true, departmentId: true } satisfies Prisma.UserSelect;
type PersonFacts = Prisma.UserGetPayload<{ select: typeof personSelect }>;

/** Counts by state of each person's open rows (and expiring certificates), for a page or a chunk. */
async function withCounts(
  context: ListContext,
  people: readonly PersonFacts[],
  labels: Map<string, string>,
): Promise<PersonRow[]> {
  if (people.length === 0) return [];
  const ids = people.map((person) => person.id);
  const courseId = context.filters.courseRow?.id;
  const course = courseId ? Prisma.sql` AND x."courseId" = ${courseId}` : Prisma.empty;
  const [rows, certificates] = await Promise.all([
    // Flat, at driver level (decision 041): an export reads this for every chunk of 500 people.
    // By person only: they were read in scope, and a person's rows are of their own city. A
    // condition on the city too made SQLite read the whole city's rows by its (cityId, dueAt) index.
    // The row's copies of its enrolment's completion and start (decisions 044, 045) make this one
    // read of the (userId, withdrawnAt, completedAt, dueAt, startedAt) index, without the enrolment.
    readRows<{ userId: string; dueAt: unknown; enrollmentId: string | null; completedAt: unknown; startedAt: unknown }>(
      Prisma.sql`
      SELECT x."userId", x."dueAt", x."enrollmentId", x."completedAt", x."startedAt"
      FROM "PersonAssignment" x
      WHERE x."userId" IN (${Prisma.join(ids)}) AND x."withdrawnAt" IS NULL${course}`,
    ),
    // Every certificate of the chunk's people, judged by status.ts's own rule below.
    readRows<{ userId: string; expiresAt: unknown; revokedAt: unknown }>(Prisma.sql`
      SELECT c."userId", c."expiresAt", c."revokedAt"
      FROM "Certificate" c${courseId ? Prisma.sql` JOIN "Enrollment" e ON e."id" = c."enrollmentId" AND e."courseId" = ${courseId}` : Prisma.empty}
      WHERE c."userId" IN (${Prisma.join(ids)})`),
  ]);
  const counts = new Map<string, StateCounts>(
    ids.map((id) => [id, { "not-started": 0, "in-progress": 0, completed: 0, overdue: 0, expiring: 0 }]),
  );
  for (const row of rows) {
    const enrollment = row.enrollmentId ? { completedAt: rawDate(row.completedAt), started: row.startedAt !== null } : null;
    const state = assignmentState({ dueAt: rawDate(row.dueAt)!, withdrawnAt: null, enrollment }, context.now);
    const count = counts.get(row.userId);
    if (count && state !== "withdrawn") count[state] += 1;
  }
  for (const row of certificates) {
    const count = counts.get(row.userId);
    const certificate = { expiresAt: rawDate(row.expiresAt), revokedAt: rawDate(row.revokedAt) };
    if (count && certificateIsExpiring(certificate, context.now)) count.expiring += 1;
  }
  return people.map((person) => ({
    id: person.id,
    name: person.name,
    email: person.email,
    department: person.departmentId ? (labels.get(person.departmentId) ?? null) : null,
    counts: counts.get(person.id)!,
  }));
}

export async function peoplePage(context: ListContext): Promise<{ window: PageWindow; total: number; rows: PersonRow[] }> {
  const where = listedPeopleWhere(context);
  const total = await db().user.count({ where });
  const window = pageWindow(total, context.filters.page);
  const [people, labels] = await Promise.all([
    db().user.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: window.skip,
      take: window.take,
      select: personSelect,
    }),
    departmentLabels(context.scope.cityId, context.locale),
  ]);
  return { window, total, rows: await withCounts(context, people, labels) };
}

/**
 * Every listed person, in the page's order, read in keyset chunks (name, id). The next chunk of
 * people is read while the current one's counts are: on PostgreSQL the two reads overlap.
 */
export async function* peopleForExport(context: ListContext): AsyncGenerator<PersonRow> {
  const where = listedPeopleWhere(context);
  const labels = await departmentLabels(context.scope.cityId, context.locale);
  const chunkAfter = (after: { name: string; id: string } | null): Promise<PersonFacts[]> =>
    db().user.findMany({
      // After (name, id) in the index's order; `name >= …` lets the (cityId, name) index start there.
      where: after
        ? { AND: [where, { name: { gte: after.name } }, { OR: [{ name: { gt: after.name } }, { id: { gt: after.id } }] }] }
        : where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: EXPORT_CHUNK,
      select: personSelect,
    });
  let next = chunkAfter(null);
  try {
    for (;;) {
      const people = await next;
      if (people.length === 0) return;
      const last = people[people.length - 1]!;
      next = people.length < EXPORT_CHUNK ? Promise.resolve([]) : chunkAfter({ name: last.name, id: last.id });
      yield* await withCounts(context, people, labels);
      if (people.length < EXPORT_CHUNK) return;
    }
  } finally {
    // An export stopped early (the client went away) leaves no read unobserved.
    next.catch(() => undefined);
  }
}

// ——— overdue and expiring: grouped by the person's department, in tree order ———

interface Grouped<R> {
  /** The rows of one department (null: people without one), with a keyset `after` the last row. */
  read: (departmentId: string | null, options: { skip?: number; after?: R; take: number }) => Promise<R[]>;
  count: (departmentId: string | null) => Promise<number>;
}

/** The person's department groups a list can hold: the filter's (or scope's) subtree in tree order. */
async function listGroups(context: ListContext): Promise<Array<string | null>> {
  const rows = flattenTree(buildTree(await listDepartments(context.scope.cityId, { includeArchived: true }), context.locale));
  const within = context.filters.departmentRow ?? context.scope.subtree;
  const ids = rows.filter((row) => !within || isInSubtree(row.path, within.path)).map((row) => row.id);
  // People without a department belong to the city only, never to a subtree.
  return within ? ids : [...ids, null];
}

async function groupedPage<R>(
  context: ListContext,
  grouped: Grouped<R>,
): Promise<{ window: PageWindow; total: number; rows: R[] }> {
  const groups = await listGroups(context);
  const counts = await Promise.all(groups.map((group) => grouped.count(group)));
  const total = counts.reduce((sum, count) => sum + count, 0);
  const window = pageWindow(total, context.filters.page);
  const rows: R[] = [];
  let offset = window.skip;
  for (const [index, group] of groups.entries()) {
    const count = counts[index]!;
    if (rows.length >= window.take) break;
    if (offset >= count) {
      offset -= count;
      continue;
    }
    rows.push(...(await grouped.read(group, { skip: offset, take: window.take - rows.length })));
    offset = 0;
  }
  return { window, total, rows };
}

async function* groupedExport<R>(context: ListContext, grouped: Grouped<R>): AsyncGenerator<R> {
  for (const group of await listGroups(context)) {
    let after: R | undefined;
    for (;;) {
      const rows = await grouped.read(group, { after, take: EXPORT_CHUNK });
      yield* rows;
      if (rows.length < EXPORT_CHUNK) break;
      after = rows[rows.length - 1];
    }
  }
}

function inGroup(context: ListContext, departmentId: string | null): Prisma.UserWhereInput {
  return {
    AND: [scopedPeopleWhere(context.scope), { active: true, departmentId }, personSearchWhere(context.filters.search)],
  };
}

export interface OverdueRow {
  id: string;
  dueAt: Date;
  personId: string;
  name: string;
  email: string;
  department: string | null;
  course: string;
  daysOverdue: number;
}

function overdueList(context: ListContext, labels: Map<string, string>, titles: Map<string, string>): Grouped<OverdueRow> {
  const courseId = context.filters.courseRow?.id;
  const where = (departmentId: string | null): Prisma.PersonAssignmentWhereInput => ({
    AND: [
      assignmentStateWhere("overdue", context.now),
      { cityId: context.scope.cityId, ...(courseId ? { courseId } : {}), user: inGroup(context, departmentId) },
    ],
  });
  return {
    count: (departmentId) => db().personAssignment.count({ where: where(departmentId) }),
    async read(departmentId, { skip, after, take }) {
      const rows = await db().personAssignment.findMany({
        where: after
          ? {
              AND: [where(departmentId), { OR: [{ dueAt: { gt: after.dueAt } }, { dueAt: after.dueAt, id: { gt: after.id } }] }],
            }
          : where(departmentId),
        orderBy: [{ dueAt: "asc" }, { id: "asc" }],
        skip,
        take,
        select: { id: true, dueAt: true, courseId: true, user: { select: { id: true, name: true, email: true } } },
      });
      return rows.map((row) => ({
        id: row.id,
        dueAt: row.dueAt,
        personId: row.user.id,
        name: row.user.name,
        email: row.user.email,
        department: departmentId ? (labels.get(departmentId) ?? null) : null,
        course: titles.get(row.courseId) ?? "",
        daysOverdue: calendarDaysBetween(row.dueAt, context.now, context.scope.timeZone),
      }));
    },
  };
}

export interface ExpiringRow {
  id: string;
  expiresAt: Date;
  code: string;
  personId: string;
  name: string;
  email: string;
  department: string | null;
  course: string;
  daysLeft: number;
}

function expiringList(context: ListContext, labels: Map<string, string>, titles: Map<string, string>): Grouped<ExpiringRow> {
  const courseId = context.filters.courseRow?.id;
  const where = (departmentId: string | null): Prisma.CertificateWhereInput => ({
    AND: [
      expiringCertificateWhere(context.now),
      { cityId: context.scope.cityId, ...(courseId ? { enrollment: { courseId } } : {}), user: inGroup(context, departmentId) },
    ],
  });
  return {
    count: (departmentId) => db().certificate.count({ where: where(departmentId) }),
    async read(departmentId, { skip, after, take }) {
      const rows = await db().certificate.findMany({
        where: after
          ? {
              AND: [
                where(departmentId),
                { OR: [{ expiresAt: { gt: after.expiresAt } }, { expiresAt: after.expiresAt, id: { gt: after.id } }] },
              ],
            }
          : where(departmentId),
        orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
        skip,
        take,
        select: {
          id: true,
          code: true,
          expiresAt: true,
          enrollment: { select: { courseId: true } },
          user: { select: { id: true, name: true, email: true } },
        },
      });
      return rows.flatMap((row) =>
        row.expiresAt
          ? [
              {
                id: row.id,
                expiresAt: row.expiresAt,
                code: row.code,
                personId: row.user.id,
                name: row.user.name,
                email: row.user.email,
                department: departmentId ? (labels.get(departmentId) ?? null) : null,
                course: titles.get(row.enrollment.courseId) ?? "",
                daysLeft: calendarDaysBetween(context.now, row.expiresAt, context.scope.timeZone),
              },
            ]
          : [],
      );
    },
  };
}

async function names(context: ListContext) {
  return Promise.all([departmentLabels(context.scope.cityId, context.locale), courseTitles(context.locale)]);
}

export async function overduePage(context: ListContext) {
  return groupedPage(context, overdueList(context, ...(await names(context))));
}

export async function* overdueForExport(context: ListContext): AsyncGenerator<OverdueRow> {
  yield* groupedExport(context, overdueList(context, ...(await names(context))));
}

export async function expiringPage(context: ListContext) {
  return groupedPage(context, expiringList(context, ...(await names(context))));
}

export async function* expiringForExport(context: ListContext): AsyncGenerator<ExpiringRow> {
  yield* groupedExport(context, expiringList(context, ...(await names(context))));
}
