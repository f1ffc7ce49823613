/**
 * The benchmark's volume, run once into DATABASE_URL by scripts/bench.ts (and cached):
 * 10 000 Madrid learners enrolled in the first course with some lessons done, and a
 * certificate for one in ten. One password hash for all; inserts in batches of 1000.
 */
import { randomUUID } from "node:crypto";
import { hashPassword } from "../app/auth/password.server.ts";
import { db } from "../app/db.server.ts";
import { personSearchText } from "../app/people/search-text.ts";

const LEARNERS = 10_000;
const client = db();
const city = await client.city.findUniqueOrThrow({
  where: { slug: "madrid" },
  select: { id: true, departments: { select: { id: true } } },
});
const course = await client.course.findUniqueOrThrow({
  where: { key: "ai-fundamentals" },
  select: {
    id: true,
    currentVersionId: true,
    currentVersion: {
      select: {
        lessons: { select: { key: true } },
        quiz: { select: { id: true, questions: { select: { key: true, type: true, options: true } } } },
      },
    },
  },
});
const hash = await hashPassword("bench password 2026");
const lessonKeys = course.currentVersion!.lessons.map((lesson) => lesson.key);
const at = new Date();
for (let start = 0; start < LEARNERS; start += 1000) {
  const users = Array.from({ length: Math.min(1000, LEARNERS - start) }, (_, offset) => {
    const index = start + offset;
    return {
      id: randomUUID(),
      email: `learner${index}@madrid.example`,
      name: `Persona ${index}`,
      searchText: personSearchText({ name: `Persona ${index}`, email: `learner${index}@madrid.example` }),
      locale: "es",
      cityId: city.id,
      departmentId: city.departments[index % city.departments.length]!.id,
      emailConfirmedAt: at,
    };
  });
  await client.user.createMany({ data: users });
  await client.password.createMany({ data: users.map((user) => ({ userId: user.id, hash })) });
  const enrollments = users.map((user) => ({ id: randomUUID(), userId: user.id, courseId: course.id, cycle: 1, enrolledAt: at }));
  await client.enrollment.createMany({ data: enrollments });
  await client.lessonProgress.createMany({
    data: enrollments.flatMap((enrollment, offset) =>
      lessonKeys
        .slice(0, (start + offset) % (lessonKeys.length + 1))
        .map((lessonKey) => ({ enrollmentId: enrollment.id, lessonKey, completedAt: at })),
    ),
  });
  await client.certificate.createMany({
    data: enrollments
      .filter((_, offset) => (start + offset) % 10 === 0)
      .map((enrollment, offset) => ({
        code: `MAD-B${String(start + offset)
          .padStart(3, "0")
          .slice(-3)}-${randomUUID().slice(0, 4).toUpperCase()}-BNCH`,
        enrollmentId: enrollment.id,
        userId: enrollment.userId,
        cityId: city.id,
        holderName: `Persona ${start + offset}`,
        courseTitle: "Fundamentos de la IA y la IA generativa",
        courseVersion: 1,
        score: 90,
        locale: "es",
        citySnapshot: JSON.stringify({
          name: "Madrid",
          primaryColor: "#7a1d2e",
          accentColor: "#f3c64a",
          logoHash: null,
          signatoryName: "",
          signatoryTitle: "Dirección General de Función Pública",
        }),
        issuedAt: at,
      })),
  });
}
await client.$disconnect();
