/**
 * The HR figures, defined once: pure functions over plain rows for a scope and a period. The
 * dashboard, the department and course tables, the weekly trend and the network view all call
 * these; figures.server.ts only loads the rows. Every figure says over how many distinct people it
 * was computed (`people`), so the network view can hide small groups with one rule (`anonymise`).
 *
 * A rate whose base is empty is "no data" (`value: null`), never 0. Withdrawn person-assignments
 * leave every figure. States come from status.ts (the one rule).
 */
import { TZDate } from "@date-fns/tz";
import { addWeeks, startOfISOWeek } from "date-fns";
import { isoWeekIn } from "~/assignments/cycle-dates.ts";
import { isInSubtree } from "~/cities/department-tree.ts";
import { assignmentState, certificateIsExpiring, certificateIsValid, DEFAULT_EXPIRING_DAYS } from "./status.ts";

export interface Period {
  start: Date;
  end: Date;
}

/** An enrolment's facts that figures read (an enrolment of a person-assignment or a voluntary one). */
export interface EnrollmentFacts {
  /** A number the loader gives each enrolment of one set of facts (as `PersonKey`). */
  id: number;
  /** The first lesson completed or the first quiz attempt started, whichever came first. */
  startedAt: Date | null;
  completedAt: Date | null;
  /** The best score among passing submitted attempts. */
  bestPassingScore: number | null;
  /** The first submitted attempt (by number). */
  firstSubmitted: { submittedAt: Date; passed: boolean } | null;
}

/**
 * A person of one set of facts, as a small non-negative integer the loader gives them (0, 1, 2, …
 * in order of first sight): figures count and group people, never show them, and marking people
 * in an array indexed by that number is many times faster than a set of ids at 150 000 people.
 */
export type PersonKey = number;

/** One person-assignment (person, assignment, cycle) of a person in scope. */
export interface AssignedRow {
  personId: PersonKey;
  /** The person was erased: the row counts for past periods, not for the current figures. */
  erased?: boolean;
  departmentPath: string | null;
  courseId: string;
  assignedAt: Date;
  dueAt: Date;
  withdrawnAt: Date | null;
  enrollment: EnrollmentFacts | null;
}

/** An enrolment no person-assignment points to: learning by choice, counted apart. */
export interface VoluntaryRow {
  personId: PersonKey;
  departmentPath: string | null;
  courseId: string;
  enrollment: EnrollmentFacts;
}

export interface CertificateRow {
  personId: PersonKey;
  /** The holder was erased (the certificate is revoked too). */
  erased?: boolean;
  departmentPath: string | null;
  courseId: string;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

export interface PersonRow {
  id: string;
  departmentPath: string | null;
}

/**
 * Everything the figures of one scope read: active people in scope and their rows. Rows of erased
 * people are there too, marked `erased`: figures of a period count them (what happened then stays
 * the same), figures of now (people, overdue, expiring, compliant) do not (`current`).
 */
export interface FigureFacts {
  people: PersonRow[];
  assigned: AssignedRow[];
  voluntary: VoluntaryRow[];
  certificates: CertificateRow[];
}

export interface Figure {
  /** null: no data (a rate or mean over an empty base). */
  value: number | null;
  /** Distinct people the figure was computed over. */
  people: number;
}

export interface Figures {
  people: Figure;
  assigned: Figure;
  started: Figure;
  completed: Figure;
  /** Completed ÷ assigned, of the rows due in the period; from 0 to 1. */
  completionRate: Figure;
  /** Completions of person-assignments in the period, by completion date. */
  completionsInPeriod: Figure;
  voluntaryStarted: Figure;
  voluntaryCompleted: Figure;
  /** Mean best passing score (0–100) of the enrolments completed in the period. */
  averageScore: Figure;
  /** From 0 to 1. */
  firstAttemptPassRate: Figure;
  /** Median days from assigned to completed, of the completions in the period. */
  medianDaysToComplete: Figure;
  overdue: Figure;
  expiring: Figure;
  compliant: Figure;
  /** Compliant ÷ people with at least one mandatory row; from 0 to 1. */
  compliantShare: Figure;
}

export interface FigureOptions {
  period: Period;
  now: Date;
  expiringDays?: number;
  /** Leave voluntary enrolments out of every figure. */
  mandatoryOnly?: boolean;
}

const within = (instant: Date | null | undefined, period: Period): instant is Date =>
  !!instant && instant.getTime() >= period.start.getTime() && instant.getTime() <= period.end.getTime();

/*
 * Facts are read-only once loaded, and one pass of computeFigures asks several figures for the same
 * derived rows (the live rows, those open in the period, the people of a list). Each is computed
 * once per rows array and kept beside it in a WeakMap, so it goes when the array goes; at 150 000
 * people the repeated filters and sets of person ids were most of a pass's time.
 */
function oncePerRows<T extends object, R>(compute: (rows: T) => R): (rows: T) => R {
  const results = new WeakMap<T, R>();
  return (rows) => {
    if (results.has(rows)) return results.get(rows)!;
    const result = compute(rows);
    results.set(rows, result);
    return result;
  };
}

/** The same for a rows array and a period (a pass has one period; another one recomputes). */
function oncePerRowsAndPeriod<T extends object, R>(compute: (rows: T, period: Period) => R): (rows: T, period: Period) => R {
  const results = new WeakMap<T, { start: number; end: number; result: R }>();
  return (rows, period) => {
    const kept = results.get(rows);
    if (kept && kept.start === period.start.getTime() && kept.end === period.end.getTime()) return kept.result;
    const result = compute(rows, period);
    results.set(rows, { start: period.start.getTime(), end: period.end.getTime(), result });
    return result;
  };
}

/** How many people: each person marked once in an array indexed by their key. */
const distinct = oncePerRows((rows: readonly { personId: PersonKey }[]) => {
  const seen = new Uint8Array(largestKey(rows) + 1);
  let people = 0;
  for (const row of rows)
    if (seen[row.personId] === 0) {
      seen[row.personId] = 1;
      people += 1;
    }
  return people;
});

function largestKey(rows: readonly { personId: PersonKey }[]): number {
  let largest = -1;
  for (const row of rows) if (row.personId > largest) largest = row.personId;
  return largest;
}

const count = (rows: readonly { personId: PersonKey }[]): Figure => ({ value: rows.length, people: distinct(rows) });

function ratio(numerator: number, base: readonly { personId: PersonKey }[]): Figure {
  return { value: base.length === 0 ? null : numerator / base.length, people: distinct(base) };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The state rule of status.ts applied to a row. */
function stateOf(row: AssignedRow, now: Date) {
  const enrollment = row.enrollment
    ? { completedAt: row.enrollment.completedAt, started: row.enrollment.startedAt !== null }
    : null;
  return assignmentState({ dueAt: row.dueAt, withdrawnAt: row.withdrawnAt, enrollment }, now);
}

const live = oncePerRows((rows: readonly AssignedRow[]) => rows.filter((row) => row.withdrawnAt === null));

const currentRows = oncePerRows((rows: readonly { erased?: boolean }[]) => rows.filter((row) => !row.erased));

/** The rows of people who are still here: what the figures of now count. */
export const current = <R extends { erased?: boolean }>(rows: readonly R[]): R[] => currentRows(rows) as R[];

/** Assigned: live person-assignments open at some moment of the period (assigned by its end, not completed before it). */
export const openInPeriod = oncePerRowsAndPeriod((rows: readonly AssignedRow[], period: Period): AssignedRow[] =>
  live(rows).filter(
    (row) =>
      row.assignedAt.getTime() <= period.end.getTime() &&
      (!row.enrollment?.completedAt || row.enrollment.completedAt.getTime() >= period.start.getTime()),
  ),
);

/** Live person-assignments completed in the period (by completion date). */
const completedInPeriod = oncePerRowsAndPeriod((rows: readonly AssignedRow[], period: Period) =>
  live(rows).filter((row) => within(row.enrollment?.completedAt, period)),
);

export function peopleFigure(people: readonly PersonRow[]): Figure {
  return { value: people.length, people: people.length };
}

export function assignedFigure(rows: readonly AssignedRow[], period: Period): Figure {
  return count(openInPeriod(rows, period));
}

/** Of the assigned, those started (a lesson completed or a quiz attempt) by the period's end. */
export function startedFigure(rows: readonly AssignedRow[], period: Period): Figure {
  const open = openInPeriod(rows, period);
  const startedBy = (row: AssignedRow) =>
    !!row.enrollment?.startedAt && row.enrollment.startedAt.getTime() <= period.end.getTime();
  return { value: open.filter(startedBy).length, people: distinct(open) };
}

/** Of the assigned, those completed by the period's end. */
export function completedFigure(rows: readonly AssignedRow[], period: Period): Figure {
  const open = openInPeriod(rows, period);
  return {
    value: open.filter((row) => !!row.enrollment?.completedAt && row.enrollment.completedAt.getTime() <= period.end.getTime())
      .length,
    people: distinct(open),
  };
}

/** Completion rate (mandatory): of the live rows due in the period, the share completed (at any time up to now). */
export function completionRate(rows: readonly AssignedRow[], period: Period, now: Date): Figure {
  const due = live(rows).filter((row) => within(row.dueAt, period));
  return ratio(due.filter((row) => stateOf(row, now) === "completed").length, due);
}

export function completionsInPeriod(rows: readonly AssignedRow[], period: Period): Figure {
  return count(completedInPeriod(rows, period));
}

export function voluntaryStarted(rows: readonly VoluntaryRow[], period: Period): Figure {
  return count(rows.filter((row) => within(row.enrollment.startedAt, period)));
}

export function voluntaryCompleted(rows: readonly VoluntaryRow[], period: Period): Figure {
  return count(rows.filter((row) => within(row.enrollment.completedAt, period)));
}

/** The enrolments quality figures read: of live person-assignments, and voluntary ones unless mandatory only; each once. */
export function enrollmentsOf(
  assigned: readonly AssignedRow[],
  voluntary: readonly VoluntaryRow[],
  mandatoryOnly = false,
): Array<{ personId: PersonKey; enrollment: EnrollmentFacts }> {
  const seen = new Set<number>();
  const rows: Array<{ personId: PersonKey; enrollment: EnrollmentFacts }> = [];
  const add = (row: { personId: PersonKey; enrollment: EnrollmentFacts | null }) => {
    if (!row.enrollment || seen.has(row.enrollment.id)) return;
    seen.add(row.enrollment.id);
    rows.push({ personId: row.personId, enrollment: row.enrollment });
  };
  live(assigned).forEach(add);
  if (!mandatoryOnly) voluntary.forEach(add);
  return rows;
}

/** Mean best passing score per enrolment completed in the period. */
export function averageScore(enrollments: ReturnType<typeof enrollmentsOf>, period: Period): Figure {
  const scored = enrollments.filter(
    (row) => within(row.enrollment.completedAt, period) && row.enrollment.bestPassingScore !== null,
  );
  const total = scored.reduce((sum, row) => sum + row.enrollment.bestPassingScore!, 0);
  return { value: scored.length === 0 ? null : total / scored.length, people: distinct(scored) };
}

/** Of the enrolments whose first submitted attempt falls in the period, the share where it passed. */
export function firstAttemptPassRate(enrollments: ReturnType<typeof enrollmentsOf>, period: Period): Figure {
  const tried = enrollments.filter((row) => within(row.enrollment.firstSubmitted?.submittedAt, period));
  return ratio(tried.filter((row) => row.enrollment.firstSubmitted!.passed).length, tried);
}

/** Median days from assigned to completed, of the person-assignments completed in the period. */
export function medianDaysToComplete(rows: readonly AssignedRow[], period: Period): Figure {
  const done = completedInPeriod(rows, period);
  const days = done.map((row) => (row.enrollment!.completedAt!.getTime() - row.assignedAt.getTime()) / 86_400_000);
  return { value: median(days), people: distinct(done) };
}

/** Overdue now: assigned, not completed, due date passed (clock-driven, not by period). */
export function overdueFigure(rows: readonly AssignedRow[], now: Date): Figure {
  return count(rows.filter((row) => stateOf(row, now) === "overdue"));
}

/** Valid certificates expiring within the next `days` days. */
export function expiringFigure(certificates: readonly CertificateRow[], now: Date, days = DEFAULT_EXPIRING_DAYS): Figure {
  return count(certificates.filter((certificate) => certificateIsExpiring(certificate, now, days)));
}

/**
 * Compliant: a person with at least one live mandatory row all of whose mandatory courses have a
 * valid certificate. `value` counts them; the share is of people with at least one mandatory row.
 */
export function compliance(
  rows: readonly AssignedRow[],
  certificates: readonly CertificateRow[],
  now: Date,
): { compliant: Figure; share: Figure } {
  // Per person, in arrays indexed by their key: how many distinct mandatory courses they have and
  // how many of those they hold a valid certificate of; a (person, course) pair is marked at
  // person × courses + the course's index.
  const liveRows = live(rows);
  const courseIndex = new Map<string, number>();
  for (const row of liveRows) if (!courseIndex.has(row.courseId)) courseIndex.set(row.courseId, courseIndex.size);
  const people = Math.max(largestKey(liveRows), largestKey(certificates)) + 1;
  const pairs = new Uint8Array(people * courseIndex.size); // 1: mandatory, 2: and covered
  const mandatoryCourses = new Uint32Array(people);
  const coveredCourses = new Uint32Array(people);
  let base = 0;
  for (const row of liveRows) {
    const pair = row.personId * courseIndex.size + courseIndex.get(row.courseId)!;
    if (pairs[pair] !== 0) continue;
    pairs[pair] = 1;
    if (mandatoryCourses[row.personId] === 0) base += 1;
    mandatoryCourses[row.personId] = mandatoryCourses[row.personId]! + 1;
  }
  for (const certificate of certificates) {
    const index = courseIndex.get(certificate.courseId);
    if (index === undefined) continue;
    const pair = certificate.personId * courseIndex.size + index;
    if (pairs[pair] !== 1 || !certificateIsValid(certificate, now)) continue;
    pairs[pair] = 2;
    coveredCourses[certificate.personId] = coveredCourses[certificate.personId]! + 1;
  }
  let compliant = 0;
  for (let person = 0; person < people; person += 1)
    if (mandatoryCourses[person]! > 0 && coveredCourses[person] === mandatoryCourses[person]) compliant += 1;
  return { compliant: { value: compliant, people: base }, share: { value: base === 0 ? null : compliant / base, people: base } };
}

/** Every figure of one scope and period. */
export function computeFigures(facts: FigureFacts, options: FigureOptions): Figures {
  const { period, now } = options;
  const voluntary = options.mandatoryOnly ? [] : facts.voluntary;
  const enrollments = enrollmentsOf(facts.assigned, voluntary);
  const { compliant, share } = compliance(current(facts.assigned), current(facts.certificates), now);
  return {
    people: peopleFigure(facts.people),
    assigned: assignedFigure(facts.assigned, period),
    started: startedFigure(facts.assigned, period),
    completed: completedFigure(facts.assigned, period),
    completionRate: completionRate(facts.assigned, period, now),
    completionsInPeriod: completionsInPeriod(facts.assigned, period),
    voluntaryStarted: voluntaryStarted(voluntary, period),
    voluntaryCompleted: voluntaryCompleted(voluntary, period),
    averageScore: averageScore(enrollments, period),
    firstAttemptPassRate: firstAttemptPassRate(enrollments, period),
    medianDaysToComplete: medianDaysToComplete(facts.assigned, period),
    overdue: overdueFigure(current(facts.assigned), now),
    expiring: expiringFigure(current(facts.certificates), now, options.expiringDays),
    compliant,
    compliantShare: share,
  };
}

const noFacts = (): FigureFacts => ({ people: [], assigned: [], voluntary: [], certificates: [] });

/** Rows of each kind put in groups by a key of theirs (null: in no group), each group in the facts' order. */
function groupFacts<K>(facts: FigureFacts, keyOf: (row: { departmentPath: string | null; courseId?: string }) => K | null) {
  const groups = new Map<K, FigureFacts>();
  const groupOf = (row: { departmentPath: string | null; courseId?: string }) => {
    const key = keyOf(row);
    if (key === null) return null;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = noFacts()));
    return group;
  };
  for (const row of facts.people) groupOf(row)?.people.push(row);
  for (const row of facts.assigned) groupOf(row)?.assigned.push(row);
  for (const row of facts.voluntary) groupOf(row)?.voluntary.push(row);
  for (const row of facts.certificates) groupOf(row)?.certificates.push(row);
  return groups;
}

const joined = (groups: readonly FigureFacts[]): FigureFacts => ({
  people: groups.flatMap((group) => group.people),
  assigned: groups.flatMap((group) => group.assigned),
  voluntary: groups.flatMap((group) => group.voluntary),
  certificates: groups.flatMap((group) => group.certificates),
});

/**
 * The facts of each department's subtree (its own people and every sub-department's): the
 * roll-ups. Rows are grouped by department once, then each subtree joins its departments' groups.
 */
export function factsInSubtrees(facts: FigureFacts, subtreePaths: readonly string[]): FigureFacts[] {
  const byDepartment = [...groupFacts(facts, (row) => row.departmentPath)];
  return subtreePaths.map((subtreePath) =>
    joined(byDepartment.filter(([path]) => isInSubtree(path, subtreePath)).map(([, group]) => group)),
  );
}

/** The facts of each course (people stay: everyone in scope), rows grouped by course once. */
export function factsOfCourses(facts: FigureFacts, courseIds: readonly string[]): FigureFacts[] {
  const byCourse = groupFacts(facts, (row) => row.courseId ?? null);
  return courseIds.map((courseId) => ({ ...(byCourse.get(courseId) ?? noFacts()), people: facts.people }));
}

export interface DepartmentFigures<D> {
  department: D;
  level: number;
  figures: Figures;
}

/** One row per department (depth-first, with its level), each rolling up its sub-departments. */
export function figuresByDepartment<D extends { path: string; level: number }>(
  departments: readonly D[],
  facts: FigureFacts,
  options: FigureOptions,
): DepartmentFigures<D>[] {
  const subtrees = factsInSubtrees(
    facts,
    departments.map((department) => department.path),
  );
  return departments.map((department, index) => ({
    department,
    level: department.level,
    figures: computeFigures(subtrees[index]!, options),
  }));
}

/** One row per course. */
export function figuresByCourse<C extends { id: string }>(
  courses: readonly C[],
  facts: FigureFacts,
  options: FigureOptions,
): Array<{ course: C; figures: Figures }> {
  const ofCourses = factsOfCourses(
    facts,
    courses.map((course) => course.id),
  );
  return courses.map((course, index) => ({ course, figures: computeFigures(ofCourses[index]!, options) }));
}

export interface WeekBucket {
  /** ISO week in the city's time zone, e.g. "2026-W49". */
  week: string;
  /** Monday 00:00 city time, or the period's start for the first week. */
  start: Date;
}

/** The ISO weeks (city time) the period touches, in order. */
export function weeksOfPeriod(period: Period, timeZone: string): WeekBucket[] {
  const weeks: WeekBucket[] = [];
  for (
    let monday = startOfISOWeek(new TZDate(period.start, timeZone));
    monday.getTime() <= period.end.getTime();
    monday = addWeeks(monday, 1)
  ) {
    const start = new Date(Math.max(monday.getTime(), period.start.getTime()));
    weeks.push({ week: isoWeekIn(start, timeZone), start });
  }
  return weeks;
}

export interface WeeklyPoint extends WeekBucket {
  mandatory: Figure;
  voluntary: Figure;
  /** Both together, people counted once. */
  all: Figure;
}

/** Completions per ISO week of the period (city time): of person-assignments, and voluntary apart. */
export function weeklyCompletions(facts: FigureFacts, options: FigureOptions & { timeZone: string }): WeeklyPoint[] {
  const weeks = weeksOfPeriod(options.period, options.timeZone);
  const starts = weeks.map((bucket) => bucket.start.getTime());
  // The week of an instant in the period: the last bucket starting at or before it (binary search;
  // the buckets start on Mondays at 00:00 city time, so this is the instant's ISO week there).
  const weekIndex = (instant: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= instant) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const byWeek = (rows: readonly { personId: PersonKey; enrollment: EnrollmentFacts | null }[]) => {
    const buckets = weeks.map(() => [] as { personId: PersonKey }[]);
    for (const row of rows) {
      const completedAt = row.enrollment?.completedAt;
      if (within(completedAt, options.period)) buckets[weekIndex(completedAt.getTime())]!.push(row);
    }
    return buckets;
  };
  const mandatory = byWeek(live(facts.assigned));
  const voluntary = byWeek(options.mandatoryOnly ? [] : facts.voluntary);
  return weeks.map((bucket, index) => ({
    ...bucket,
    mandatory: count(mandatory[index]!),
    voluntary: count(voluntary[index]!),
    all: count([...mandatory[index]!, ...voluntary[index]!]),
  }));
}

/** Courses by completions in the period (person-assignments and voluntary together), most first. */
export function mostCompletedCourses(
  facts: FigureFacts,
  options: FigureOptions,
  limit = 3,
): Array<{ courseId: string; completions: Figure }> {
  const rows = [...live(facts.assigned), ...(options.mandatoryOnly ? [] : facts.voluntary)].filter((row) =>
    within(row.enrollment?.completedAt, options.period),
  );
  const byCourse = new Map<string, { personId: PersonKey }[]>();
  for (const row of rows) {
    const completed = byCourse.get(row.courseId);
    if (completed) completed.push(row);
    else byCourse.set(row.courseId, [row]);
  }
  return [...byCourse]
    .map(([courseId, completed]) => ({ courseId, completions: count(completed) }))
    .sort((a, b) => b.completions.value! - a.completions.value! || a.courseId.localeCompare(b.courseId))
    .slice(0, limit);
}

/** Weeks of the network view's trend (the last ones of the period). */
export const NETWORK_TREND_WEEKS = 12;

/** The fewest people a figure of the network view may be computed over. */
export const MIN_GROUP = 5;

export type Anonymised = { shown: true; value: number | null } | { shown: false };

/** The network view's one rule: a figure computed over fewer than 5 people is shown as "< 5". */
export function anonymise(figure: Figure): Anonymised {
  return figure.people < MIN_GROUP ? { shown: false } : { shown: true, value: figure.value };
}
