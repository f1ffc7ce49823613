/** A city's slug: lowercase kebab-case, at most 40 characters (the network admin chooses it once). */
export const CITY_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
