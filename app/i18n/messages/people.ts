/**
 * The HR people pages' messages (people list, a learner's page, overdue and expiring lists,
 * exports) in the three languages, spread into es.ts, pt.ts and en.ts. Spanish is the source.
 */
export const peopleEs = {} as const;

export const peoplePt = {};

export const peopleEn = {};
