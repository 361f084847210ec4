import { describe, expect, it } from 'vitest';
import {
  bypassesQuietHours, inQuietHours, nextInHours, quietHoursEnd,
} from './quiet-hours.ts';

// Mexico City is UTC−6: 22:00 there is 04:00 UTC the next day.
const mexico = (hour: number) => new Date(Date.UTC(2026, 2, 9, hour + 6, 30));

describe('inQuietHours', () => {
  it('covers the night from 22:00 to 7:00 Mexico City time, across midnight', () => {
    const night = { startHour: 22, endHour: 7 };

    expect([21, 22, 23, 0, 6, 7, 12].map((hour) => inQuietHours(mexico(hour), night)))
      .toEqual([false, true, true, true, true, false, false]);
  });

  it('covers a daytime span from its start to just before its end', () => {
    const siesta = { startHour: 14, endHour: 16 };

    expect([13, 14, 15, 16].map((hour) => inQuietHours(mexico(hour), siesta)))
      .toEqual([false, true, true, false]);
  });

  it('is never quiet without quiet hours', () => {
    expect(inQuietHours(mexico(3), null)).toBe(false);
  });

  it('lets only critical alerts through', () => {
    expect(['critical', 'high', 'warning', 'info'].map(bypassesQuietHours))
      .toEqual([true, false, false, false]);
  });
});

describe('quietHoursEnd', () => {
  const night = { startHour: 22, endHour: 7 };
  const end = (iso: string, hours = night) => quietHoursEnd(new Date(iso), hours).toISOString();

  it('is 7:00 the next morning in Mexico City for a night that began at 23:00', () => {
    expect(end('2026-01-08T05:00:00Z')).toBe('2026-01-08T13:00:00.000Z');
  });

  it('is 7:00 the same morning after midnight, and a minute away at 6:59', () => {
    expect(end('2026-01-08T08:30:00Z')).toBe('2026-01-08T13:00:00.000Z');
    expect(end('2026-01-08T12:59:00Z')).toBe('2026-01-08T13:00:00.000Z');
  });

  it('keeps 7:00 on Mexico City\'s wall clock across its last offset changes (2022)', () => {
    // 2022-04-03 Mexico City went to UTC−5, and back to UTC−6 on 2022-10-30.
    expect(end('2022-04-03T05:00:00Z')).toBe('2022-04-03T12:00:00.000Z');
    expect(end('2022-10-30T04:00:00Z')).toBe('2022-10-30T13:00:00.000Z');
  });

  it('ignores daylight saving elsewhere: the US change of March 2026 moves nothing', () => {
    expect(end('2026-03-08T05:00:00Z')).toBe('2026-03-08T13:00:00.000Z');
  });

  it('ends a daytime span at its end hour', () => {
    expect(end('2026-01-08T20:30:00Z', { startHour: 14, endHour: 16 }))
      .toBe('2026-01-08T22:00:00.000Z');
  });
});

describe('nextInHours', () => {
  const daytime = { startHour: 9, endHour: 20 };
  // Mexico City wall time on 2026-12-16 (UTC-6).
  const at = (time: string, day = 16) => new Date(`2026-12-${day}T${time}:00-06:00`);

  it.each([
    ['keeps a time inside the hours', at('12:00'), at('12:00')],
    ['moves 2:14 a.m. to 9:00 the same morning', at('02:14'), at('09:00')],
    ['moves 20:00 on the dot to 9:00 the next day', at('20:00'), at('09:00', 17)],
    ['moves a late evening to the next morning', at('22:30'), at('09:00', 17)],
  ])('%s', (_name, time, expected) => {
    expect(nextInHours(time, daytime)).toEqual(expected);
  });
});
