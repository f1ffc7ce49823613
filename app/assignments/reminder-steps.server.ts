/**
 * The steps the reminders job runs before sending, wired in one place for `npm run reminders` and
 * the server's schedule.
 *
 * SEAM for the lead: recertification cycles are opened by `openRecertificationCycles(now, where?)`
 * in app/assignments/cycles.server.ts (another part of the HR issue). Connect it here:
 *   import { openRecertificationCycles } from "./cycles.server.ts";
 *   openCycles: (now) => openRecertificationCycles(now),
 */
import type { ReminderSteps } from "./reminders.server.ts";

export const reminderSteps: ReminderSteps = {
  openCycles: async () => null,
};
