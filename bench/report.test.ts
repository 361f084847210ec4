import { describe, expect, it } from 'vitest';
import { passes, type BundleResult } from './report.ts';

const time = (median: number) => ({ median, p90: median });
const kib = (n: number) => n * 1024;

/** The api's row: 1 MiB and 150 ms budgets, within both unless told otherwise. */
function apiResult(change: Partial<BundleResult> = {}): BundleResult {
  return {
    name: 'api', startupBytes: kib(250), loadedBytes: kib(660), outsideBytes: 0,
    totalBytes: kib(1000), packageBytes: kib(2500), sizeBudgetBytes: kib(1024),
    overEmpty: time(128), cpuOverEmpty: time(120), importMs: time(40), firstRequestMs: time(80),
    timeBudgetMs: 150, outcome: 'HTTP 200', ...change,
  };
}

describe('passes', () => {
  it('passes a bundle whose code and median cold start are within budget', () => {
    expect(passes(apiResult())).toBe(true);
  });

  it('fails a bundle whose code is over budget, though its cold start loads far less', () => {
    expect(passes(apiResult({ totalBytes: kib(1025), loadedBytes: kib(660) }))).toBe(false);
  });

  it('fails a bundle whose median cold start is over budget', () => {
    expect(passes(apiResult({ overEmpty: time(151) }))).toBe(false);
  });

  it('gives no verdict on a row without budgets', () => {
    expect(passes(apiResult({ sizeBudgetBytes: undefined, timeBudgetMs: undefined })))
      .toBeUndefined();
  });
});
