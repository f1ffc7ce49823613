/**
 * Retention (decision 027): a city may erase accounts not seen for `retentionMonths`. The session
 * layer records visits (`recordVisit`); `npm run retention` (scripts/retention.ts) calls
 * `runRetention`, which is idempotent (erased accounts are never candidates again) and safe to run
 * from cron on several servers at once (each erasure is a conditional write).
 */
import { audit } from "~/audit/audit.server.ts";
import { db } from "~/db.server.ts";
import { erasePerson } from "./erasure.server.ts";
import { accountsToErase, retentionCutoff, visitIsStale } from "./retention.ts";

/**
 * Records a visit at most once a day: the caller passes the stored last visit (loaded with the
 * session), so most requests write nothing; the WHERE keeps two requests at once to one write.
 */
export async function recordVisit(userId: string, lastSeenAt: Date | null, at: Date): Promise<void> {
  if (!visitIsStale(lastSeenAt, at)) return;
  const dayAgo = new Date(at.getTime() - 86_400_000);
  await db().user.updateMany({
    where: { id: userId, OR: [{ lastSeenAt: null }, { lastSeenAt: { lt: dayAgo } }] },
    data: { lastSeenAt: at },
  });
}

export interface CityRetention {
  city: { id: string; slug: string; name: string };
  retentionMonths: number;
  cutoff: Date;
  /** Accounts erased (or, in a dry run, that would be). */
  erased: number;
  /** Accounts past the cutoff that were kept: the city's last admin, or a refusal. */
  kept: number;
}

async function candidatesOf(cityId: string, cutoff: Date) {
  const rows = await db().user.findMany({
    where: {
      cityId,
      erasedAt: null,
      OR: [{ lastSeenAt: { lt: cutoff } }, { lastSeenAt: null, createdAt: { lt: cutoff } }],
    },
    select: { id: true, lastSeenAt: true, createdAt: true, roleGrants: { where: { role: "CITY_ADMIN" }, select: { id: true } } },
  });
  return rows.map((row) => ({
    id: row.id,
    lastSeenAt: row.lastSeenAt,
    createdAt: row.createdAt,
    isCityAdmin: row.roleGrants.length > 0,
  }));
}

/** Every city with retention on: what is (or would be, with `dryRun`) erased. */
export async function runRetention(options: { now: Date; dryRun: boolean }): Promise<CityRetention[]> {
  const cities = await db().city.findMany({
    where: { retentionMonths: { not: null } },
    orderBy: { slug: "asc" },
    select: { id: true, slug: true, name: true, retentionMonths: true },
  });
  const report: CityRetention[] = [];
  for (const { retentionMonths, ...city } of cities) {
    const cutoff = retentionCutoff(options.now, retentionMonths!);
    const candidates = await candidatesOf(city.id, cutoff);
    const activeAdmins = await db().roleGrant.count({
      where: { cityId: city.id, role: "CITY_ADMIN", user: { active: true, erasedAt: null } },
    });
    const chosen = accountsToErase(candidates, cutoff, activeAdmins);
    let erased = 0;
    if (options.dryRun) erased = chosen.length;
    else
      for (const userId of chosen) {
        const outcome = await erasePerson({ cityId: city.id, actorId: null, userId, via: "retention" });
        if (outcome.ok) erased += 1;
      }
    report.push({ city, retentionMonths: retentionMonths!, cutoff, erased, kept: candidates.length - erased });
  }
  return report;
}

/** The city admin's privacy settings page. */
export async function privacySettings(cityId: string) {
  return db().city.findUniqueOrThrow({
    where: { id: cityId },
    select: { name: true, retentionMonths: true, dataProtectionContact: true },
  });
}

/** Sets (or, with null, turns off) the city's retention; audited when it changes. */
export async function setRetention(admin: { id: string; cityId: string }, retentionMonths: number | null): Promise<void> {
  await db().$transaction(async (tx) => {
    const city = await tx.city.findUniqueOrThrow({ where: { id: admin.cityId }, select: { retentionMonths: true } });
    if (city.retentionMonths === retentionMonths) return;
    await tx.city.update({ where: { id: admin.cityId }, data: { retentionMonths } });
    await audit(
      {
        cityId: admin.cityId,
        actorId: admin.id,
        action: "privacy.retention",
        targetType: "City",
        targetId: admin.cityId,
        details: { from: city.retentionMonths, to: retentionMonths },
      },
      tx,
    );
  });
}

/** What the privacy notice states for each active city: its retention and its data-protection contact. */
export async function privacyNotice() {
  return db().city.findMany({
    where: { deactivatedAt: null },
    orderBy: { name: "asc" },
    select: { slug: true, name: true, retentionMonths: true, dataProtectionContact: true },
  });
}
