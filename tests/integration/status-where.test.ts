/**
 * status-where.ts is status.ts written as database filters: on random person-assignments and
 * certificates (due dates and expiries on both sides of "now", and exactly at it), the rows each
 * filter selects are exactly those the function puts in that state.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import {
  assignmentState,
  assignmentStates,
  certificateIsExpiring,
  certificateIsValid,
  DEFAULT_EXPIRING_DAYS,
} from "~/reports/status.ts";
import { assignmentStateWhere, expiringCertificateWhere, validCertificateWhere } from "~/reports/status-where.ts";
import { createUser } from "../support/factories.ts";
import { recordAssignment } from "../support/hr-records.ts";

const DAY = 86_400_000;
const offset = fc.oneof(
  fc.constantFrom(0, 1, -1, DEFAULT_EXPIRING_DAYS * DAY, DEFAULT_EXPIRING_DAYS * DAY + 1, DEFAULT_EXPIRING_DAYS * DAY - 1),
  fc.integer({ min: -90 * DAY, max: 90 * DAY }),
);
const rowArbitrary = fc.record({
  due: offset,
  withdrawn: fc.boolean(),
  enrolment: fc.option(
    fc.record({
      lessons: fc.integer({ min: 0, max: 2 }),
      attempts: fc.integer({ min: 0, max: 1 }),
      completed: fc.boolean(),
      certificate: fc.option(fc.record({ expires: fc.option(offset), revoked: fc.boolean() })),
    }),
  ),
});

describe("status-where agrees with status.ts", () => {
  it("on random rows, for every state and for valid and expiring certificates", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(rowArbitrary, { minLength: 1, maxLength: 6 }), async (rows) => {
        const now = new Date(Math.floor(Date.now() / 1000) * 1000);
        const at = (ms: number) => new Date(now.getTime() + ms);
        const written: Array<{
          id: string;
          state: string;
          certificate: { expiresAt: Date | null; revokedAt: Date | null } | null;
        }> = [];
        for (const row of rows) {
          const person = await createUser();
          const enrolment = row.enrolment;
          const certificate = enrolment?.completed && enrolment.certificate ? enrolment.certificate : null;
          const facts = certificate
            ? {
                expiresAt: certificate.expires === null ? null : at(certificate.expires),
                revokedAt: certificate.revoked ? at(-DAY) : null,
              }
            : null;
          const { personAssignmentId } = await recordAssignment({
            userId: person.id,
            courseKey: "ai-fundamentals",
            dueAt: at(row.due),
            withdrawn: row.withdrawn,
            enrolment: enrolment
              ? {
                  lessons: enrolment.lessons,
                  attempts: Array.from({ length: enrolment.attempts }, () => ({ score: 50, passed: false })),
                  completedAt: enrolment.completed ? at(-2 * DAY) : undefined,
                  certificate: facts ?? undefined,
                }
              : undefined,
          });
          const stored = await db().personAssignment.findUniqueOrThrow({
            where: { id: personAssignmentId },
            select: { withdrawnAt: true },
          });
          const state = assignmentState(
            {
              dueAt: at(row.due),
              withdrawnAt: stored.withdrawnAt,
              enrollment: enrolment
                ? { completedAt: enrolment.completed ? at(-2 * DAY) : null, started: enrolment.lessons + enrolment.attempts > 0 }
                : null,
            },
            now,
          );
          written.push({ id: personAssignmentId, state, certificate: facts });
        }
        const ids = written.map((row) => row.id);
        for (const state of assignmentStates) {
          const selected = await db().personAssignment.findMany({
            where: { AND: [{ id: { in: ids } }, assignmentStateWhere(state, now)] },
            select: { id: true },
          });
          const expected = written.filter((row) => row.state === state).map((row) => row.id);
          expect(selected.map((row) => row.id).sort(), state).toEqual(expected.sort());
        }
        const withCertificates = written.filter((row) => row.certificate);
        const certificateOf = (where: object) =>
          db()
            .certificate.findMany({
              where: { AND: [{ enrollment: { assignedAs: { some: { id: { in: ids } } } } }, where] },
              select: { enrollment: { select: { assignedAs: { select: { id: true } } } } },
            })
            .then((found) => found.flatMap((row) => row.enrollment.assignedAs.map((link) => link.id)).sort());
        expect(await certificateOf(validCertificateWhere(now))).toEqual(
          withCertificates
            .filter((row) => certificateIsValid(row.certificate!, now))
            .map((row) => row.id)
            .sort(),
        );
        expect(await certificateOf(expiringCertificateWhere(now))).toEqual(
          withCertificates
            .filter((row) => certificateIsExpiring(row.certificate!, now))
            .map((row) => row.id)
            .sort(),
        );
      }),
      { numRuns: 12 },
    );
  }, 120_000);
});
