import { describe, expect, it } from 'vitest';
import { functionFromTargetArn } from './lambda-arn.ts';
import { createSandboxCloud } from './sandbox.ts';

const now = new Date('2025-06-02T18:00:00Z');

describe('createSandboxCloud', () => {
  it('holds the runbook schedules once each, in group default', async () => {
    const cloud = createSandboxCloud();

    const schedules = await cloud.scheduler.listSchedules();

    expect(schedules.map((s) => s.Name).sort()).toEqual([
      'lide-mix-get-assets', 'linde-guardian-positions', 'linde-mix-get-active-events',
      'linde-mix-get-events', 'linde-mix-get-positions', 'up-update-active-events',
      'up_update_active_positions',
    ]);
    expect(new Set(schedules.map((s) => s.GroupName))).toEqual(new Set(['default']));
  });

  it('maps a schedule named with underscores to its hyphenated function by target', async () => {
    const cloud = createSandboxCloud();

    const schedule = await cloud.scheduler.getSchedule('default', 'up_update_active_positions');

    expect(schedule?.State).toBe('DISABLED');
    expect(functionFromTargetArn(schedule?.Target.Arn ?? '')).toBe('up-update-active-positions');
    expect(schedule?.LastModificationDate).toEqual(new Date('2024-03-25T16:11:43Z'));
    expect(schedule?.ScheduleExpressionTimezone).toBe('America/Mexico_City');
  });

  it('loses the fields an update leaves out, as AWS does', async () => {
    const cloud = createSandboxCloud({ now: () => now });
    const schedule = await cloud.scheduler.getSchedule('default', 'linde-mix-get-events');
    if (!schedule) throw new Error('missing schedule');

    await cloud.scheduler.updateSchedule({
      Name: schedule.Name,
      GroupName: schedule.GroupName,
      ScheduleExpression: schedule.ScheduleExpression,
      FlexibleTimeWindow: schedule.FlexibleTimeWindow,
      Target: { Arn: schedule.Target.Arn, RoleArn: schedule.Target.RoleArn },
      State: 'DISABLED',
    });

    const after = await cloud.scheduler.getSchedule('default', 'linde-mix-get-events');
    expect(after?.Description).toBeUndefined();
    expect(after?.ScheduleExpressionTimezone).toBeUndefined();
    expect(after?.Target.Input).toBeUndefined();
    expect(after?.LastModificationDate).toEqual(now);
  });

  it('turns a schedule back on when an update leaves State out', async () => {
    const cloud = createSandboxCloud({ now: () => now });
    const schedule = await cloud.scheduler.getSchedule('default', 'lide-mix-get-assets');
    if (!schedule) throw new Error('missing schedule');
    const { State, Arn, CreationDate, LastModificationDate, ...rest } = schedule;
    expect(State).toBe('DISABLED');

    await cloud.scheduler.updateSchedule({ ...rest, State: undefined as never });

    const assets = await cloud.scheduler.getSchedule('default', 'lide-mix-get-assets');
    expect(assets?.State).toBe('ENABLED');
    expect([Arn, CreationDate, LastModificationDate].every(Boolean)).toBe(true);
  });

  it('rejects a start date in the past with a ValidationException', async () => {
    const cloud = createSandboxCloud({ now: () => now });
    const schedule = await cloud.scheduler.getSchedule('default', 'linde-mix-get-events');
    if (!schedule) throw new Error('missing schedule');

    await expect(cloud.scheduler.updateSchedule({
      ...schedule,
      StartDate: new Date('2025-06-01T00:00:00Z'),
    })).rejects.toMatchObject({ name: 'ValidationException' });
    const after = await cloud.scheduler.getSchedule('default', 'linde-mix-get-events');
    expect(after?.LastModificationDate).toEqual(schedule.LastModificationDate);
  });

  it('answers ResourceNotFoundException for an unknown schedule', async () => {
    const cloud = createSandboxCloud();
    const schedule = await cloud.scheduler.getSchedule('default', 'linde-mix-get-events');
    if (!schedule) throw new Error('missing schedule');

    await expect(cloud.scheduler.updateSchedule({ ...schedule, Name: 'nope' }))
      .rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('does not let callers change its state by editing what it returned', async () => {
    const cloud = createSandboxCloud();
    const schedule = await cloud.scheduler.getSchedule('default', 'linde-mix-get-events');
    if (schedule) schedule.State = 'DISABLED';

    const events = await cloud.scheduler.getSchedule('default', 'linde-mix-get-events');
    expect(events?.State).toBe('ENABLED');
  });

  it('lists the two EC2 instances and the three pm2 processes', async () => {
    let clock = Date.parse('2024-03-27T15:00:00Z');
    const cloud = createSandboxCloud({ now: () => new Date(clock) });

    expect((await cloud.ec2.listInstances()).map((i) => i.name))
      .toEqual(['flotas-application-develop', 'flotas-cron-arc']);
    const { commandId } = await cloud.cronHost.startCommand('pm2-list');
    clock += 60_000;
    const command = await cloud.cronHost.getCommand(commandId);
    const processes = command?.output?.kind === 'pm2-list' ? command.output.processes : [];
    expect(processes.map((p) => p.name))
      .toEqual(['Linde-Ocurrences', 'Linde-Locations', 'Linde-External']);
  });
});
