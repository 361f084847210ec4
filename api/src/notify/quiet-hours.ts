import { DateTime } from 'luxon';
import { oncallTimeZone, type QuietHours } from '@turno/shared';

/** True inside `[start, end)` on Mexico City's clock; a start after the end spans midnight. */
export function inQuietHours(now: Date, quiet: QuietHours | null | undefined): boolean {
  return quiet ? inHours(now, quiet) : false;
}

/** True inside `[start, end)` on Mexico City's clock; a start after the end spans midnight. */
export function inHours(now: Date, hours: QuietHours): boolean {
  const hour = DateTime.fromJSDate(now, { zone: oncallTimeZone }).hour;
  const { startHour, endHour } = hours;
  if (startHour < endHour) return hour >= startHour && hour < endHour;
  return hour >= startHour || hour < endHour;
}

/**
 * The next `endHour`:00 after `now` on Mexico City's wall clock, whatever its UTC offset that
 * day: when quiet hours holding `now` end.
 */
export function quietHoursEnd(now: Date, hours: QuietHours): Date {
  const local = DateTime.fromJSDate(now, { zone: oncallTimeZone });
  const today = local.startOf('day').set({ hour: hours.endHour });
  return (today > local ? today : today.plus({ days: 1 })).toJSDate();
}

/**
 * `at` itself when Mexico City's clock is inside `[start, end)` then, else the next
 * `startHour`:00 after it: the first moment something kept to those hours may happen.
 */
export function nextInHours(at: Date, hours: QuietHours): Date {
  if (inHours(at, hours)) return at;
  const local = DateTime.fromJSDate(at, { zone: oncallTimeZone });
  const today = local.startOf('day').set({ hour: hours.startHour });
  return (today > local ? today : today.plus({ days: 1 })).toJSDate();
}

/** Critical alerts (database down or full, every Lambda failing) reach people in quiet hours. */
export function bypassesQuietHours(severity: string): boolean {
  return severity === 'critical';
}
