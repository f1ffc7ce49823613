/**
 * What scripts/bench-scale.ts needs in one seeded network (DATABASE_URL), made through the
 * product's own functions: `tsx scripts/bench-scale-fixture.ts --learners N` signs in N learners
 * of the largest city with an unfinished enrolment in the first course with a quiz (sessions as
 * at login), starts an attempt for each (`startAttempt`), picks a seeded certificate, and prints
 * it all as one JSON line. `--undo '<that JSON>'` deletes those sessions and attempts again, so a
 * cached network is left as it was found.
 */
import { parseArgs } from "node:util";
import { getCurrentUser } from "../app/auth/guards.server.ts";
import { createSession, endSession } from "../app/auth/session.server.ts";
import { db } from "../app/db.server.ts";
import { largestCity } from "./bench-hr-data.ts";
import { startAttempt } from "../app/quiz/attempts.server.ts";

export interface ScaleFixture {
  learners: Array<{ cookie: string; attempt: string }>;
  lessonPath: string;
  verifyPath: string;
}

const { values } = parseArgs({ options: { learners: { type: "string", default: "10" }, undo: { type: "string" } } });

if (values.undo) {
  const fixture = JSON.parse(values.undo) as ScaleFixture;
  await db().quizAttempt.deleteMany({ where: { id: { in: fixture.learners.map((learner) => learner.attempt) } } });
  for (const learner of fixture.learners)
    await endSession(new Request("http://localhost/", { headers: { Cookie: learner.cookie } }));
} else {
  const wanted = Number(values.learners);
  const largest = await largestCity();
  const course = await db().course.findFirstOrThrow({
    where: { currentVersionId: { not: null }, ownerCityId: null, currentVersion: { quiz: { isNot: null } } },
    orderBy: { key: "asc" },
    select: {
      key: true,
      currentVersion: { select: { lessons: { orderBy: { position: "asc" }, take: 1, select: { key: true } } } },
    },
  });
  const open = await db().enrollment.findMany({
    where: { completedAt: null, user: { cityId: largest.cityId, active: true }, course: { key: course.key } },
    orderBy: { id: "asc" },
    take: wanted * 4,
    select: { userId: true },
  });
  const learners: ScaleFixture["learners"] = [];
  for (const row of open) {
    if (learners.length === wanted) break;
    const cookie = `aula_session=${(await createSession(row.userId)).token}`;
    const user = await getCurrentUser(new Request("http://localhost/", { headers: { Cookie: cookie } }));
    const started = user ? await startAttempt(user, course.key) : null;
    if (started?.ok) learners.push({ cookie, attempt: started.attemptId });
    else await endSession(new Request("http://localhost/", { headers: { Cookie: cookie } }));
  }
  if (learners.length < wanted) throw new Error(`only ${learners.length} of ${wanted} learners could start a quiz attempt`);
  const certificate = await db().certificate.findFirstOrThrow({ orderBy: { id: "asc" }, select: { code: true } });
  const fixture: ScaleFixture = {
    learners,
    lessonPath: `/learn/${course.key}/${course.currentVersion!.lessons[0]!.key}`,
    verifyPath: `/verify/${certificate.code}`,
  };
  console.log(JSON.stringify(fixture));
}
await db().$disconnect();
