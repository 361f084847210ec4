import { describe, expect, it } from 'vitest';
import { reminderNextAt } from './reminder-next.ts';
import type { ReminderState } from './reminder-store.ts';

const timing = { everyDays: 12, repeatHours: 24, daytime: { startHour: 9, endHour: 20 } };
const hour = 3_600_000;
const day = 24 * hour;
// Mexico City is UTC-6 all year: 2:14 a.m. there is 08:14Z.
const confirmedAt = new Date('2026-12-04T08:14:00Z');
const confirmed: ReminderState = {
  startedAt: null, lastConfirmedAt: confirmedAt.toISOString(), lastConfirmedBy: 'operador',
  lastSentAt: null,
};
const iso = (date: Date | null) => date?.toISOString() ?? null;

describe('reminderNextAt', () => {
  it('has none before Turno first looks', () => {
    const never = { ...confirmed, lastConfirmedAt: null, lastConfirmedBy: null };

    expect(reminderNextAt(never, timing, confirmedAt)).toBeNull();
  });

  it('moves a reminder due at 2:14 a.m. to 9:00 that morning, Mexico City time', () => {
    expect(iso(reminderNextAt(confirmed, timing, confirmedAt))).toBe('2026-12-16T15:00:00.000Z');
  });

  it('keeps a due time that falls in the daytime hours', () => {
    const noon = { ...confirmed, lastConfirmedAt: '2026-12-04T18:00:00.000Z' };

    expect(iso(reminderNextAt(noon, timing, confirmedAt))).toBe('2026-12-16T18:00:00.000Z');
  });

  it('counts the repeat from the last push of this cycle, within the hours', () => {
    const sent = { ...confirmed, lastSentAt: '2026-12-16T15:00:00.000Z' };
    const now = new Date('2026-12-16T16:00:00Z');

    expect(iso(reminderNextAt(sent, timing, now))).toBe('2026-12-17T15:00:00.000Z');
  });

  it('says the next look of the daytime when it is due already but could not go out', () => {
    const night = new Date(confirmedAt.getTime() + 13 * day + 18 * hour);

    expect(iso(reminderNextAt(confirmed, timing, night))).toBe('2026-12-18T15:00:00.000Z');
  });
});
