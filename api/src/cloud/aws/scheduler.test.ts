import {
  GetScheduleCommand, ListScheduleGroupsCommand, ListSchedulesCommand, UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import { describe, expect, it } from 'vitest';
import { setScheduleState } from '../../actions/schedule-state.ts';
import { contractNow, contractSchedules, richSchedule } from '../contract/contract-schedules.ts';
import { createFakeSchedulerApi } from '../contract/fake-scheduler-api.ts';
import type { ScheduleDocument } from '../types.ts';
import { createAwsScheduler } from './scheduler.ts';

function setUp(schedules: ScheduleDocument[] = contractSchedules(), emptyGroups: string[] = []) {
  const api = createFakeSchedulerApi({ schedules, now: () => contractNow, emptyGroups });
  const waits: number[] = [];
  const scheduler = createAwsScheduler(api.client, {
    sleep: async (ms) => { waits.push(ms); },
    random: () => 0.5,
  });
  const sent = () => api.mock.calls().map((call) => {
    const command = call.args[0] as object;
    return command.constructor.name.replace(/Command$/, '');
  });
  return { api, scheduler, waits, sent };
}

function update(fields: Partial<ScheduleDocument> = {}) {
  const { Arn, CreationDate, LastModificationDate, ...writable } = richSchedule(fields);
  return { ...writable, State: 'DISABLED' as const, ClientToken: 'tap-1' };
}

describe('createAwsScheduler', () => {
  it('sends UpdateSchedule with exactly the update\'s fields and client token', async () => {
    const { api, scheduler } = setUp();

    await scheduler.updateSchedule(update());

    const input = api.mock.commandCalls(UpdateScheduleCommand)[0]?.args[0].input;
    expect(input).toEqual({
      Name: 'linde-mix-get-events',
      GroupName: 'up-sync',
      State: 'DISABLED',
      Description: 'Eventos de MiX para Linde',
      ScheduleExpression: 'cron(0/5 * * * ? *)',
      ScheduleExpressionTimezone: 'America/Mexico_City',
      StartDate: new Date('2025-07-01T00:00:00Z'),
      EndDate: new Date('2026-01-01T00:00:00Z'),
      FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 5 },
      KmsKeyArn: 'arn:aws:kms:us-east-1:111122223333:key/abcd-1234',
      ActionAfterCompletion: 'NONE',
      Target: {
        Arn: 'arn:aws:lambda:us-east-1:111122223333:function:linde-mix-get-events',
        RoleArn: 'arn:aws:iam::111122223333:role/up-scheduler-invoke',
        Input: '{"dataSource":1,"batch":50}',
        RetryPolicy: { MaximumEventAgeInSeconds: 600, MaximumRetryAttempts: 3 },
        DeadLetterConfig: { Arn: 'arn:aws:sqs:us-east-1:111122223333:up-sync-dlq' },
      },
      ClientToken: 'tap-1',
    });
  });

  it('lists schedules across two pages of groups and two pages of schedules', async () => {
    const { api, scheduler } = setUp(contractSchedules(), ['a-empty', 'z-empty']);

    const listed = await scheduler.listSchedules();

    expect(listed).toHaveLength(5);
    const groupCalls = api.mock.commandCalls(ListScheduleGroupsCommand);
    expect(groupCalls.map((call) => call.args[0].input.NextToken)).toEqual([
      undefined, expect.any(String),
    ]);
    const listCalls = api.mock.commandCalls(ListSchedulesCommand).map((call) => call.args[0].input);
    // The groups are read side by side, so only each group's own pages come in order.
    expect(listCalls.map((input) => [input.GroupName, input.NextToken !== undefined]).sort())
      .toEqual([
        ['a-empty', false], ['default', false], ['default', true], ['up-sync', false],
        ['z-empty', false],
      ]);
    expect(listed.map((schedule) => schedule.GroupName))
      .toEqual([...listed.map((schedule) => schedule.GroupName)].sort());
    expect(listCalls.every((input) => input.MaxResults === 100)).toBe(true);
  });

  it('keeps the parameters of a non-Lambda target through a pause', async () => {
    const sqs = richSchedule({
      Target: {
        Arn: 'arn:aws:sqs:us-east-1:111122223333:up-positions.fifo',
        RoleArn: 'arn:aws:iam::111122223333:role/up-scheduler-invoke',
        RetryPolicy: { MaximumEventAgeInSeconds: 86_400, MaximumRetryAttempts: 185 },
        SqsParameters: { MessageGroupId: 'positions' },
      } as ScheduleDocument['Target'],
    });
    const { api, scheduler } = setUp([sqs]);

    await setScheduleState(scheduler, 'up-sync', sqs.Name, 'DISABLED', { now: contractNow });

    const sentTarget = api.mock.commandCalls(UpdateScheduleCommand)[0]?.args[0].input.Target;
    expect(sentTarget).toMatchObject({ SqsParameters: { MessageGroupId: 'positions' } });
    expect((await scheduler.getSchedule('up-sync', sqs.Name))?.Target)
      .toMatchObject({ SqsParameters: { MessageGroupId: 'positions' } });
  });

  it('resends a throttled UpdateSchedule with the same client token, then succeeds', async () => {
    const { api, scheduler, waits } = setUp();
    api.failNext('UpdateSchedule', 'ThrottlingException');

    await scheduler.updateSchedule(update());

    const tokens = api.mock.commandCalls(UpdateScheduleCommand)
      .map((call) => call.args[0].input.ClientToken);
    expect(tokens).toEqual(['tap-1', 'tap-1']);
    expect(waits).toEqual([50]);
    expect((await scheduler.getSchedule('up-sync', 'linde-mix-get-events'))?.State)
      .toBe('DISABLED');
  });

  it('never resends an UpdateSchedule refused with a ConflictException', async () => {
    const { api, scheduler, waits } = setUp();
    api.failNext('UpdateSchedule', 'ConflictException');

    await expect(scheduler.updateSchedule(update()))
      .rejects.toMatchObject({ name: 'ConflictException' });

    expect(api.mock.commandCalls(UpdateScheduleCommand)).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('gives up after three retries and keeps the AWS error name', async () => {
    const { api, scheduler, waits } = setUp();
    api.failNext('UpdateSchedule', 'ThrottlingException', 4);

    await expect(scheduler.updateSchedule(update()))
      .rejects.toMatchObject({ name: 'ThrottlingException' });

    expect(api.mock.commandCalls(UpdateScheduleCommand)).toHaveLength(4);
    expect(waits).toEqual([50, 100, 200]);
  });

  it('retries throttled reads and pages as well', async () => {
    const { api, scheduler } = setUp();
    api.failNext('ListSchedules', 'ThrottlingException', 2);
    api.failNext('GetSchedule', 'ThrottlingException');

    expect(await scheduler.listSchedules()).toHaveLength(5);
    expect(await scheduler.getSchedule('up-sync', 'linde-mix-get-events')).toEqual(richSchedule());
  });

  it('does not retry a ValidationException', async () => {
    const { api, scheduler, waits } = setUp();

    await expect(scheduler.updateSchedule(update({ StartDate: new Date('2024-01-01') })))
      .rejects.toMatchObject({ name: 'ValidationException' });

    expect(api.mock.commandCalls(UpdateScheduleCommand)).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('sends one generated client token on every retry when the caller gave none', async () => {
    const { api, scheduler } = setUp();
    api.failNext('UpdateSchedule', 'ThrottlingException');
    const { ClientToken, ...withoutToken } = update();

    await scheduler.updateSchedule(withoutToken);

    const tokens = api.mock.commandCalls(UpdateScheduleCommand)
      .map((call) => call.args[0].input.ClientToken);
    expect(tokens[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(tokens[1]).toBe(tokens[0]);
  });

  it('never interleaves two concurrent pauses of one schedule', async () => {
    const { scheduler, sent } = setUp();

    const changes = await Promise.all([
      setScheduleState(scheduler, 'up-sync', 'linde-mix-get-events', 'DISABLED'),
      setScheduleState(scheduler, 'up-sync', 'linde-mix-get-events', 'DISABLED'),
    ]);

    expect(sent()).toEqual(['GetSchedule', 'UpdateSchedule', 'GetSchedule', 'GetSchedule']);
    expect(changes.map((change) => change.changed)).toEqual([true, false]);
  });

  it('applies a pause and a resume asked at once in the order they were asked', async () => {
    const { scheduler, sent } = setUp();

    await Promise.all([
      setScheduleState(scheduler, 'up-sync', 'linde-mix-get-events', 'DISABLED'),
      setScheduleState(scheduler, 'up-sync', 'linde-mix-get-events', 'ENABLED'),
    ]);

    expect(sent()).toEqual([
      'GetSchedule', 'UpdateSchedule', 'GetSchedule',
      'GetSchedule', 'UpdateSchedule', 'GetSchedule',
    ]);
    expect((await scheduler.getSchedule('up-sync', 'linde-mix-get-events'))?.State)
      .toBe('ENABLED');
  });

  it('lets changes to different schedules run side by side', async () => {
    const { scheduler, sent } = setUp();

    await Promise.all([
      setScheduleState(scheduler, 'up-sync', 'linde-mix-get-events', 'DISABLED'),
      setScheduleState(scheduler, 'default', 'lide-mix-get-assets', 'DISABLED'),
    ]);

    expect(sent().slice(0, 2)).toEqual(['GetSchedule', 'GetSchedule']);
  });

  it('answers null for a missing schedule and asks GetSchedule by group and name', async () => {
    const { api, scheduler } = setUp();

    expect(await scheduler.getSchedule('default', 'no-such-schedule')).toBeNull();
    expect(api.mock.commandCalls(GetScheduleCommand)[0]?.args[0].input)
      .toEqual({ GroupName: 'default', Name: 'no-such-schedule' });
  });
});
