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
  /** A StartDate that had passed, left out of the write (AWS rejects it) and so now gone. */
  droppedStartDate: Date | null;
}

export interface ScheduleStateOptions {
  now?: Date;
  /**
   * The schedule as just read with `readSchedule`, to save a second read. The caller then
   * holds `exclusively` for this schedule around both; without it the read happens inside it.
   */
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
  const { before } = options;
  if (before) return writeState(scheduler, before, state, options);
  return exclusively(scheduler, group, name, async () =>
    writeState(scheduler, await readSchedule(scheduler, group, name), state, options));
}

/** Runs `work` with no other change to that schedule in between, where the cloud offers it. */
export function exclusively<T>(
  scheduler: SchedulerPort, group: string, name: string, work: () => Promise<T>,
): Promise<T> {
  return scheduler.exclusive ? scheduler.exclusive(group, name, work) : work();
}

async function writeState(
  scheduler: SchedulerPort,
  before: ScheduleDocument,
  state: ScheduleState,
  options: ScheduleStateOptions,
): Promise<ScheduleStateChange> {
  const { GroupName: group, Name: name } = before;
  const now = options.now ?? new Date();
  if (before.State === state) {
    return { before, after: before, changed: false, droppedStartDate: null };
  }

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
  const droppedStartDate = !keepStart && before.StartDate ? before.StartDate : null;
  return { before, after, changed: true, droppedStartDate };
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
