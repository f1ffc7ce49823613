/**
 * The HR figures from the database: loads the narrow rows of a scope and its filters (active
 * people in the department subtree, their person-assignments, voluntary enrolments and
 * certificates) and hands them to the pure functions of figures.ts, which alone compute every
 * figure. Read at request time, nothing cached (decision 020).
 */
import { z } from "zod";
import { calendarDayIn, endOfDayIn, startOfDayIn } from "~/assignments/cycle-dates.ts";
import { buildTree, flattenTree, isInSubtree } from "~/cities/department-tree.ts";
import { listDepartments, subtreeSql } from "~/cities/departments.server.ts";
import { pickLocale, parseLocales, readLocalized } from "~/courses/localized.ts";
import { visibleCoursesWhere } from "~/courses/visibility.ts";
import { db, Prisma, rawDate, readRows } from "~/db.server.ts";
import { htmlLang, type Locale } from "~/i18n/locales.ts";
import {
  anonymise,
  computeFigures,
  figuresByCourse,
  figuresByDepartment,
  mostCompletedCourses,
  NETWORK_TREND_WEEKS,
  weeklyCompletions,
  type Anonymised,
  type EnrollmentFacts,
  type FigureFacts,
  type FigureOptions,
  type Figures,
  type Period,
  type PersonKey,
} from "./figures.ts";
import { resolveReportFilters, type ReportFilters } from "./filters.server.ts";
import { parseReportFilters } from "./filters.ts";
import type { HrScope } from "./scope.server.ts";

/** What the figures are loaded for: a city or a subtree of it, optionally narrowed by the filters. */
export interface FigureSelection {
  cityId: string;
  subtree: { path: string } | null;
  department: { path: string } | null;
  courseId: string | null;
  mandatoryOnly: boolean;
}

export function selectionOf(scope: HrScope, filters: ReportFilters): FigureSelection {
  return {
    cityId: scope.cityId,
    subtree: scope.subtree,
    department: filters.departmentRow,
    courseId: filters.courseRow?.id ?? null,
    mandatoryOnly: filters.mandatoryOnly,
  };
}

/**
 * The people of a selection as SQL over `"User" u LEFT JOIN "Department" d`: active accounts
 * (deactivated people leave every figure) of the city, in the scope's subtree and the filter's,
 * and erased people, whose rows stay in the figures of past periods but leave the current ones
 * (decision 027). The subtree test is departments.server.ts's own (`subtreeSql`).
 */
function peopleSql(selection: FigureSelection): Prisma.Sql {
  const subtrees = [selection.subtree, selection.department].filter((tree): tree is { path: string } => tree !== null);
  return subtrees.reduce(
    (sql, tree) => Prisma.sql`${sql} AND ${subtreeSql(Prisma.sql`d."path"`, tree)}`,
    Prisma.sql`u."cityId" = ${selection.cityId} AND (u."active" = ${true} OR u."erasedAt" IS NOT NULL)`,
  );
}

/**
 * An enrolment's facts as columns of the enrolment aliased `alias`: all of them its own columns,
 * its start and its attempts' facts kept by database triggers (decisions 045, 046).
 */
function enrollmentColumns(alias: "e" | "x"): Prisma.Sql {
  const e = Prisma.raw(alias);
  return Prisma.sql`
  ${e}."id" AS "enrollmentId",
  ${e}."completedAt" AS "completedAt",
  ${e}."startedAt" AS "startedAt",
  ${e}."bestPassingScore" AS "bestPassingScore",
  ${e}."firstSubmittedAt" AS "firstSubmittedAt",
  ${e}."firstPassed" AS "firstPassed"`;
}

type EnrollmentColumns = {
  enrollmentId: string | null;
  completedAt: unknown;
  startedAt: unknown;
  bestPassingScore: number | bigint | null;
  firstSubmittedAt: unknown;
  firstPassed: boolean | number | bigint | null;
};

/** SQLite answers booleans as 0/1 and aggregates as bigints; PostgreSQL as booleans and numbers. */
const truthy = (value: boolean | number | bigint | null) => value === true || Number(value) === 1;

function enrollmentFacts(row: EnrollmentColumns, keyOf: (id: string) => number): EnrollmentFacts | null {
  if (row.enrollmentId === null) return null;
  const firstSubmittedAt = rawDate(row.firstSubmittedAt);
  return {
    id: keyOf(row.enrollmentId),
    startedAt: rawDate(row.startedAt),
    completedAt: rawDate(row.completedAt),
    bestPassingScore: row.bestPassingScore === null ? null : Number(row.bestPassingScore),
    firstSubmitted: firstSubmittedAt ? { submittedAt: firstSubmittedAt, passed: truthy(row.firstPassed) } : null,
  };
}

/** The number each person (or enrolment) of one set of facts gets (figures.ts's `PersonKey`), in order of first sight. */
function keysInOrder(): (id: string) => number {
  const keys = new Map<string, number>();
  return (id) => {
    let key = keys.get(id);
    if (key === undefined) {
      key = keys.size;
      keys.set(id, key);
    }
    return key;
  };
}

/**
 * The rows every figure of a selection reads, in four flat queries (raw SQL: one row per fact,
 * no nested reads, so a city of 150 000 people is a few scans of indexed tables; the
 * person-assignments and certificates from covering indexes, decision 046). Voluntary enrolments
 * are read from the scope's people outward: SQLite keeps a CROSS JOIN's order, and given a course
 * it would otherwise read every enrolment of that course in the network (2.4 s against 0.1 s at
 * 150 000 people); PostgreSQL plans it as any inner join.
 */
export async function loadFigureFacts(selection: FigureSelection): Promise<FigureFacts> {
  const who = peopleSql(selection);
  const course = selection.courseId ? Prisma.sql` AND x."courseId" = ${selection.courseId}` : Prisma.empty;
  const [people, assigned, voluntary, certificates] = await Promise.all([
    readRows<{ id: string; path: string | null; erasedAt: unknown }>(Prisma.sql`
      SELECT u."id", d."path", u."erasedAt" FROM "User" u LEFT JOIN "Department" d ON d."id" = u."departmentId" WHERE ${who}`),
    readRows<
      EnrollmentColumns & {
        userId: string;
        path: string | null;
        erasedAt: unknown;
        courseId: string;
        assignedAt: unknown;
        dueAt: unknown;
      }
    >(Prisma.sql`
      SELECT x."userId", d."path", u."erasedAt", x."courseId", x."assignedAt", x."dueAt", ${enrollmentColumns("e")}
      FROM "PersonAssignment" x
      JOIN "User" u ON u."id" = x."userId"
      LEFT JOIN "Department" d ON d."id" = u."departmentId"
      LEFT JOIN "Enrollment" e ON e."id" = x."enrollmentId"
      WHERE x."cityId" = ${selection.cityId} AND x."withdrawnAt" IS NULL AND ${who}${course}`),
    selection.mandatoryOnly
      ? Promise.resolve([])
      : readRows<EnrollmentColumns & { userId: string; path: string | null; courseId: string }>(Prisma.sql`
      SELECT x."userId", d."path", x."courseId", ${enrollmentColumns("x")}
      FROM "User" u
      CROSS JOIN "Enrollment" x
      LEFT JOIN "Department" d ON d."id" = u."departmentId"
      WHERE x."userId" = u."id" AND ${who}${course} AND NOT EXISTS (SELECT 1 FROM "PersonAssignment" pa WHERE pa."enrollmentId" = x."id")`),
    readRows<{
      userId: string;
      path: string | null;
      erasedAt: unknown;
      courseId: string;
      expiresAt: unknown;
      revokedAt: unknown;
    }>(
      Prisma.sql`
      SELECT c."userId", d."path", u."erasedAt", x."courseId", c."expiresAt", c."revokedAt"
      FROM "Certificate" c
      JOIN "Enrollment" x ON x."id" = c."enrollmentId"
      JOIN "User" u ON u."id" = c."userId"
      LEFT JOIN "Department" d ON d."id" = u."departmentId"
      WHERE c."cityId" = ${selection.cityId} AND ${who}${course}`,
    ),
  ]);
  const keyOf: (userId: string) => PersonKey = keysInOrder();
  const enrollmentKeyOf = keysInOrder();
  // Rows of an erased person are marked: figures of a period count them, figures of now do not.
  return {
    people: people.filter((person) => person.erasedAt === null).map((person) => ({ id: person.id, departmentPath: person.path })),
    assigned: assigned.map((row) => ({
      erased: row.erasedAt !== null,
      personId: keyOf(row.userId),
      departmentPath: row.path,
      courseId: row.courseId,
      assignedAt: rawDate(row.assignedAt)!,
      dueAt: rawDate(row.dueAt)!,
      withdrawnAt: null,
      enrollment: enrollmentFacts(row, enrollmentKeyOf),
    })),
    voluntary: voluntary.map((row) => ({
      personId: keyOf(row.userId),
      departmentPath: row.path,
      courseId: row.courseId,
      enrollment: enrollmentFacts(row, enrollmentKeyOf)!,
    })),
    certificates: certificates.map((row) => ({
      erased: row.erasedAt !== null,
      personId: keyOf(row.userId),
      departmentPath: row.path,
      courseId: row.courseId,
      expiresAt: rawDate(row.expiresAt),
      revokedAt: rawDate(row.revokedAt),
    })),
  };
}

/** The departments of a selection as a tree flattened depth-first (levels from 1 at its top). */
export async function departmentsOfSelection(
  selection: Pick<FigureSelection, "cityId" | "subtree" | "department">,
  lang: string,
) {
  const top = selection.department ?? selection.subtree;
  const rows = (await listDepartments(selection.cityId)).filter((row) => !top || isInSubtree(row.path, top.path));
  return flattenTree(buildTree(rows, lang));
}

/** The courses a city sees, with their titles in the reader's language. */
export async function coursesOfCity(cityId: string, locale: Locale, courseId: string | null = null) {
  const courses = await db().course.findMany({
    where: { ...visibleCoursesWhere(cityId), ...(courseId ? { id: courseId } : {}) },
    orderBy: { key: "asc" },
    select: { id: true, key: true, sourceLocale: true, currentVersion: { select: { title: true, languages: true } } },
  });
  return courses.map((course) => {
    const version = course.currentVersion!;
    const shown = pickLocale(parseLocales(version.languages), course.sourceLocale, locale);
    return { id: course.id, key: course.key, title: readLocalized(version.title, shown, shown, z.string()) };
  });
}

/** The /hr dashboard's page: the filter choices, and either the refusal of the filters or the figures. */
export async function hrDashboardPage(scope: HrScope, params: URLSearchParams, now: Date, locale: Locale) {
  const lang = htmlLang[locale];
  const [departments, courses] = await Promise.all([
    departmentsOfSelection({ cityId: scope.cityId, subtree: scope.subtree, department: null }, lang),
    coursesOfCity(scope.cityId, locale),
  ]);
  const choices = {
    departments: departments.map(({ id, name, level }) => ({ id, name, level })),
    courses: courses.map(({ key, title }) => ({ key, title })),
  };
  const parsed = parseReportFilters(params);
  const resolved = parsed.ok ? await resolveReportFilters(scope, parsed.filters, now) : parsed;
  if (!resolved.ok) return { ok: false as const, choices, problems: resolved.problems };
  const filters = resolved.filters;
  const selection = selectionOf(scope, filters);
  const facts = await loadFigureFacts(selection);
  const options: FigureOptions = { period: filters.period, now, mandatoryOnly: filters.mandatoryOnly };
  const headline = computeFigures(facts, options);
  const shownCourses = filters.courseRow ? courses.filter((course) => course.id === filters.courseRow!.id) : courses;
  return {
    ok: true as const,
    choices,
    filters: {
      department: filters.department,
      course: filters.course,
      from: filters.period.from,
      to: filters.period.to,
      mandatoryOnly: filters.mandatoryOnly,
    },
    headline,
    departments: departmentTable(departments, scope, filters, facts, options, headline),
    courses: figuresByCourse(shownCourses, facts, options).map(({ course, figures }) => ({
      key: course.key,
      title: course.title,
      figures,
    })),
    weekly: weeklyCompletions(facts, { ...options, timeZone: scope.timeZone }).map((point) => ({
      week: point.week,
      day: calendarDayIn(point.start, scope.timeZone),
      mandatory: point.mandatory.value ?? 0,
      voluntary: point.voluntary.value ?? 0,
    })),
  };
}

type FlatDepartment = Awaited<ReturnType<typeof departmentsOfSelection>>[number];

/**
 * The department table: the department viewed (the filter's, else the scope's, else the city) as
 * a total row, then one row per sub-department, each rolling up its own sub-departments; a row
 * with sub-departments opens them (a link that filters by it, so it works without JavaScript).
 */
function departmentTable(
  departments: readonly FlatDepartment[],
  scope: HrScope,
  filters: ReportFilters,
  facts: FigureFacts,
  options: FigureOptions,
  /** The figures of the whole selection: the table's total row. */
  total: Figures,
) {
  const topId = filters.departmentRow?.id ?? scope.subtree?.id ?? null;
  const top = departments.find((department) => department.id === topId) ?? null;
  const parents = new Set(departments.map((department) => department.parentId));
  const children = departments.filter((department) => department.parentId === topId);
  const parent = top?.parentId ? (departments.find((department) => department.id === top.parentId) ?? null) : null;
  // Up: to the parent when it is in scope; from a root, to the whole city when the scope is the city.
  const up =
    top === null ? null : parent ? { id: parent.id, name: parent.name } : scope.subtree ? null : { id: null, name: null };
  return {
    top: top ? { id: top.id, name: top.name } : null,
    up,
    total,
    rows: figuresByDepartment(children, facts, options).map(({ department, figures }) => ({
      id: department.id,
      name: department.name,
      hasChildren: parents.has(department.id),
      figures,
    })),
  };
}

export type HrDashboardPage = Awaited<ReturnType<typeof hrDashboardPage>>;

/**
 * The network view: each city's figures over the whole city for the same calendar days (each in
 * its own time zone), anonymised (fewer than 5 people: "< 5"). No personal data leaves here.
 */
export async function networkFigures(days: { from: string; to: string }, now: Date, locale: Locale) {
  const cities = await db().city.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, timeZone: true } });
  const rows = [];
  for (const city of cities) {
    const period: Period = {
      start: startOfDayIn(endOfDayIn(days.from, city.timeZone), city.timeZone),
      end: endOfDayIn(days.to, city.timeZone),
    };
    const facts = await loadFigureFacts({
      cityId: city.id,
      subtree: null,
      department: null,
      courseId: null,
      mandatoryOnly: false,
    });
    const options: FigureOptions = { period, now };
    const figures = computeFigures(facts, options);
    const titles = new Map((await coursesOfCity(city.id, locale)).map((course) => [course.id, course.title]));
    const trend = weeklyCompletions(facts, { ...options, timeZone: city.timeZone }).slice(-NETWORK_TREND_WEEKS);
    rows.push({
      city: city.name,
      people: anonymise(figures.people),
      assigned: anonymise(figures.assigned),
      completionRate: anonymise(figures.completionRate),
      compliantShare: anonymise(figures.compliantShare),
      averageScore: anonymise(figures.averageScore),
      topCourses: mostCompletedCourses(facts, options).map((course) => ({
        title: titles.get(course.courseId) ?? "",
        completions: anonymise(course.completions),
      })),
      trend: trend.map((point) => ({ week: point.week, completions: anonymise(point.all) })),
    });
  }
  return rows;
}

export type NetworkRow = Awaited<ReturnType<typeof networkFigures>>[number];
export type { Anonymised };
