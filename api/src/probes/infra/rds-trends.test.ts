import { describe, expect, it } from 'vitest';
import type { MetricPoint } from '../../cloud/rds.ts';
import { hoursToFull, sustainedAbove } from './rds-trends.ts';

const now = new Date('2026-03-02T18:00:00Z');
const minute = 60_000;
const GiB = 1024 ** 3;

/** One point a minute, the last one for the minute that ended `lagMinutes` ago. */
function perMinute(values: number[], lagMinutes = 1): MetricPoint[] {
  return values.map((value, i) => ({
    at: new Date(now.getTime() - (values.length - i + lagMinutes) * minute), value,
  }));
}

const rule = { line: 80, windowMs: 10 * minute, periodMs: minute, staleMs: 5 * minute, now };

describe('sustainedAbove', () => {
  it('holds when ten minutes of points all sit on or above the line', () => {
    const points = perMinute([20, 30, 80, 85, 90, 92, 95, 91, 88, 90, 93, 96]);

    const load = sustainedAbove(points, rule);

    expect(load).toEqual({ sustained: true, since: points[2]?.at, latest: 96 });
  });

  it('does not hold for a spike shorter than the window', () => {
    const points = perMinute([20, 30, 40, 50, 60, 90, 92, 95, 97, 99]);

    expect(sustainedAbove(points, rule)).toMatchObject({ sustained: false, latest: 99 });
  });

  it('starts again after one minute below the line', () => {
    const points = perMinute([90, 90, 90, 90, 90, 79, 90, 90, 90, 90, 90, 90]);

    expect(sustainedAbove(points, rule)).toMatchObject({
      sustained: false, since: points[6]?.at,
    });
  });

  it('does not bridge a gap where CloudWatch has no points', () => {
    const points = perMinute(Array.from({ length: 12 }, () => 95))
      .filter((_, i) => i < 3 || i > 6);

    expect(sustainedAbove(points, rule).sustained).toBe(false);
  });

  it('does not trust points that stopped arriving minutes ago', () => {
    const points = perMinute(Array.from({ length: 12 }, () => 95), 7);

    expect(sustainedAbove(points, rule).sustained).toBe(false);
  });

  it('has nothing to say without points', () => {
    expect(sustainedAbove([], rule)).toEqual({ sustained: false, since: null, latest: null });
  });
});

/** One point every five minutes over `hours`, free storage falling `gibPerHour`. */
function falling(startGiB: number, gibPerHour: number, hours: number): MetricPoint[] {
  const count = hours * 12;
  return Array.from({ length: count + 1 }, (_, i) => ({
    at: new Date(now.getTime() - (count - i) * 5 * minute),
    value: (startGiB - (gibPerHour * i) / 12) * GiB,
  }));
}

describe('hoursToFull', () => {
  it('gives the hours left at the recent pace', () => {
    expect(hoursToFull(falling(20, 1, 3))).toBeCloseTo(17, 5);
  });

  it('says nothing while storage holds steady or grows', () => {
    expect(hoursToFull(falling(20, 0, 3))).toBeNull();
    expect(hoursToFull(falling(20, -1, 3))).toBeNull();
  });

  it('needs an hour of points before it calls a trend', () => {
    expect(hoursToFull(falling(20, 5, 0.5))).toBeNull();
  });

  it('reads the pace only from points after storage was grown', () => {
    const before = falling(10, 4, 2).map((p) => ({
      at: new Date(p.at.getTime() - 95 * minute), value: p.value,
    }));
    const after = falling(30, 1, 1.5);

    expect(hoursToFull([...before, ...after])).toBeCloseTo(28.5, 5);
  });
});
