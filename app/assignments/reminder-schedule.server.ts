/**
 * The server's own run of the reminders job, every REMINDERS_EVERY_MINUTES (unset: off). Each run
 * holds the "reminders" lease, so that with several app servers (or workers) one sends at a time;
 * the others find it taken and skip that turn.
 */
import { now } from "~/clock.server.ts";
import { env } from "~/env.server.ts";
import { withLease } from "./lease.server.ts";
import { reminderSteps } from "./reminder-steps.server.ts";
import { runReminders } from "./reminders.server.ts";

export const REMINDERS_LEASE = "reminders";
const FIRST_RUN_DELAY_MS = 30_000;

const started = Symbol.for("aula-ia.reminder-schedule");

export function startReminderSchedule(): void {
  const minutes = env().REMINDERS_EVERY_MINUTES;
  const holder = globalThis as { [started]?: boolean };
  if (!minutes || holder[started]) return;
  holder[started] = true;
  const everyMs = minutes * 60_000;
  const run = () => {
    // The lease outlives a run that stalls only by its own length, then another server may take over.
    withLease(REMINDERS_LEASE, Math.min(everyMs, 15 * 60_000), () => runReminders(now(), reminderSteps)).catch((error: unknown) =>
      console.error("The reminders job failed", error),
    );
  };
  setTimeout(run, FIRST_RUN_DELAY_MS).unref();
  setInterval(run, everyMs).unref();
}
