/**
 * The state of one person-assignment and of a certificate at a moment: the one definition used by
 * figures, filters, lists, exports and reminders. `status-where.ts` is the same rule as database
 * filters (an integration test checks that the two agree).
 *
 * - withdrawn: the row was withdrawn (it leaves every figure);
 * - completed: its enrolment is completed (whenever that happened);
 * - overdue: not completed and the due date has passed;
 * - in-progress: started (a lesson completed or a quiz attempt) and not overdue;
 * - not-started: none of the above.
 */
export const assignmentStates = ["not-started", "in-progress", "completed", "overdue", "withdrawn"] as const;
export type AssignmentState = (typeof assignmentStates)[number];

/** Days ahead in which a valid certificate counts as expiring, unless a view says otherwise. */
export const DEFAULT_EXPIRING_DAYS = 60;

export interface AssignmentRowFacts {
  dueAt: Date;
  withdrawnAt: Date | null;
  enrollment: { completedAt: Date | null; started: boolean } | null;
}

export function assignmentState(row: AssignmentRowFacts, now: Date): AssignmentState {
  if (row.withdrawnAt) return "withdrawn";
  if (row.enrollment?.completedAt) return "completed";
  if (row.dueAt.getTime() < now.getTime()) return "overdue";
  return row.enrollment?.started ? "in-progress" : "not-started";
}

export interface CertificateFacts {
  expiresAt: Date | null;
  revokedAt: Date | null;
}

/** Valid: not revoked, and not past its expiry (a certificate without expiry stays valid). */
export function certificateIsValid(certificate: CertificateFacts, now: Date): boolean {
  return !certificate.revokedAt && (!certificate.expiresAt || certificate.expiresAt.getTime() > now.getTime());
}

/** Expiring: valid now, and its expiry falls within the next `days` days. */
export function certificateIsExpiring(certificate: CertificateFacts, now: Date, days = DEFAULT_EXPIRING_DAYS): boolean {
  return (
    certificateIsValid(certificate, now) &&
    certificate.expiresAt !== null &&
    certificate.expiresAt.getTime() <= now.getTime() + days * 86_400_000
  );
}
