/**
 * What the reminders job does before sending, wired in one place for `npm run reminders` and the
 * server's schedule: finish any assignment fill that was interrupted (new rows get their
 * "assigned" reminder in the same run), then open the recertification cycles whose window has
 * opened (each new row gets its "window opened" reminder in the same run).
 */
import { openRecertificationCycles } from "./cycles.server.ts";
import { fillOpenAssignments } from "./people-rows.server.ts";
import type { ReminderSteps } from "./reminders.server.ts";

export const reminderSteps: ReminderSteps = {
  openCycles: async (now) => {
    await fillOpenAssignments(now);
    return openRecertificationCycles(now);
  },
};
