import { randomUUID } from 'node:crypto';
import { TurnoError } from '@turno/shared';
import { callCloud } from '../cloud/errors.ts';
import type { ScheduleDocument, ScheduleState, SchedulerPort } from '../cloud/types.ts';
import { startsInFuture, toScheduleUpdate } from './schedule-update.ts';

export interface ScheduleStateChange {
  before: ScheduleDocument;
  after: ScheduleDocument;
  /** False when the schedule was already in the wanted state and nothing was written. */
  changed: boolean;
}

export interface ScheduleStateOptions {
  now?: Date;
  /** The schedule as just read with `readSchedule`, to save a second read. */
  before?: ScheduleDocument;
  /** Lets the cloud recognise a retried write as the same one. */
  clientToken?: string;
}

/**
 * Pauses (DISABLED) or resumes (ENABLED) a schedule the way AWS needs it: read it, write it
 * back whole with only State changed, then read it again and check nothing else moved.
 */
export async function setScheduleState(
  scheduler: SchedulerPort,
  group: string,
  name: string,
  state: ScheduleState,
  options: ScheduleStateOptions = {},
): Promise<ScheduleStateChange> {
  const now = options.now ?? new Date();
  const before = options.before ?? await readSchedule(scheduler, group, name);
  if (before.State === state) return { before, after: before, changed: false };

  const update = { ...toScheduleUpdate(before, now), State: state };
  await callCloud(() => scheduler.updateSchedule({
    ...update,
    ClientToken: options.clientToken ?? randomUUID(),
  }));

  const after = await readSchedule(scheduler, group, name);
  const keepStart = startsInFuture(before, now);
  if (after.State !== state || comparable(before, keepStart) !== comparable(after, keepStart)) {
    throw new TurnoError('schedule_changed_meanwhile', undefined, { group, name });
  }
  return { before, after, changed: true };
}

/** GetSchedule, with a missing schedule as `schedule_not_found`. */
export async function readSchedule(
  scheduler: SchedulerPort, group: string, name: string,
): Promise<ScheduleDocument> {
  const schedule = await callCloud(() => scheduler.getSchedule(group, name));
  if (!schedule) throw new TurnoError('schedule_not_found', undefined, { group, name });
  return schedule;
}

/** Every field except the ones the write is meant to change, in a stable form. */
function comparable(schedule: ScheduleDocument, keepStart: boolean): string {
  const { State, LastModificationDate, StartDate, ...rest } = schedule;
  return stableJson(keepStart ? { ...rest, StartDate } : rest);
}

function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      return Object.fromEntries(
        Object.entries(item as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
      );
    }
    return item;
  });
}
