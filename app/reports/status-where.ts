/**
 * The rule of status.ts as database filters, for lists and counts that must not load every row.
 * Keep the two in step: tests/integration/status-where.test.ts compares them on random rows.
 */
import type { Prisma } from "~/db.server.ts";
import { DEFAULT_EXPIRING_DAYS, type AssignmentState } from "./status.ts";

/**
 * Completion and start are read from the row's copies of its enrolment's `completedAt` and
 * `startedAt` (kept by database triggers, decisions 044 and 045): with the (userId, withdrawnAt,
 * completedAt, dueAt, startedAt) index, "has a row in this state" is one index probe per person,
 * without reading the enrolment. A row without an enrolment has neither copy.
 */
export function assignmentStateWhere(state: AssignmentState, now: Date): Prisma.PersonAssignmentWhereInput {
  switch (state) {
    case "withdrawn":
      return { withdrawnAt: { not: null } };
    case "completed":
      return { withdrawnAt: null, completedAt: { not: null } };
    case "overdue":
      return { withdrawnAt: null, completedAt: null, dueAt: { lt: now } };
    case "in-progress":
      return { withdrawnAt: null, completedAt: null, dueAt: { gte: now }, startedAt: { not: null } };
    case "not-started":
      return { withdrawnAt: null, completedAt: null, dueAt: { gte: now }, startedAt: null };
  }
}

export function validCertificateWhere(now: Date): Prisma.CertificateWhereInput {
  return { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
}

export function expiringCertificateWhere(now: Date, days = DEFAULT_EXPIRING_DAYS): Prisma.CertificateWhereInput {
  return { revokedAt: null, expiresAt: { gt: now, lte: new Date(now.getTime() + days * 86_400_000) } };
}
