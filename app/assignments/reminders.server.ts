/**
 * The reminders job (`npm run reminders`, or the server's own schedule): opens due recertification
 * cycles, then sends each due reminder once, then the weekly summaries (summaries.server.ts).
 *
 * Exactly once (decision 022): a reminder is claimed by inserting its unique ReminderSent row
 * (person-assignment, kind) in the same transaction as its in-app Notice. Two runs at once both try;
 * the database lets one insert through and the other gets a unique violation and sends nothing. The
 * email goes after the commit, so a crash between the two loses that email (never doubles it); the
 * notice is there either way.
 */
import { db, Prisma } from "~/db.server.ts";
import { appUrl } from "~/env.server.ts";
import { htmlLang, isLocale, type Locale } from "~/i18n/locales.ts";
import { translatorFor } from "~/i18n/translate.ts";
import { sendMail } from "~/mail/mailer.server.ts";
import { courseTitleIn, titledCourseSelect } from "./course-title.ts";
import { noticeKindOf, type NoticeParams } from "./notices.server.ts";
import { openAssignmentWhere } from "./open-rows.ts";
import { remindersDue, reminderKinds, type ReminderKind } from "./reminders.ts";
import { sendWeeklySummaries } from "./summaries.server.ts";

/**
 * Steps the job runs before its reminders, passed in by whoever starts it (reminder-steps.server.ts),
 * so that a step owned by another module plugs in without this module importing it.
 */
export interface ReminderSteps {
  /** Opens the recertification cycles whose window has opened by `now` (a new row of cycle > 1 each). */
  openCycles: (now: Date) => Promise<unknown>;
}

export interface ReminderRun {
  cycles: unknown;
  sent: Record<ReminderKind, number>;
  summaries: number;
}

const BATCH = 500;

const rowSelect = {
  id: true,
  cycle: true,
  assignedAt: true,
  dueAt: true,
  withdrawnAt: true,
  enrollment: { select: { completedAt: true } },
  reminders: { select: { kind: true } },
  user: {
    select: {
      id: true,
      email: true,
      name: true,
      locale: true,
      city: { select: { name: true, timeZone: true, defaultLocale: true } },
    },
  },
  assignment: { select: { course: { select: titledCourseSelect } } },
} as const;

type Row = Prisma.PersonAssignmentGetPayload<{ select: typeof rowSelect }>;

/** Claims the reminder and writes its notice, in one transaction; false when another run already did. */
async function claim(row: Row, kind: ReminderKind, params: NoticeParams, at: Date): Promise<boolean> {
  try {
    await db().$transaction(async (tx) => {
      await tx.reminderSent.create({ data: { personAssignmentId: row.id, kind, sentAt: at } });
      await tx.notice.create({
        data: { userId: row.user.id, kind: noticeKindOf(kind), params: JSON.stringify(params), createdAt: at },
      });
    });
    return true;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}

function localeOf(user: { locale: string; city: { defaultLocale: string } }): Locale {
  if (isLocale(user.locale)) return user.locale;
  return isLocale(user.city.defaultLocale) ? user.city.defaultLocale : "es";
}

/** The reminder's email, in the learner's language. */
export function reminderMail(
  kind: ReminderKind,
  locale: Locale,
  to: { name: string; city: string; timeZone: string },
  params: NoticeParams,
) {
  const t = translatorFor(locale);
  const date = new Intl.DateTimeFormat(htmlLang[locale], { dateStyle: "long", timeZone: to.timeZone }).format(
    new Date(params.dueAt),
  );
  return {
    subject: t(`reminders.mail.subject.${kind}`, { course: params.course }),
    text: [
      t("reminders.mail.greeting", { name: to.name }),
      "",
      t(`reminders.notice.${kind}`, { course: params.course, date }),
      "",
      t("reminders.mail.open", { link: `${appUrl()}/courses/${params.courseKey}` }),
      "",
      t("reminders.mail.signature", { city: to.city }),
    ].join("\n"),
  };
}

async function remindRow(row: Row, at: Date, sent: Record<ReminderKind, number>): Promise<void> {
  const { timeZone } = row.user.city;
  const kinds = remindersDue(
    {
      cycle: row.cycle,
      assignedAt: row.assignedAt,
      dueAt: row.dueAt,
      withdrawnAt: row.withdrawnAt,
      completedAt: row.enrollment?.completedAt ?? null,
      sent: row.reminders.map((reminder) => reminder.kind),
    },
    at,
    timeZone,
  );
  if (kinds.length === 0) return;
  const locale = localeOf(row.user);
  const params: NoticeParams = {
    courseKey: row.assignment.course.key,
    course: courseTitleIn(row.assignment.course, locale),
    dueAt: row.dueAt.toISOString(),
  };
  for (const kind of kinds) {
    if (!(await claim(row, kind, params, at))) continue;
    sent[kind] += 1;
    const mail = reminderMail(kind, locale, { name: row.user.name, city: row.user.city.name, timeZone }, params);
    try {
      await sendMail({ to: row.user.email, ...mail });
    } catch (error) {
      // The claim is committed: the notice stands, and the email is not retried (never sent twice).
      console.error(`Could not email the ${kind} reminder of ${row.id}`, error);
    }
  }
}

/** Sends every reminder due at `at` that was not sent yet, in batches of open rows of active people. */
export async function sendDueReminders(at: Date): Promise<Record<ReminderKind, number>> {
  const sent = Object.fromEntries(reminderKinds.map((kind) => [kind, 0])) as Record<ReminderKind, number>;
  let cursor: string | null = null;
  for (;;) {
    const rows: Row[] = await db().personAssignment.findMany({
      where: {
        ...openAssignmentWhere(at),
        assignedAt: { lte: at },
        user: { active: true },
        // A row that was told it is overdue has nothing left to be told.
        reminders: { none: { kind: "overdue" } },
      },
      orderBy: { id: "asc" },
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      select: rowSelect,
    });
    for (const row of rows) await remindRow(row, at, sent);
    if (rows.length < BATCH) return sent;
    cursor = rows[rows.length - 1]!.id;
  }
}

/** The whole job at one moment: idempotent, safe to run from cron and from several servers at once. */
export async function runReminders(at: Date, steps: ReminderSteps): Promise<ReminderRun> {
  const cycles = await steps.openCycles(at);
  const sent = await sendDueReminders(at);
  const summaries = await sendWeeklySummaries(at);
  return { cycles, sent, summaries };
}
