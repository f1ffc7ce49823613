/**
 * The checker area's messages in the three languages, spread into es.ts, pt.ts and en.ts. Spanish is the source.
 */
export const checkerEs = {} as const;

export const checkerPt = {};

export const checkerEn = {};
