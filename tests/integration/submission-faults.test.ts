/**
 * A passing submission killed at each of its write boundaries (FAULT_AT, app/faults.server.ts):
 * the real server runs as a child process, dies there, and is started again without the hook.
 * Nothing is ever half-written, and afterwards every learner who passed is complete with
 * exactly one certificate.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { submissionBoundaries, type FaultBoundary } from "~/faults.server.ts";
import { enroll, markLessonComplete } from "~/learning/enrollments.server.ts";
import { startAttempt } from "~/quiz/attempts.server.ts";
import { sessionCookie } from "../support/factories.ts";
import { answerAll, currentUserFor, importSampleCourse, SAMPLE_COURSE } from "../support/learning.ts";
import { killedHard, startServer, type RunningServer } from "../support/server-process.ts";

beforeAll(async () => {
  await importSampleCourse();
});

function submit(server: RunningServer, cookie: string, attemptId: string, step: number): Promise<Response> {
  return fetch(`${server.origin}/quiz/${attemptId}/events`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: server.origin, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ step: String(step), intent: "submit" }).toString(),
    redirect: "manual",
  });
}

/** A learner who has read every lesson and answered every question rightly, about to submit. */
async function readyToSubmit() {
  const user = await currentUserFor();
  const enrollment = (await enroll(user, SAMPLE_COURSE))!;
  for (const lesson of ["first-steps", "next-steps"]) await markLessonComplete(user, SAMPLE_COURSE, lesson);
  const started = await startAttempt(user, SAMPLE_COURSE);
  if (!started.ok) throw new Error("attempt refused");
  const step = await answerAll(user, started.attemptId, true);
  return { enrollmentId: enrollment.id, attemptId: started.attemptId, step, cookie: await sessionCookie(user.id) };
}

async function stored(enrollmentId: string, attemptId: string) {
  const [attempt, enrollment, certificates] = await Promise.all([
    db().quizAttempt.findUniqueOrThrow({ where: { id: attemptId }, select: { passed: true, step: true } }),
    db().enrollment.findUniqueOrThrow({ where: { id: enrollmentId }, select: { completedAt: true } }),
    db().certificate.count({ where: { enrollmentId } }),
  ]);
  return { passed: attempt.passed, step: attempt.step, completed: enrollment.completedAt !== null, certificates };
}

describe("a submission killed at each write boundary", () => {
  it("leaves nothing half-written, and after a restart every learner who passed is complete with one certificate", async () => {
    const learners: Array<Awaited<ReturnType<typeof readyToSubmit>> & { boundary: FaultBoundary }> = [];
    for (const boundary of submissionBoundaries) {
      const learner = await readyToSubmit();
      learners.push({ ...learner, boundary });
      const server = await startServer(boundary);
      await expect(submit(server, learner.cookie, learner.attemptId, learner.step)).rejects.toThrow();
      expect(killedHard(await server.exited)).toBe(true);
      expect(server.stderr()).toContain(`fault-point reached: ${boundary}`);
      // Before the commit everything is rolled back; after it, everything is there.
      const committed = boundary === "progress-committed";
      expect(await stored(learner.enrollmentId, learner.attemptId)).toEqual(
        committed
          ? { passed: true, step: learner.step + 1, completed: true, certificates: 1 }
          : { passed: null, step: learner.step, completed: false, certificates: 0 },
      );
    }

    const server = await startServer();
    try {
      for (const learner of learners) {
        // The learner submits again (or finds it already done) and opens the course page.
        const again = await submit(server, learner.cookie, learner.attemptId, learner.step);
        expect(again.status).toBe(learner.boundary === "progress-committed" ? 409 : 200);
        const page = await fetch(`${server.origin}/courses/${SAMPLE_COURSE}`, { headers: { Cookie: learner.cookie } });
        expect(page.status).toBe(200);
        expect(await stored(learner.enrollmentId, learner.attemptId)).toMatchObject({
          passed: true,
          completed: true,
          certificates: 1,
        });
      }
    } finally {
      server.child.kill("SIGTERM");
      await server.exited;
    }
    const passedEnrollments = await db().enrollment.findMany({
      where: { attempts: { some: { passed: true } } },
      select: { id: true, completedAt: true },
    });
    expect(passedEnrollments.length).toBeGreaterThanOrEqual(learners.length);
    for (const enrollment of passedEnrollments) {
      expect(enrollment.completedAt).not.toBeNull();
      expect(await db().certificate.count({ where: { enrollmentId: enrollment.id } })).toBe(1);
    }
  }, 120_000);
});
