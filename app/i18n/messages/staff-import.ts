/**
 * Messages for the staff import, in the three languages, spread into es.ts, pt.ts and en.ts.
 * Spanish is the source.
 */
export const staffImportEs = {} as const;

export const staffImportPt = {};

export const staffImportEn = {};
