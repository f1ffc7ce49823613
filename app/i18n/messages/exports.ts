/**
 * The exports area's messages in the three languages, spread into es.ts, pt.ts and en.ts (kept
 * apart so that each area's pages add their texts in one place). Spanish is the source.
 */
export const exportsEs = {} as const;

export const exportsPt = {};

export const exportsEn = {};
