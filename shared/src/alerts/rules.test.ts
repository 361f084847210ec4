import { describe, expect, it } from 'vitest';
import { categoryIds } from '../diagnosis/categories.ts';
import { crossesThreshold, defaultAlertRules, isQuiet } from './rules.ts';
import { rowsBetween, sampleRows, serverHealthSample } from './sync-error-sample.fixture.ts';

const at = (minutes: number) => new Date(Date.UTC(2024, 2, 25, 12, minutes));
const rule = { threshold: 3, windowSeconds: 600, quietSeconds: 900 };

describe('defaultAlertRules', () => {
  it('has a rule for every category', () => {
    expect(Object.keys(defaultAlertRules).sort()).toEqual([...categoryIds].sort());
  });

  it('asks fewer errors of critical causes than of timeouts', () => {
    const disk = defaultAlertRules['database-disk-full'];
    const timeout = defaultAlertRules['provider-timeout'];
    expect(disk.threshold).toBeLessThan(timeout.threshold);
    expect(defaultAlertRules['database-unreachable'].threshold).toBe(disk.threshold);
  });

  it('opens on the 2024-03-25 disk-full burst', () => {
    const burst = rowsBetween(sampleRows, 6, 20);
    expect(burst.every((row) => row.category === 'database-disk-full')).toBe(true);

    const times = burst.map((row) => row.createdAt);
    expect(crossesThreshold(times, defaultAlertRules['database-disk-full'])).toBe(true);
  });

  it('stays shut for the four timeouts hours apart on 2024-03-25', () => {
    const timeouts = rowsBetween(sampleRows, 21, 24);
    expect(timeouts.every((row) => row.category === 'provider-timeout')).toBe(true);

    const times = timeouts.map((row) => row.createdAt);
    expect(crossesThreshold(times, defaultAlertRules['provider-timeout'])).toBe(false);
  });

  it('opens on the Server Health timeouts a minute apart', () => {
    const rows = rowsBetween(serverHealthSample, 58768, 58781);
    expect(rows).toHaveLength(14);

    const times = rows.map((row) => row.createdAt);
    expect(crossesThreshold(times, defaultAlertRules['provider-timeout'])).toBe(true);
  });

  it('stays shut for the 2024-03-27 timeouts and 429s', () => {
    const rows = rowsBetween(sampleRows, 1, 5);
    for (const category of ['provider-timeout', 'provider-rate-limited'] as const) {
      const times = rows.filter((row) => row.category === category).map((row) => row.createdAt);
      expect(crossesThreshold(times, defaultAlertRules[category])).toBe(false);
    }
  });
});

describe('crossesThreshold', () => {
  it.each([
    ['three errors inside the window', [at(0), at(4), at(9)], true],
    ['three errors exactly one window apart', [at(0), at(5), at(10)], true],
    ['three errors spread over more than the window', [at(0), at(6), at(11)], false],
    ['two errors only', [at(0), at(1)], false],
    ['no errors', [], false],
    ['errors given out of order', [at(9), at(0), at(30), at(4)], true],
    ['a dense cluster after a sparse start', [at(0), at(20), at(40), at(41), at(42)], true],
    ['an invalid date among them', [at(0), new Date('nope'), at(1)], false],
  ])('answers %s', (_name, times, expected) => {
    expect(crossesThreshold(times, rule)).toBe(expected);
  });

  it('opens on a single error when the threshold is one', () => {
    expect(crossesThreshold([at(0)], { ...rule, threshold: 1 })).toBe(true);
  });
});

describe('isQuiet', () => {
  it.each([
    ['a minute after the last error', 1, false],
    ['just before the quiet period ends', 14, false],
    ['when the quiet period ends', 15, true],
    ['an hour later', 60, true],
  ])('answers %s', (_name, minutes, expected) => {
    expect(isQuiet(at(0), at(minutes), rule)).toBe(expected);
  });
});
