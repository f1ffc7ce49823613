/**
 * The authoring area's messages in the three languages, spread into es.ts, pt.ts and en.ts. Spanish is the source.
 */
export const authoringEs = {} as const;

export const authoringPt = {};

export const authoringEn = {};
