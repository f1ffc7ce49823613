/** In-app notices (written by the reminders job): a learner's unread ones, and marking one read. */
import { z } from "zod";
import { now } from "~/clock.server.ts";
import { db } from "~/db.server.ts";
import { reminderKinds, type ReminderKind } from "./reminders.ts";

/** What a reminder notice carries, stored as JSON in `Notice.params` when it is written. */
export const noticeParamsSchema = z.object({ courseKey: z.string(), course: z.string(), dueAt: z.string() });
export type NoticeParams = z.infer<typeof noticeParamsSchema>;

export const noticeKindOf = (kind: ReminderKind) => `reminder.${kind}`;

const kindSchema = z.enum(reminderKinds);

export interface NoticeView extends NoticeParams {
  id: string;
  kind: ReminderKind;
  createdAt: Date;
}

/** The learner's unread reminder notices, newest first (the dashboard shows them). */
export async function unreadNotices(userId: string, limit = 20): Promise<NoticeView[]> {
  const rows = await db().notice.findMany({
    where: { userId, readAt: null },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, kind: true, params: true, createdAt: true },
  });
  return rows.flatMap((row) => {
    const kind = kindSchema.safeParse(row.kind.replace(/^reminder\./, ""));
    const params = noticeParamsSchema.safeParse(JSON.parse(row.params));
    return kind.success && params.success ? [{ id: row.id, kind: kind.data, createdAt: row.createdAt, ...params.data }] : [];
  });
}

/** Marks one of the learner's own notices read; someone else's or an unknown one changes nothing. */
export async function markNoticeRead(userId: string, noticeId: string): Promise<boolean> {
  const written = await db().notice.updateMany({ where: { id: noticeId, userId, readAt: null }, data: { readAt: now() } });
  return written.count === 1;
}
