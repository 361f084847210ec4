import type { Logger } from '../../types.ts';
import { backoffMs, defaultSleep, retryBudget, spendRetry, type RetryBudget } from '../backoff.ts';

export { backoffMs, defaultSleep };

export interface RetryOptions {
  log?: Logger;
  /** Waits between attempts; tests pass one that resolves at once. */
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1): the jitter. */
  random?: () => number;
  /** Retries after the first attempt; ignored when a `budget` is given. */
  retries?: number;
  /** The action's retries, shared with its other calls; this call alone has its own without. */
  budget?: RetryBudget;
  baseMs?: number;
  capMs?: number;
  /**
   * False for a write AWS cannot recognise when sent twice (ModifyDBInstance, SendCommand): only
   * answers that say the request was turned away are retried, never one that may have landed.
   */
  idempotent?: boolean;
  /**
   * False for a write built from an earlier read (UpdateSchedule): after a ConflictException the
   * caller must read again and rebuild it, since resending would undo the other writer's change.
   */
  retryConflicts?: boolean;
}

// The request was refused before anything changed: throttling, or another writer at once.
const refusedNames = new Set([
  'ConflictException', 'ThrottlingException', 'TooManyRequestsException', 'Throttling',
  'RequestLimitExceeded',
]);
// The outcome is unknown: the server failed or the answer never came.
const transientNames = new Set([
  'InternalServerException', 'InternalFailure', 'ServiceUnavailable',
  'ServiceUnavailableException', 'TimeoutError', 'RequestTimeout', 'RequestTimeoutException',
]);
const transientCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);

/**
 * A refusal (throttling, a conflict) is always worth another try; a server failure or a lost
 * answer only for a call that is safe to repeat; anything else (validation, not found, access
 * denied) would fail the same way again.
 */
export function isRetryable(error: unknown, idempotent = true, conflicts = true): boolean {
  if (!(error instanceof Error)) return false;
  if (!conflicts && error.name === 'ConflictException') return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  if (refusedNames.has(error.name) || status === 429) return true;
  if (!idempotent) return false;
  const code = (error as { code?: unknown }).code;
  return transientNames.has(error.name) || (typeof code === 'string' && transientCodes.has(code))
    || (status !== undefined && status >= 500 && status !== 501);
}

/**
 * Runs `call`, retrying as `isRetryable` says; the last error is rethrown as it came. The SDK
 * client under it is built with `maxAttempts: 1`, so these are the only retries.
 */
export async function withRetry<T>(
  label: string, call: () => Promise<T>, options: RetryOptions = {},
): Promise<T> {
  const budget = options.budget ?? retryBudget(options.retries ?? 3);
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (!isRetryable(error, options.idempotent ?? true, options.retryConflicts)) throw error;
      const attempt = spendRetry(budget);
      if (attempt === null) throw error;
      const delayMs = backoffMs(attempt, random, options.baseMs, options.capMs);
      options.log?.warn('aws.retry', {
        call: label, error: (error as Error).name, attempt: attempt + 1, delayMs,
      });
      await sleep(delayMs);
    }
  }
}
