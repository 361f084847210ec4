import { createHash, randomUUID } from 'node:crypto';
import { TurnoError } from '@turno/shared';
import {
  backoffMs, defaultSleep, retryBudget, spendRetry, type RetryBudget,
} from '../cloud/backoff.ts';
import { callCloud, isCloudError } from '../cloud/errors.ts';
import type {
  ScheduleDocument, ScheduleState, ScheduleUpdate, SchedulerPort,
} from '../cloud/types.ts';
import { startsInFuture, toScheduleUpdate } from './schedule-update.ts';

export interface ScheduleStateChange {
  /** The read the write was built from: a fresh one when another writer forced a retry. */
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
  /** Lets the cloud recognise a retried write as the same one; each body gets its own. */
  clientToken?: string;
  /** Waits between conflicts; tests pass one that resolves at once. */
  sleep?: (ms: number) => Promise<void>;
  /** In [0, 1): the jitter of those waits. */
  random?: () => number;
}

/**
 * Retries of one pause or resume, throttled resends and conflict rebuilds together (issue 3:
 * three at most), so it sends UpdateSchedule four times at most.
 */
const writeRetries = 3;

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
  first: ScheduleDocument,
  state: ScheduleState,
  options: ScheduleStateOptions,
): Promise<ScheduleStateChange> {
  const { GroupName: group, Name: name } = first;
  const now = options.now ?? new Date();
  const budget = retryBudget(writeRetries);
  let before = first;
  for (;;) {
    if (before.State === state) {
      return { before, after: before, changed: false, droppedStartDate: null };
    }
    const update = { ...toScheduleUpdate(before, now), State: state };
    if (await written(scheduler, update, options.clientToken, budget)) break;
    const attempt = spendRetry(budget);
    if (attempt === null) {
      throw new TurnoError('schedule_changed_meanwhile', undefined, { group, name });
    }
    await (options.sleep ?? defaultSleep)(backoffMs(attempt, options.random ?? Math.random));
    // Resending would undo the other writer's change: build the next write from what it left.
    before = await readSchedule(scheduler, group, name);
  }

  const after = await readSchedule(scheduler, group, name);
  const keepStart = startsInFuture(before, now);
  if (after.State !== state || comparable(before, keepStart) !== comparable(after, keepStart)) {
    throw new TurnoError('schedule_changed_meanwhile', undefined, { group, name });
  }
  const droppedStartDate = !keepStart && before.StartDate ? before.StartDate : null;
  return { before, after, changed: true, droppedStartDate };
}

/**
 * UpdateSchedule, its throttled resends spending `budget`; false when another writer's change
 * at that moment refused it.
 */
async function written(
  scheduler: SchedulerPort, update: ScheduleUpdate, tapToken: string | undefined,
  budget: RetryBudget,
): Promise<boolean> {
  const ClientToken = clientTokenFor(tapToken, update);
  return callCloud(async () => {
    try {
      await scheduler.updateSchedule({ ...update, ClientToken }, budget);
      return true;
    } catch (error) {
      if (isCloudError(error, 'ConflictException')) return false;
      throw error;
    }
  });
}

/**
 * The tap's token bound to the body: a resend of the same write is recognised, while a rebuilt
 * one is a new request (AWS APIs reject a token reused with different parameters).
 */
export function clientTokenFor(tapToken: string | undefined, update: ScheduleUpdate): string {
  if (tapToken === undefined) return randomUUID();
  // Scheduler takes tokens of 1–64 characters: a SHA-256 in hex is exactly 64.
  return createHash('sha256').update(`${tapToken}\n${stableJson(update)}`).digest('hex');
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
