/**
 * The weekly summary for HR: who subscribed, what it holds, and sending it once per ISO week in the
 * city's time zone (a unique SummarySent row per person and week, claimed before the email goes).
 * Its figures are counted with the rules of app/reports/status-where.ts, over the subscriber's scope.
 */
import { audit } from "~/audit/audit.server.ts";
import type { CurrentUser } from "~/auth/guards.server.ts";
import { hasAnyRole } from "~/auth/roles.ts";
import { db, Prisma } from "~/db.server.ts";
import { appUrl } from "~/env.server.ts";
import { isLocale, type Locale } from "~/i18n/locales.ts";
import { translatorFor, type Translate } from "~/i18n/translate.ts";
import { sendMail } from "~/mail/mailer.server.ts";
import { hrScopeOf, scopedPeopleWhere, type HrScope } from "~/reports/scope.server.ts";
import { DEFAULT_EXPIRING_DAYS } from "~/reports/status.ts";
import { assignmentStateWhere, expiringCertificateWhere } from "~/reports/status-where.ts";
import { isoWeekIn } from "./cycle-dates.ts";
import { previousIsoWeek } from "./reminders.ts";

export interface SummaryFigures {
  overdue: number;
  expiring: number;
  completedLastWeek: number;
  expiringDays: number;
}

/** The summary's three counts for a scope at a moment (active people only). */
export async function summaryFigures(scope: HrScope, at: Date): Promise<SummaryFigures> {
  const user = { ...scopedPeopleWhere(scope), active: true };
  const lastWeek = previousIsoWeek(at, scope.timeZone);
  const [overdue, expiring, completedLastWeek] = await Promise.all([
    db().personAssignment.count({ where: { cityId: scope.cityId, user, ...assignmentStateWhere("overdue", at) } }),
    db().certificate.count({ where: { cityId: scope.cityId, user, ...expiringCertificateWhere(at, DEFAULT_EXPIRING_DAYS) } }),
    db().personAssignment.count({
      where: {
        cityId: scope.cityId,
        user,
        AND: [assignmentStateWhere("completed", at), { enrollment: { completedAt: { gte: lastWeek.from, lt: lastWeek.to } } }],
      },
    }),
  ]);
  return { overdue, expiring, completedLastWeek, expiringDays: DEFAULT_EXPIRING_DAYS };
}

export function scopeLabel(t: Translate, scope: HrScope): string {
  return scope.subtree ? t("reminders.summary.scopeDepartment", { department: scope.subtree.name }) : scope.cityName;
}

/** The summary page: whether this person is subscribed, and today's figures of what the email holds. */
export async function summaryPage(user: CurrentUser, scope: HrScope, at: Date) {
  const [subscription, figures] = await Promise.all([
    db().summarySubscription.findUnique({ where: { userId: user.id }, select: { userId: true } }),
    summaryFigures(scope, at),
  ]);
  return { subscribed: subscription !== null, email: user.email, figures };
}

/** Subscribes or unsubscribes; doing it twice is the same as once. Audited. */
export async function setSummarySubscription(user: CurrentUser, scope: HrScope, subscribed: boolean): Promise<void> {
  await db().$transaction(async (tx) => {
    if (subscribed) await tx.summarySubscription.upsert({ where: { userId: user.id }, create: { userId: user.id }, update: {} });
    else await tx.summarySubscription.deleteMany({ where: { userId: user.id } });
    await audit(
      {
        cityId: scope.cityId,
        actorId: user.id,
        action: subscribed ? "summary.subscribed" : "summary.unsubscribed",
      },
      tx,
    );
  });
}

const subscriberSelect = {
  id: true,
  name: true,
  email: true,
  locale: true,
  active: true,
  city: {
    select: { id: true, slug: true, name: true, primaryColor: true, accentColor: true, defaultLocale: true, timeZone: true },
  },
  department: { select: { id: true, name: true } },
  roleGrants: { select: { role: true, departmentId: true } },
} as const;

type Subscriber = Prisma.UserGetPayload<{ select: typeof subscriberSelect }>;

/** The subscriber as the guard would see them, so that the scope comes from the one rule (hrScopeOf). */
function asCurrentUser(person: Subscriber): CurrentUser {
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    locale: person.locale,
    roles: person.roleGrants.map((grant) => grant.role),
    city: person.city,
    department: person.department,
    hrDepartmentId: person.roleGrants.find((grant) => grant.role === "HR")?.departmentId ?? null,
  };
}

export function summaryMail(locale: Locale, scope: HrScope, week: string, figures: SummaryFigures) {
  const t = translatorFor(locale);
  const label = scopeLabel(t, scope);
  return {
    subject: t("reminders.summary.mailSubject", { scope: label, week }),
    text: [
      t("reminders.summary.mailSubject", { scope: label, week }),
      "",
      t("reminders.summary.mailOverdue", { count: figures.overdue }),
      t("reminders.summary.mailExpiring", { count: figures.expiring, days: figures.expiringDays }),
      t("reminders.summary.mailCompleted", { count: figures.completedLastWeek }),
      "",
      t("reminders.summary.mailLink", { link: `${appUrl()}/hr` }),
    ].join("\n"),
  };
}

async function claimWeek(userId: string, week: string, at: Date): Promise<boolean> {
  try {
    await db().summarySent.create({ data: { userId, week, sentAt: at } });
    return true;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return false;
    throw error;
  }
}

/** Each subscriber who is still active HR (or city admin) gets this ISO week's summary once. Returns how many went. */
export async function sendWeeklySummaries(at: Date): Promise<number> {
  const subscriptions = await db().summarySubscription.findMany({ select: { userId: true }, orderBy: { userId: "asc" } });
  let sent = 0;
  for (const { userId } of subscriptions) {
    const person = await db().user.findUnique({ where: { id: userId }, select: subscriberSelect });
    if (!person?.active) continue;
    const user = asCurrentUser(person);
    if (!hasAnyRole(user.roles, ["HR", "CITY_ADMIN"])) continue;
    const week = isoWeekIn(at, person.city.timeZone);
    if (await db().summarySent.findUnique({ where: { userId_week: { userId, week } }, select: { week: true } })) continue;
    let scope: HrScope;
    try {
      scope = await hrScopeOf(user);
    } catch {
      continue; // a grant that opens nothing sends nothing
    }
    const figures = await summaryFigures(scope, at);
    if (!(await claimWeek(userId, week, at))) continue;
    sent += 1;
    const locale: Locale = isLocale(person.locale) ? person.locale : "es";
    try {
      await sendMail({ to: person.email, ...summaryMail(locale, scope, week, figures) });
    } catch (error) {
      console.error(`Could not email the weekly summary of ${userId}`, error);
    }
  }
  return sent;
}
