/**
 * Messages for people's data rights: export, erasure, retention, in the three languages, spread into es.ts, pt.ts and en.ts.
 * Spanish is the source.
 */
export const privacyEs = {} as const;

export const privacyPt = {};

export const privacyEn = {};
