/** Whether a learner may start a new attempt: a pure rule the server checks before creating one. */
export interface PastAttempt {
  submittedAt: Date | null;
  passed: boolean | null;
}

export interface AttemptRules {
  attemptLimit: number | null;
  cooldownMinutes: number;
}

export type AttemptDecision =
  | { allowed: true }
  | { allowed: false; reason: "passed" | "limit" | "in-progress" }
  | { allowed: false; reason: "cooldown"; retryAt: Date };

export function attemptDecision(attempts: readonly PastAttempt[], rules: AttemptRules, now: Date): AttemptDecision {
  if (attempts.some((attempt) => attempt.passed === true)) return { allowed: false, reason: "passed" };
  if (attempts.some((attempt) => attempt.submittedAt === null)) return { allowed: false, reason: "in-progress" };
  if (rules.attemptLimit !== null && attempts.length >= rules.attemptLimit) return { allowed: false, reason: "limit" };
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
