/**
 * How figures are rounded for people, in one place: pages show whole percentages, files one
 * decimal; scores and days one decimal everywhere.
 */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** A share from 0 to 1 as a percentage (0–100). */
export const percentage = (share: number, decimals: 0 | 1) => roundTo(share * 100, decimals);

/** A score (0–100) or a number of days. */
export const oneDecimal = (value: number) => roundTo(value, 1);
