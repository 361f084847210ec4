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

    expect((await cloud.scheduler.getSchedule('default', 'lide-mix-get-assets'))?.State).toBe('ENABLED');
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

    expect((await cloud.scheduler.getSchedule('default', 'linde-mix-get-events'))?.State).toBe('ENABLED');
  });

  it('reports both RDS instances with CPU and connections near the runbook values', async () => {
    const cloud = createSandboxCloud({ random: () => 1 });

    const [primary, replica] = await cloud.rds.listDatabases();

    expect(primary).toMatchObject({ id: 'flotas-develop', role: 'primary', status: 'available' });
    expect(primary?.cpuPercent).toBeCloseTo(9.38, 2);
    expect(primary?.connections).toBe(8);
    expect(replica).toMatchObject({ id: 'flotas-develop-replica', role: 'replica' });
  });

  it('lists the two EC2 instances and the three pm2 processes', async () => {
    const cloud = createSandboxCloud();

    expect((await cloud.ec2.listInstances()).map((i) => i.name))
      .toEqual(['flotas-application-develop', 'flotas-cron-arc']);
    expect((await cloud.cronHost.listPm2Processes()).map((p) => p.name))
      .toEqual(['Linde-Ocurrences', 'Linde-Locations', 'Linde-External']);
  });
});
