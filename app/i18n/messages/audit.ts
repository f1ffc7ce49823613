/**
 * Messages for the audit log, in the three languages, spread into es.ts, pt.ts and en.ts.
 * Spanish is the source.
 */
export const auditEs = {} as const;

export const auditPt = {};

export const auditEn = {};
