import type { Logger } from '../../types.ts';

export interface RetryOptions {
  log?: Logger;
  /** Waits between attempts; tests pass one that resolves at once. */
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1): the jitter. */
  random?: () => number;
  /** Retries after the first attempt. */
  retries?: number;
  baseMs?: number;
  capMs?: number;
}

const retryableNames = new Set([
  'ConflictException', 'ThrottlingException', 'TooManyRequestsException',
]);

/**
 * A conflict (another writer at the same time) or throttling is worth another try; anything else
 * (validation, not found, access denied) would fail the same way again.
 */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (retryableNames.has(error.name)) return true;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return status === 429;
}

export const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Full jitter: each wait is random in [0, min(cap, base · 2^attempt)), which spreads retrying
 * callers apart. https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function backoffMs(attempt: number, random: () => number, baseMs = 100, capMs = 2_000) {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** attempt));
}

/** Runs `call`, retrying conflicts and throttling; the last error is rethrown as it came. */
export async function withRetry<T>(
  label: string, call: () => Promise<T>, options: RetryOptions = {},
): Promise<T> {
  const retries = options.retries ?? 3;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= retries || !isRetryable(error)) throw error;
      const delayMs = backoffMs(attempt, random, options.baseMs, options.capMs);
      options.log?.warn('aws.retry', {
        call: label, error: (error as Error).name, attempt: attempt + 1, delayMs,
      });
      await sleep(delayMs);
    }
  }
}
