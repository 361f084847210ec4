import { describe, expect, it } from 'vitest';
import { createLogger } from '../../log.ts';
import { retryBudget } from '../backoff.ts';
import { backoffMs, isRetryable, withRetry } from './retry.ts';

function named(name: string, httpStatusCode?: number): Error {
  const error = new Error(`${name} happened`);
  error.name = name;
  return Object.assign(error, httpStatusCode ? { $metadata: { httpStatusCode } } : {});
}

/** A call that fails with the given errors in turn, then answers 'done'. */
function failing(...errors: Error[]) {
  const calls = { count: 0 };
  const call = async () => {
    const error = errors[calls.count];
    calls.count += 1;
    if (error) throw error;
    return 'done';
  };
  return { call, calls };
}

describe('isRetryable', () => {
  it.each([
    ['ConflictException', undefined, true],
    ['ThrottlingException', undefined, true],
    ['TooManyRequestsException', undefined, true],
    ['SomeUnmodeledError', 429, true],
    ['ValidationException', 400, false],
    ['ResourceNotFoundException', 404, false],
    ['AccessDeniedException', 403, false],
  ])('says %s (HTTP %s) is retryable: %s', (name, status, expected) => {
    expect(isRetryable(named(name, status))).toBe(expected);
  });

  it.each([
    ['InternalServerException', 500],
    ['ServiceUnavailable', 503],
    ['TimeoutError', undefined],
  ])('retries %s (HTTP %s) only where sending it twice is safe', (name, status) => {
    expect(isRetryable(named(name, status))).toBe(true);
    expect(isRetryable(named(name, status), false)).toBe(false);
  });

  it('retries throttling even for a write that must not be sent twice', () => {
    expect(isRetryable(named('Throttling', 400), false)).toBe(true);
  });

  it('leaves a conflict to the caller when told the write must be rebuilt first', () => {
    expect(isRetryable(named('ConflictException', 409), true, false)).toBe(false);
    expect(isRetryable(named('ThrottlingException', 400), true, false)).toBe(true);
  });

  it('retries a reset connection only where sending it twice is safe', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });

    expect(isRetryable(reset)).toBe(true);
    expect(isRetryable(reset, false)).toBe(false);
  });

  it('does not retry something that is not an error', () => {
    expect(isRetryable('ThrottlingException')).toBe(false);
  });
});

describe('backoffMs', () => {
  it('waits a random share of a ceiling that doubles per attempt up to the cap', () => {
    const top = () => 0.999_999;

    expect([0, 1, 2, 3, 10].map((attempt) => backoffMs(attempt, top)))
      .toEqual([99, 199, 399, 799, 1_999]);
    expect(backoffMs(3, () => 0)).toBe(0);
  });
});

describe('withRetry', () => {
  it('answers with the first success after retryable failures', async () => {
    const { call, calls } = failing(named('ConflictException'), named('ThrottlingException'));
    const waits: number[] = [];

    const result = await withRetry('UpdateSchedule', call, {
      sleep: async (ms) => { waits.push(ms); }, random: () => 0.5,
    });

    expect(result).toBe('done');
    expect(calls.count).toBe(3);
    expect(waits).toEqual([50, 100]);
  });

  it('rethrows the last error after three retries', async () => {
    const errors = [1, 2, 3, 4].map(() => named('ThrottlingException'));
    const { call, calls } = failing(...errors);

    await expect(withRetry('GetSchedule', call, { sleep: async () => {} }))
      .rejects.toBe(errors[3]);
    expect(calls.count).toBe(4);
  });

  it('spends one shared budget across calls, with waits growing over all of them', async () => {
    const budget = retryBudget(3);
    const waits: number[] = [];
    const sleep = async (ms: number) => { waits.push(ms); };
    const options = { budget, sleep, random: () => 0.5 };
    const first = failing(named('ThrottlingException'), named('ThrottlingException'));
    const throttled = named('ThrottlingException');
    const second = failing(named('ThrottlingException'), throttled);

    expect(await withRetry('UpdateSchedule', first.call, options)).toBe('done');
    await expect(withRetry('UpdateSchedule', second.call, options)).rejects.toBe(throttled);

    expect([first.calls.count, second.calls.count]).toEqual([3, 2]);
    expect(waits).toEqual([50, 100, 200]);
  });

  it('rethrows at once an error that would fail again', async () => {
    const validation = named('ValidationException');
    const { call, calls } = failing(validation);

    await expect(withRetry('UpdateSchedule', call, { sleep: async () => {} }))
      .rejects.toBe(validation);
    expect(calls.count).toBe(1);
  });

  it('sends a write that must not be repeated once when its answer was lost', async () => {
    const lost = named('InternalFailure', 500);
    const { call, calls } = failing(lost);

    await expect(withRetry('ModifyDBInstance', call, {
      sleep: async () => {}, idempotent: false,
    })).rejects.toBe(lost);
    expect(calls.count).toBe(1);
  });

  it('logs each retry with the call and error name, not the error itself', async () => {
    const lines: string[] = [];
    const log = createLogger({ sink: (line) => { lines.push(line); }, level: 'debug' });
    const { call } = failing(named('ConflictException'));

    await withRetry('UpdateSchedule up-sync/x', call, {
      log, sleep: async () => {}, random: () => 0,
    });

    expect(lines.map((line) => JSON.parse(line) as Record<string, unknown>)).toMatchObject([{
      level: 'warn', event: 'aws.retry', call: 'UpdateSchedule up-sync/x',
      error: 'ConflictException', attempt: 1, delayMs: 0,
    }]);
    expect(lines[0]).not.toContain('happened');
  });
});
