import type { QuietHours } from '@turno/shared';
import { nextInHours } from '../../notify/quiet-hours.ts';
import { reminderDueAt, type ReminderState, type ReminderTiming } from './reminder-store.ts';

const hour = 3_600_000;

export interface ReminderWindow extends ReminderTiming {
  /** Mexico City hours the reminder may go out in. */
  daytime: QuietHours;
}

/**
 * When the reminder can really go out next: when it falls due, or `repeatHours` after the last
 * push of this cycle, never before `now`, moved into the daytime hours. Null before Turno's
 * first look. A keeper's own quiet hours may hold it later still.
 */
export function reminderNextAt(
  state: ReminderState, timing: ReminderWindow, now: Date,
): Date | null {
  const dueAt = reminderDueAt(state, timing);
  if (!dueAt) return null;
  const sentAt = state.lastSentAt ? Date.parse(state.lastSentAt) : null;
  const next = sentAt !== null && sentAt >= dueAt.getTime()
    ? sentAt + timing.repeatHours * hour : dueAt.getTime();
  return nextInHours(new Date(Math.max(next, now.getTime())), timing.daytime);
}
