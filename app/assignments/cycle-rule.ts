/**
 * Which cycle a person's new row of an assignment asks for, and which enrolment it links: the one
 * rule, used by the batched fill, by joins and moves (decision 019).
 *
 * - no enrolment in the course: cycle 1, nothing linked (the enrolment is created when they start);
 * - the latest enrolment is open: its cycle, linked;
 * - the latest enrolment is completed and still counts (its certificate is valid, or the course
 *   gives none): its cycle, linked, so the row is completed from the start;
 * - completed but its certificate expired or was revoked: the next cycle, nothing linked.
 */
import { certificateIsValid, type CertificateFacts } from "~/reports/status.ts";

export interface EnrollmentFacts {
  id: string;
  cycle: number;
  completedAt: Date | null;
  certificate: CertificateFacts | null;
}

export interface CycleChoice {
  cycle: number;
  enrollmentId: string | null;
}

export function cycleForNewRow(enrollments: readonly EnrollmentFacts[], now: Date): CycleChoice {
  const latest = enrollments.reduce<EnrollmentFacts | null>(
    (best, enrollment) => (best === null || enrollment.cycle > best.cycle ? enrollment : best),
    null,
  );
  if (!latest) return { cycle: 1, enrollmentId: null };
  if (!latest.completedAt) return { cycle: latest.cycle, enrollmentId: latest.id };
  if (!latest.certificate || certificateIsValid(latest.certificate, now)) return { cycle: latest.cycle, enrollmentId: latest.id };
  return { cycle: latest.cycle + 1, enrollmentId: null };
}

/**
 * The cycle a learner's start opens: their latest enrolment's, unless it is completed and one of
 * their open rows of the course asks for a later cycle (recertification, or an expired
 * certificate): then that cycle, as a new, empty enrolment on the course's current version.
 */
export function cycleToStart(
  latest: { cycle: number; completedAt: Date | null } | null,
  openRowCycles: readonly number[],
): number {
  if (!latest) return openRowCycles.length > 0 ? Math.min(...openRowCycles) : 1;
  if (!latest.completedAt) return latest.cycle;
  const later = openRowCycles.filter((cycle) => cycle > latest.cycle);
  return later.length > 0 ? Math.min(...later) : latest.cycle;
}
