import { UpdateScheduleCommand } from '@aws-sdk/client-scheduler';
import { describe, expect, it } from 'vitest';
import { setScheduleState } from '../../actions/schedule-state.ts';
import { contractNow, contractSchedules } from '../contract/contract-schedules.ts';
import { createFakeSchedulerApi } from '../contract/fake-scheduler-api.ts';
import { createAwsScheduler } from './scheduler.ts';

const group = 'up-sync';
const name = 'linde-mix-get-events';

function setUp() {
  const api = createFakeSchedulerApi({ schedules: contractSchedules(), now: () => contractNow });
  const throttleWaits: number[] = [];
  const scheduler = createAwsScheduler(api.client, {
    random: () => 0.5, sleep: async (ms) => { throttleWaits.push(ms); },
  });
  const waits: number[] = [];
  const options = {
    now: contractNow, clientToken: 'tap-1', random: () => 0.5,
    sleep: async (ms: number) => { waits.push(ms); },
  };
  const writes = () => api.mock.commandCalls(UpdateScheduleCommand)
    .map((call) => call.args[0].input);
  const sent = () => api.mock.calls().map((call) => {
    const command = call.args[0] as object;
    return command.constructor.name.replace(/Command$/, '');
  });
  return { api, scheduler, options, writes, sent, waits, throttleWaits };
}

describe('setScheduleState against a conflicting writer', () => {
  it('rebuilds the write from a fresh read, keeping the other writer\'s change', async () => {
    const { api, scheduler, options, writes, sent, waits } = setUp();
    api.writeMeanwhile(group, name, { ScheduleExpression: 'rate(10 minutes)' });

    const change = await setScheduleState(scheduler, group, name, 'DISABLED', options);

    expect(sent()).toEqual([
      'GetSchedule', 'UpdateSchedule', 'GetSchedule', 'UpdateSchedule', 'GetSchedule',
    ]);
    expect(writes().map((input) => input.ScheduleExpression))
      .toEqual(['cron(0/5 * * * ? *)', 'rate(10 minutes)']);
    expect(writes()[1]?.State).toBe('DISABLED');
    expect(waits).toEqual([50]);
    expect(change).toMatchObject({ changed: true });
    expect(change.before.ScheduleExpression).toBe('rate(10 minutes)');
    expect(await scheduler.getSchedule(group, name))
      .toMatchObject({ State: 'DISABLED', ScheduleExpression: 'rate(10 minutes)' });
  });

  it('gives the rebuilt write a client token of its own', async () => {
    const { api, scheduler, options, writes } = setUp();
    api.writeMeanwhile(group, name, { Description: 'cambiada en la consola' });

    await setScheduleState(scheduler, group, name, 'DISABLED', options);

    const [first, second] = writes().map((input) => input.ClientToken);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toMatch(/^[0-9a-f]{64}$/);
    expect(second).not.toBe(first);
  });

  it('stops and reports no change when the other writer already paused it', async () => {
    const { api, scheduler, options, writes, sent } = setUp();
    api.writeMeanwhile(group, name, { State: 'DISABLED' });

    const change = await setScheduleState(scheduler, group, name, 'DISABLED', options);

    expect(change).toMatchObject({ changed: false, after: { State: 'DISABLED' } });
    expect(writes()).toHaveLength(1);
    expect(sent()).toEqual(['GetSchedule', 'UpdateSchedule', 'GetSchedule']);
  });

  it('fails with schedule_changed_meanwhile when the conflicts do not stop', async () => {
    const { api, scheduler, options, writes } = setUp();
    api.writeMeanwhile(group, name, { Description: 'otra vez' }, 4);

    await expect(setScheduleState(scheduler, group, name, 'DISABLED', options))
      .rejects.toMatchObject({ code: 'schedule_changed_meanwhile' });

    expect(writes()).toHaveLength(4);
    expect((await scheduler.getSchedule(group, name))?.State).toBe('ENABLED');
  });

  it('resends a throttled write unchanged, with the same client token', async () => {
    const { api, scheduler, options, writes } = setUp();
    api.failNext('UpdateSchedule', 'ThrottlingException');

    await setScheduleState(scheduler, group, name, 'DISABLED', options);

    const [first, second] = writes();
    expect(second).toEqual(first);
  });

  it('throttled and conflicting writes together retry at most three times', async () => {
    const { api, scheduler, options, writes, waits, throttleWaits } = setUp();
    api.failNext('UpdateSchedule', 'ThrottlingException', 2);
    api.writeMeanwhile(group, name, { Description: 'cambiada en la consola' }, 3);

    await expect(setScheduleState(scheduler, group, name, 'DISABLED', options))
      .rejects.toMatchObject({ code: 'schedule_changed_meanwhile' });

    const tokens = writes().map((input) => input.ClientToken);
    expect(tokens).toHaveLength(4);
    expect(new Set(tokens.slice(0, 3)).size).toBe(1);
    expect(tokens[3]).not.toBe(tokens[0]);
    expect([...throttleWaits, ...waits]).toEqual([50, 100, 200]);
    expect((await scheduler.getSchedule(group, name))?.State).toBe('ENABLED');
  });

  it('spends the same three retries on throttling that follows a conflict', async () => {
    const { api, scheduler, options, writes } = setUp();
    api.writeMeanwhile(group, name, { Description: 'cambiada en la consola' });
    const conflictWait = options.sleep;
    options.sleep = async (ms) => {
      api.failNext('UpdateSchedule', 'ThrottlingException', 5);
      await conflictWait(ms);
    };

    await expect(setScheduleState(scheduler, group, name, 'DISABLED', options)).rejects
      .toMatchObject({ code: 'cloud_unavailable', details: { awsError: 'ThrottlingException' } });

    expect(writes()).toHaveLength(4);
  });
});
