export const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Full jitter: each wait is random in [0, min(cap, base · 2^attempt)), which spreads retrying
 * callers apart. https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function backoffMs(attempt: number, random: () => number, baseMs = 100, capMs = 2_000) {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** attempt));
}

/**
 * The retries one action may still spend, shared by every call it retries: issue 3 allows
 * three in all, whatever mix of throttling and conflicts caused them.
 */
export interface RetryBudget {
  readonly retries: number;
  spent: number;
}

export const retryBudget = (retries = 3): RetryBudget => ({ retries, spent: 0 });

/** Takes one retry; its index is the next wait's exponent. Null when none is left. */
export function spendRetry(budget: RetryBudget): number | null {
  if (budget.spent >= budget.retries) return null;
  budget.spent += 1;
  return budget.spent - 1;
}
