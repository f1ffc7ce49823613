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
  id: string;
  /** The first lesson completed or the first quiz attempt started, whichever came first. */
  startedAt: Date | null;
  completedAt: Date | null;
  /** The best score among passing submitted attempts. */
  bestPassingScore: number | null;
  /** The first submitted attempt (by number). */
  firstSubmitted: { submittedAt: Date; passed: boolean } | null;
}

/** One person-assignment (person, assignment, cycle) of a person in scope. */
export interface AssignedRow {
  personId: string;
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
  personId: string;
  departmentPath: string | null;
  courseId: string;
  enrollment: EnrollmentFacts;
}

export interface CertificateRow {
  personId: string;
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

const distinct = (rows: readonly { personId: string }[]) => new Set(rows.map((row) => row.personId)).size;

const count = (rows: readonly { personId: string }[]): Figure => ({ value: rows.length, people: distinct(rows) });

function ratio(numerator: number, base: readonly { personId: string }[]): Figure {
  return { value: base.length === 0 ? null : numerator / base.length, people: distinct(base) };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
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

const live = (rows: readonly AssignedRow[]) => rows.filter((row) => row.withdrawnAt === null);

/** The rows of people who are still here: what the figures of now count. */
export const current = <R extends { erased?: boolean }>(rows: readonly R[]): R[] => rows.filter((row) => !row.erased);

/** Assigned: live person-assignments open at some moment of the period (assigned by its end, not completed before it). */
export function openInPeriod(rows: readonly AssignedRow[], period: Period): AssignedRow[] {
  return live(rows).filter(
    (row) =>
      row.assignedAt.getTime() <= period.end.getTime() &&
      (!row.enrollment?.completedAt || row.enrollment.completedAt.getTime() >= period.start.getTime()),
  );
}

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
  return count(live(rows).filter((row) => within(row.enrollment?.completedAt, period)));
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
): Array<{ personId: string; enrollment: EnrollmentFacts }> {
  const seen = new Set<string>();
  const rows: Array<{ personId: string; enrollment: EnrollmentFacts }> = [];
  for (const row of [...live(assigned), ...(mandatoryOnly ? [] : voluntary)]) {
    if (!row.enrollment || seen.has(row.enrollment.id)) continue;
    seen.add(row.enrollment.id);
    rows.push({ personId: row.personId, enrollment: row.enrollment });
  }
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
  const done = live(rows).filter((row) => within(row.enrollment?.completedAt, period));
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
  const mandatory = new Map<string, Set<string>>();
  for (const row of live(rows)) {
    const courses = mandatory.get(row.personId) ?? new Set<string>();
    courses.add(row.courseId);
    mandatory.set(row.personId, courses);
  }
  const valid = new Set(
    certificates.filter((certificate) => certificateIsValid(certificate, now)).map((c) => `${c.personId} ${c.courseId}`),
  );
  let compliant = 0;
  for (const [personId, courses] of mandatory)
    if ([...courses].every((courseId) => valid.has(`${personId} ${courseId}`))) compliant += 1;
  const base = mandatory.size;
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

/** The facts of a department's subtree (its own people and every sub-department's): the roll-up. */
export function factsInSubtree(facts: FigureFacts, subtreePath: string): FigureFacts {
  const inside = (row: { departmentPath: string | null }) =>
    row.departmentPath !== null && isInSubtree(row.departmentPath, subtreePath);
  return {
    people: facts.people.filter(inside),
    assigned: facts.assigned.filter(inside),
    voluntary: facts.voluntary.filter(inside),
    certificates: facts.certificates.filter(inside),
  };
}

/** The facts of one course (people stay: everyone in scope). */
export function factsOfCourse(facts: FigureFacts, courseId: string): FigureFacts {
  const of = (row: { courseId: string }) => row.courseId === courseId;
  return {
    people: facts.people,
    assigned: facts.assigned.filter(of),
    voluntary: facts.voluntary.filter(of),
    certificates: facts.certificates.filter(of),
  };
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
  return departments.map((department) => ({
    department,
    level: department.level,
    figures: computeFigures(factsInSubtree(facts, department.path), options),
  }));
}

/** One row per course. */
export function figuresByCourse<C extends { id: string }>(
  courses: readonly C[],
  facts: FigureFacts,
  options: FigureOptions,
): Array<{ course: C; figures: Figures }> {
  return courses.map((course) => ({ course, figures: computeFigures(factsOfCourse(facts, course.id), options) }));
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
  const byWeek = (rows: readonly { personId: string; enrollment: EnrollmentFacts | null }[]) => {
    const buckets = weeks.map(() => [] as { personId: string }[]);
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
  const byCourse = new Map<string, { personId: string }[]>();
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
