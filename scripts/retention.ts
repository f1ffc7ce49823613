/**
 * `npm run retention`: erases the accounts of every city with retention on whose last visit (or
 * creation, when never seen) is older than the city's retention, never a city's last admin
 * (decision 027). Idempotent and cron-safe: erased accounts are not candidates again, and each
 * erasure is a conditional write, so two runs at once erase each account once.
 *
 *   npm run retention              # erases; prints counts per city as JSON
 *   npm run retention -- --dry-run # writes nothing; prints what would be erased per city
 */
import { parseArgs } from "node:util";
import { now } from "../app/clock.server.ts";
import { db } from "../app/db.server.ts";
import { runRetention } from "../app/privacy/retention.server.ts";

const { values } = parseArgs({ options: { "dry-run": { type: "boolean", default: false } } });

try {
  const dryRun = values["dry-run"];
  const report = await runRetention({ now: now(), dryRun });
  console.log(
    JSON.stringify({
      dryRun,
      cities: report.map((row) => ({
        city: row.city.slug,
        retentionMonths: row.retentionMonths,
        cutoff: row.cutoff.toISOString(),
        [dryRun ? "wouldErase" : "erased"]: row.erased,
        kept: row.kept,
      })),
    }),
  );
} finally {
  await db().$disconnect();
}
