/**
 * The HR figures from the database: loads the narrow rows of a scope and its filters (active
 * people in the department subtree, their person-assignments, voluntary enrolments and
 * certificates) and hands them to the pure functions of figures.ts, which alone compute every
 * figure. Read at request time, nothing cached (decision 020).
 */
import { z } from "zod";
import { calendarDayIn, endOfDayIn, startOfDayIn } from "~/assignments/cycle-dates.ts";
import { buildTree, flattenTree, isInSubtree } from "~/cities/department-tree.ts";
import { listDepartments, peopleInScopeWhere, subtreeWhere } from "~/cities/departments.server.ts";
import { pickLocale, parseLocales, readLocalized } from "~/courses/localized.ts";
import { visibleCoursesWhere } from "~/courses/visibility.ts";
import { db, type Prisma } from "~/db.server.ts";
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
  type Period,
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
 * Active people of the selection (deactivated people leave every figure), and erased people,
 * whose rows stay in the figures of past periods but leave the current ones (decision 027).
 */
function peopleWhere(selection: FigureSelection): Prisma.UserWhereInput {
  return {
    AND: [
      peopleInScopeWhere(selection),
      ...(selection.department ? [{ department: subtreeWhere(selection.department) }] : []),
      { OR: [{ active: true }, { erasedAt: { not: null } }] },
    ],
  };
}

type FactPerson = { id: string; erasedAt: Date | null; department: { path: string } | null };

const enrollmentSelect = {
  id: true,
  completedAt: true,
  lessons: { select: { completedAt: true }, orderBy: { completedAt: "asc" }, take: 1 },
  attempts: {
    select: { number: true, startedAt: true, submittedAt: true, score: true, passed: true },
    orderBy: { number: "asc" },
  },
} satisfies Prisma.EnrollmentSelect;

type LoadedEnrollment = Prisma.EnrollmentGetPayload<{ select: typeof enrollmentSelect }>;

function enrollmentFacts(enrollment: LoadedEnrollment): EnrollmentFacts {
  const starts = [enrollment.lessons[0]?.completedAt, enrollment.attempts[0]?.startedAt].filter((date): date is Date => !!date);
  const submitted = enrollment.attempts.filter((attempt) => attempt.submittedAt !== null);
  const passingScores = submitted.filter((attempt) => attempt.passed && attempt.score !== null).map((attempt) => attempt.score!);
  const first = submitted[0];
  return {
    id: enrollment.id,
    startedAt: starts.length > 0 ? new Date(Math.min(...starts.map((date) => date.getTime()))) : null,
    completedAt: enrollment.completedAt,
    bestPassingScore: passingScores.length > 0 ? Math.max(...passingScores) : null,
    firstSubmitted: first ? { submittedAt: first.submittedAt!, passed: first.passed === true } : null,
  };
}

/**
 * People are read in chunks of this many (keyset on id), and each chunk's rows by their ids:
 * Prisma refuses more than 999 bound values on SQLite, and a whole large city in one query
 * would pass its nested reads more than SQLite accepts.
 */
const FACT_CHUNK = 900;

/** The rows every figure of a selection reads. */
export async function loadFigureFacts(selection: FigureSelection): Promise<FigureFacts> {
  const who = peopleWhere(selection);
  const facts: FigureFacts = { people: [], assigned: [], voluntary: [], certificates: [] };
  let after: string | null = null;
  for (;;) {
    const people: FactPerson[] = await db().user.findMany({
      where: after ? { AND: [who, { id: { gt: after } }] } : who,
      orderBy: { id: "asc" },
      take: FACT_CHUNK,
      select: { id: true, erasedAt: true, department: { select: { path: true } } },
    });
    if (people.length === 0) break;
    after = people[people.length - 1]!.id;
    const chunk = await factsOfPeople(selection, people);
    facts.people.push(...chunk.people);
    facts.assigned.push(...chunk.assigned);
    facts.voluntary.push(...chunk.voluntary);
    facts.certificates.push(...chunk.certificates);
    if (people.length < FACT_CHUNK) break;
  }
  return facts;
}

async function factsOfPeople(selection: FigureSelection, people: readonly FactPerson[]): Promise<FigureFacts> {
  const ids = people.map((person) => person.id);
  const course = selection.courseId ? { courseId: selection.courseId } : {};
  const [assigned, voluntary, certificates] = await Promise.all([
    db().personAssignment.findMany({
      where: { cityId: selection.cityId, userId: { in: ids }, withdrawnAt: null, ...course },
      select: {
        userId: true,
        courseId: true,
        assignedAt: true,
        dueAt: true,
        withdrawnAt: true,
        enrollment: { select: enrollmentSelect },
      },
    }),
    selection.mandatoryOnly
      ? Promise.resolve([])
      : db().enrollment.findMany({
          where: { userId: { in: ids }, assignedAs: { none: {} }, ...course },
          select: { userId: true, courseId: true, ...enrollmentSelect },
        }),
    db().certificate.findMany({
      where: { cityId: selection.cityId, userId: { in: ids }, ...(selection.courseId ? { enrollment: course } : {}) },
      select: { userId: true, expiresAt: true, revokedAt: true, enrollment: { select: { courseId: true } } },
    }),
  ]);
  const pathOf = new Map(people.map((person) => [person.id, person.department?.path ?? null]));
  const erased = new Set(people.filter((person) => person.erasedAt).map((person) => person.id));
  const former = (userId: string) => (erased.has(userId) ? { erased: true } : {});
  return {
    people: people
      .filter((person) => !erased.has(person.id))
      .map((person) => ({ id: person.id, departmentPath: person.department?.path ?? null })),
    assigned: assigned.map((row) => ({
      ...former(row.userId),
      personId: row.userId,
      departmentPath: pathOf.get(row.userId) ?? null,
      courseId: row.courseId,
      assignedAt: row.assignedAt,
      dueAt: row.dueAt,
      withdrawnAt: row.withdrawnAt,
      enrollment: row.enrollment ? enrollmentFacts(row.enrollment) : null,
    })),
    voluntary: voluntary.map(({ userId, courseId, ...enrollment }) => ({
      personId: userId,
      departmentPath: pathOf.get(userId) ?? null,
      courseId,
      enrollment: enrollmentFacts(enrollment),
    })),
    certificates: certificates.map((certificate) => ({
      ...former(certificate.userId),
      personId: certificate.userId,
      departmentPath: pathOf.get(certificate.userId) ?? null,
      courseId: certificate.enrollment.courseId,
      expiresAt: certificate.expiresAt,
      revokedAt: certificate.revokedAt,
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
    where: { ...visibleCoursesWhere(cityId), currentVersionId: { not: null }, ...(courseId ? { id: courseId } : {}) },
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
    headline: computeFigures(facts, options),
    departments: departmentTable(departments, scope, filters, facts, options),
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
    total: computeFigures(facts, options),
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
