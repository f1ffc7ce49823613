/**
 * A person-assignment row written straight to the database, for the reminders and accommodations
 * tests (the assignment pages and their domain functions belong to another part of the HR issue).
 */
import { db } from "~/db.server.ts";
import { createUser, type TestUser } from "./factories.ts";

export async function assignmentRow(options: {
  userId: string;
  courseKey: string;
  assignedAt: Date;
  dueAt: Date;
  cycle?: number;
  enrollmentId?: string;
}): Promise<{ id: string; assignmentId: string }> {
  const user = await db().user.findUniqueOrThrow({ where: { id: options.userId }, select: { cityId: true } });
  const course = await db().course.findUniqueOrThrow({ where: { key: options.courseKey }, select: { id: true } });
  const assignment = await db().assignment.create({
    data: { cityId: user.cityId, courseId: course.id, dueAt: options.dueAt, createdAt: options.assignedAt },
    select: { id: true },
  });
  const row = await db().personAssignment.create({
    data: {
      assignmentId: assignment.id,
      userId: options.userId,
      cityId: user.cityId,
      courseId: course.id,
      cycle: options.cycle ?? 1,
      assignedAt: options.assignedAt,
      dueAt: options.dueAt,
      enrollmentId: options.enrollmentId ?? null,
    },
    select: { id: true },
  });
  return { id: row.id, assignmentId: assignment.id };
}

/**
 * `count` Quito people with reminders due now, each with the number it is due: open and due in
 * three days ("assigned" and "due soon": 2), or, every third, overdue ("overdue" only: 1).
 * Quito has no demo assignments, so the job's fill of open assignments adds no rows for them.
 */
export async function peopleWithRemindersDue(count: number, courseKey: string): Promise<Array<TestUser & { expected: number }>> {
  const now = Date.now();
  const people = [];
  for (let index = 0; index < count; index += 1) {
    const person = await createUser({ city: "quito" });
    const overdue = index % 3 === 0;
    await assignmentRow({
      userId: person.id,
      courseKey,
      assignedAt: new Date(now - 5 * 86_400_000),
      dueAt: new Date(now + (overdue ? -2 : 3) * 86_400_000),
    });
    people.push({ ...person, expected: overdue ? 1 : 2 });
  }
  return people;
}
