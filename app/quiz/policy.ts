/** Whether a learner may start a new attempt: a pure rule the server checks before creating one. */
export interface PastAttempt {
  submittedAt: Date | null;
  passed: boolean | null;
}

export interface AttemptRules {
  attemptLimit: number | null;
  cooldownMinutes: number;
  /** Attempts HR granted this learner on top of the limit (an accommodation); a quiz without a limit has none to add to. */
  extraAttempts?: number;
}

/** The number of attempts this learner may make, or null when unlimited. */
export function attemptAllowance(rules: AttemptRules): number | null {
  return rules.attemptLimit === null ? null : rules.attemptLimit + (rules.extraAttempts ?? 0);
}

/**
 * A timed quiz's limit for this learner, in minutes: the quiz's, lengthened by the extra time HR
 * granted as a percentage (WCAG 2.2.1). Null for an untimed quiz.
 */
export function timeLimitWithExtra(timeLimitMinutes: number | null, extraTimePercent = 0): number | null {
  if (!timeLimitMinutes) return null;
  return (timeLimitMinutes * (100 + extraTimePercent)) / 100;
}

/** When an attempt started at `startedAt` must be submitted: fixed once, when it starts. */
export function attemptDeadline(startedAt: Date, timeLimitMinutes: number | null, extraTimePercent = 0): Date | null {
  const minutes = timeLimitWithExtra(timeLimitMinutes, extraTimePercent);
  return minutes === null ? null : new Date(startedAt.getTime() + Math.round(minutes * 60_000));
}

export type AttemptDecision =
  | { allowed: true }
  | { allowed: false; reason: "passed" | "limit" | "in-progress" }
  | { allowed: false; reason: "cooldown"; retryAt: Date };

export function attemptDecision(attempts: readonly PastAttempt[], rules: AttemptRules, now: Date): AttemptDecision {
  if (attempts.some((attempt) => attempt.passed === true)) return { allowed: false, reason: "passed" };
  if (attempts.some((attempt) => attempt.submittedAt === null)) return { allowed: false, reason: "in-progress" };
  const allowance = attemptAllowance(rules);
  if (allowance !== null && attempts.length >= allowance) return { allowed: false, reason: "limit" };
  const lastFailed = attempts
    .filter((attempt) => attempt.passed === false && attempt.submittedAt)
    .map((attempt) => attempt.submittedAt!.getTime())
    .sort((a, b) => b - a)[0];
  if (lastFailed !== undefined && rules.cooldownMinutes > 0) {
    const retryAt = new Date(lastFailed + rules.cooldownMinutes * 60_000);
    if (retryAt > now) return { allowed: false, reason: "cooldown", retryAt };
  }
  return { allowed: true };
}

/**
 * When a step of an attempt may be written: still at the step the page was rendered at, not
 * submitted, and, unless this write grades it at time-up, before its deadline. Part of the
 * write itself, so an answer that arrives just as time runs out is never stored.
 */
export function attemptWriteCondition(attempt: { id: string; step: number; deadline: Date | null }, timeUp: boolean, at: Date) {
  return {
    id: attempt.id,
    step: attempt.step,
    submittedAt: null,
    // A deadline is fixed when the attempt starts, so an attempt without one stays without.
    ...(attempt.deadline && !timeUp ? { deadline: { gt: at } } : {}),
  };
}

/** An open attempt whose deadline has passed: it is graded with the answers stored before it. */
export function isPastDeadline(attempt: { submittedAt: Date | null; deadline: Date | null }, at: Date): boolean {
  return !attempt.submittedAt && attempt.deadline !== null && attempt.deadline <= at;
}
