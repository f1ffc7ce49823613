/**
 * Messages for city admins' staff pages, in the three languages, spread into es.ts, pt.ts and en.ts.
 * Spanish is the source.
 */
export const staffEs = {} as const;

export const staffPt = {};

export const staffEn = {};
