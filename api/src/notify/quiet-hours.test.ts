import { describe, expect, it } from 'vitest';
import { bypassesQuietHours, inQuietHours } from './quiet-hours.ts';

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
