/**
 * The server's clock. Everything that depends on time (sessions, throttles, expiries)
 * asks it, so tests can move time forward instead of sleeping.
 */
let offsetMs = 0;

export function now(): Date {
  return new Date(Date.now() + offsetMs);
}

/** Tests only: move the clock forward (or back to 0). */
export function setClockOffset(ms: number): void {
  offsetMs = ms;
}
