import { DateTime } from 'luxon';
import { oncallTimeZone } from '@turno/shared';

/**
 * `<input type="datetime-local">` values read and written as Mexico City wall time, whatever
 * zone the phone is in: a technician travelling in Los Angeles still means Mexico's 9:00.
 */
const inputFormat = "yyyy-MM-dd'T'HH:mm";

/** An instant as the input shows it, in Mexico City time. */
export function toMexicoInput(iso: string | Date): string {
  const at = typeof iso === 'string' ? DateTime.fromISO(iso) : DateTime.fromJSDate(iso);
  return at.setZone(oncallTimeZone).toFormat(inputFormat);
}

/** The instant an input value means in Mexico City; null for an empty or broken value. */
export function fromMexicoInput(value: string): string | null {
  if (!value) return null;
  const at = DateTime.fromISO(value, { zone: oncallTimeZone });
  return at.isValid ? at.toUTC().toISO() : null;
}

/** "22:00" for 22: quiet hours and handoffs are whole hours. */
export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}
