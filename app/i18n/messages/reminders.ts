/**
 * The reminders area's messages in the three languages, spread into es.ts, pt.ts and en.ts (kept
 * apart so that each area's pages add their texts in one place). Spanish is the source.
 */
export const remindersEs = {} as const;

export const remindersPt = {};

export const remindersEn = {};
