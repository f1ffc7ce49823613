/**
 * Messages for the network admin's cities, in the three languages, spread into es.ts, pt.ts and en.ts.
 * Spanish is the source.
 */
export const networkCitiesEs = {} as const;

export const networkCitiesPt = {};

export const networkCitiesEn = {};
