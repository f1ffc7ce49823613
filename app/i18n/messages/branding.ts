/**
 * Messages for the city's branding settings, in the three languages, spread into es.ts, pt.ts and en.ts.
 * Spanish is the source.
 */
export const brandingEs = {} as const;

export const brandingPt = {};

export const brandingEn = {};
