/**
 * Messages for editing the department tree, in the three languages, spread into es.ts, pt.ts and en.ts.
 * Spanish is the source.
 */
export const departmentAdminEs = {} as const;

export const departmentAdminPt = {};

export const departmentAdminEn = {};
