/**
 * A person-assignment row written straight to the database, for the reminders and accommodations
 * tests (the assignment pages and their domain functions belong to another part of the HR issue).
 */
import { db } from "~/db.server.ts";

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
