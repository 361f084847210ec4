import { describe, expect, it } from 'vitest';
import { createSandboxCloud } from '../cloud/sandbox.ts';
import { defaultSandboxSchedules } from '../cloud/sandbox-schedules.ts';
import type { ScheduleDocument, ScheduleUpdate, SchedulerPort } from '../cloud/types.ts';
import { setScheduleState } from './schedule-state.ts';

const now = new Date('2025-06-02T18:00:00Z');

function richSchedule(): ScheduleDocument {
  const base = defaultSandboxSchedules().find((s) => s.Name === 'linde-mix-get-events');
  if (!base) throw new Error('the sandbox lost linde-mix-get-events');
  return {
    ...base,
    StartDate: new Date('2025-07-01T00:00:00Z'),
    EndDate: new Date('2026-01-01T00:00:00Z'),
    KmsKeyArn: 'arn:aws:kms:us-east-1:111122223333:key/abcd-1234',
    ActionAfterCompletion: 'NONE',
    FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 5 },
    Target: {
      ...base.Target,
      Input: '{"dataSource":1,"batch":50}',
      RetryPolicy: { MaximumEventAgeInSeconds: 600, MaximumRetryAttempts: 3 },
      DeadLetterConfig: { Arn: 'arn:aws:sqs:us-east-1:111122223333:up-sync-dlq' },
    },
  };
}

describe('setScheduleState', () => {
  it('keeps every field of the schedule when pausing it', async () => {
    const cloud = createSandboxCloud({ now: () => now, schedules: [richSchedule()] });

    const change = await setScheduleState(
      cloud.scheduler, 'default', 'linde-mix-get-events', 'DISABLED', { now },
    );

    const after = await cloud.scheduler.getSchedule('default', 'linde-mix-get-events');
    const { State, LastModificationDate, ...kept } = richSchedule();
    expect(State).toBe('ENABLED');
    expect(after).toEqual({ ...kept, State: 'DISABLED', LastModificationDate: now });
    expect(LastModificationDate).not.toEqual(now);
    expect(change.changed).toBe(true);
    expect(change.before.State).toBe('ENABLED');
  });

  it('resumes a paused schedule and keeps its target input', async () => {
    const paused = { ...richSchedule(), State: 'DISABLED' as const };
    const cloud = createSandboxCloud({ now: () => now, schedules: [paused] });

    await setScheduleState(cloud.scheduler, 'default', 'linde-mix-get-events', 'ENABLED', { now });

    const after = await cloud.scheduler.getSchedule('default', 'linde-mix-get-events');
    expect(after?.State).toBe('ENABLED');
    expect(after?.Target.Input).toBe('{"dataSource":1,"batch":50}');
    expect(after?.Target.DeadLetterConfig?.Arn).toContain('up-sync-dlq');
  });

  it('leaves out a start date that has passed, which AWS would reject', async () => {
    const started = { ...richSchedule(), StartDate: new Date('2024-01-01T00:00:00Z') };
    const cloud = createSandboxCloud({ now: () => now, schedules: [started] });

    const change = await setScheduleState(
      cloud.scheduler, 'default', 'linde-mix-get-events', 'DISABLED', { now },
    );

    expect(change.after.State).toBe('DISABLED');
    expect(change.after.StartDate).toBeUndefined();
    expect(change.after.EndDate).toEqual(new Date('2026-01-01T00:00:00Z'));
  });

  it('writes nothing when the schedule is already in the wanted state', async () => {
    const cloud = createSandboxCloud({ now: () => now });
    const writes: ScheduleUpdate[] = [];
    const watched: SchedulerPort = {
      ...cloud.scheduler,
      updateSchedule: async (update) => { writes.push(update); },
    };

    const change = await setScheduleState(
      watched, 'default', 'up_update_active_positions', 'DISABLED', { now },
    );

    expect(change.changed).toBe(false);
    expect(writes).toHaveLength(0);
  });

  it('fails with schedule_changed_meanwhile when another field moved meanwhile', async () => {
    const cloud = createSandboxCloud({ now: () => now });
    const meddling: SchedulerPort = {
      ...cloud.scheduler,
      updateSchedule: async (update) => {
        await cloud.scheduler.updateSchedule({ ...update, ScheduleExpression: 'rate(30 minutes)' });
      },
    };

    await expect(
      setScheduleState(meddling, 'default', 'linde-mix-get-events', 'DISABLED', { now }),
    ).rejects.toMatchObject({ code: 'schedule_changed_meanwhile' });
  });

  it('sends one client token per tap and body, so a resent tap is recognised', async () => {
    const tokens: (string | undefined)[] = [];
    const pauseWith = async (clientToken: string) => {
      const cloud = createSandboxCloud({ now: () => now });
      const watched: SchedulerPort = {
        ...cloud.scheduler,
        updateSchedule: async (update) => {
          tokens.push(update.ClientToken);
          await cloud.scheduler.updateSchedule(update);
        },
      };
      await setScheduleState(watched, 'default', 'linde-mix-get-events', 'DISABLED', {
        now, clientToken,
      });
    };

    await pauseWith('tap-1');
    await pauseWith('tap-1');
    await pauseWith('tap-2');

    expect(tokens[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(tokens[1]).toBe(tokens[0]);
    expect(tokens[2]).not.toBe(tokens[0]);
  });

  it('fails with schedule_not_found for a schedule that does not exist', async () => {
    const cloud = createSandboxCloud({ now: () => now });

    await expect(
      setScheduleState(cloud.scheduler, 'default', 'no-such-schedule', 'DISABLED', { now }),
    ).rejects.toMatchObject({ code: 'schedule_not_found' });
  });
});
