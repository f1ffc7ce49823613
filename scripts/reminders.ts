/**
 * `npm run reminders`: opens due recertification cycles, sends the reminders due now (each once) and
 * the weekly summaries. Idempotent and safe under cron, also while the servers run it themselves:
 * every message is claimed by a unique row before it goes (decision 022).
 *
 *   npm run reminders            # prints what it sent as JSON
 *   npm run reminders -- --hold  # prints "ready" and waits for a line on stdin first (tests start several together)
 */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { now } from "../app/clock.server.ts";
import { db } from "../app/db.server.ts";
import { reminderSteps } from "../app/assignments/reminder-steps.server.ts";
import { runReminders } from "../app/assignments/reminders.server.ts";

const { values } = parseArgs({ options: { hold: { type: "boolean", default: false } } });

if (values.hold) {
  // Connect first, so that what is timed after "ready" is the job itself.
  await db().$queryRaw`SELECT 1`;
  console.log("ready");
  const lines = createInterface({ input: process.stdin });
  await new Promise<void>((resolve) => lines.once("line", () => resolve()));
  lines.close();
}

try {
  const run = await runReminders(now(), reminderSteps);
  console.log(JSON.stringify(run));
} finally {
  await db().$disconnect();
}
