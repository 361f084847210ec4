import { afterEach, describe, expect, it } from 'vitest';
import { createAwsScheduler } from '../cloud/aws/scheduler.ts';
import { contractSchedules, richSchedule } from '../cloud/contract/contract-schedules.ts';
import { createFakeSchedulerApi } from '../cloud/contract/fake-scheduler-api.ts';
import { createSandboxCloud } from '../cloud/sandbox.ts';
import type { ScheduleDocument } from '../cloud/types.ts';
import { createTestDeps, type TestDeps } from '../testing/index.ts';
import { runScheduleAction, type ScheduleVerb } from './schedule-action.ts';

let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

const now = new Date('2025-06-02T18:00:00Z');
const principal = { user: 'operador', role: 'operator' as const };

/** Deps whose cloud reaches a fake EventBridge Scheduler through the AWS adapter. */
async function overAws(schedule: ScheduleDocument) {
  const api = createFakeSchedulerApi({ schedules: contractSchedules(schedule), now: () => now });
  const cloud = { ...createSandboxCloud(), kind: 'aws' as const,
    scheduler: createAwsScheduler(api.client, { sleep: async () => {} }) };
  deps = await createTestDeps({
    cloud, now: () => now, config: { managedSchedules: ['up-sync/linde-mix-get-events'] },
  });
  const run = (verb: ScheduleVerb) => runScheduleAction(deps as TestDeps, {
    principal, group: 'up-sync', name: 'linde-mix-get-events', verb, idempotencyKey: undefined,
  });
  return { api, run };
}

describe('runScheduleAction over the AWS adapter', () => {
  it('records in the audit that a start date already past was dropped', async () => {
    const { run } = await overAws(richSchedule({ StartDate: new Date('2024-01-01T00:00:00Z') }));

    const result = await run('pause');

    expect(result.schedule).toMatchObject({ state: 'DISABLED', firesNever: false });
    expect(result.audit).toMatchObject({
      outcome: 'ok',
      detail: 'start date 2024-01-01T00:00:00.000Z dropped: it had passed',
      before: { state: 'ENABLED', startDate: '2024-01-01T00:00:00.000Z' },
      after: { state: 'DISABLED', startDate: null, endDate: '2026-01-01T00:00:00.000Z' },
    });
  });

  it('leaves the audit detail empty when the start date is still ahead', async () => {
    const { run } = await overAws(richSchedule());

    const result = await run('pause');

    expect(result.audit).toMatchObject({
      detail: null, after: { state: 'DISABLED', startDate: '2025-07-01T00:00:00.000Z' },
    });
  });

  it('never interleaves a pause and a resume tapped at once on one schedule', async () => {
    const { api, run } = await overAws(richSchedule());

    const results = await Promise.all([run('pause'), run('resume')]);

    const sent = api.mock.calls().map((call) => (call.args[0] as object).constructor.name);
    expect(sent).toEqual([
      'GetScheduleCommand', 'UpdateScheduleCommand', 'GetScheduleCommand',
      'GetScheduleCommand', 'UpdateScheduleCommand', 'GetScheduleCommand',
    ]);
    expect(results.map((r) => r.schedule.state)).toEqual(['DISABLED', 'ENABLED']);
  });
});

describe('runScheduleAction and the paused-schedules probe', () => {
  it('still reports the pause done when it cannot make the probe due', async () => {
    deps = await createTestDeps({ now: () => now });
    await deps.statePool.query('ALTER TABLE turno.probe_runs RENAME TO probe_runs_gone');

    const result = await runScheduleAction(deps, {
      principal, group: 'default', name: 'linde-mix-get-events', verb: 'pause',
      idempotencyKey: undefined,
    });

    expect(result.schedule.state).toBe('DISABLED');
    expect(result.audit).toMatchObject({ outcome: 'ok', after: { state: 'DISABLED' } });
  });
});
