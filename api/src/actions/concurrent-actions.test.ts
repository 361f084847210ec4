import { ModifyDBInstanceCommand } from '@aws-sdk/client-rds';
import { UpdateScheduleCommand } from '@aws-sdk/client-scheduler';
import { afterEach, describe, expect, it } from 'vitest';
import { createAwsRds } from '../cloud/aws/rds.ts';
import { createAwsScheduler } from '../cloud/aws/scheduler.ts';
import { contractSchedules, richSchedule } from '../cloud/contract/contract-schedules.ts';
import { createFakeRdsApi } from '../cloud/contract/fake-rds-api.ts';
import { createFakeSchedulerApi } from '../cloud/contract/fake-scheduler-api.ts';
import { createSandboxCronHost } from '../cloud/sandbox-cron-host.ts';
import { sandboxDatabaseSeeds } from '../cloud/sandbox-rds-inventory.ts';
import { createSandboxCloud } from '../cloud/sandbox.ts';
import type { Cloud } from '../cloud/types.ts';
import { createTestDeps, type TestDeps } from '../testing/index.ts';
import { startPm2Flush } from './flush-pm2.ts';
import { runGrowStorage } from './grow-storage.ts';
import { runScheduleAction, type ScheduleVerb } from './schedule-action.ts';

const now = new Date('2025-06-02T18:00:00Z');
const managed = 'up-sync/linde-mix-get-events';
const opened: TestDeps[] = [];

afterEach(async () => {
  // The first one made the database: it goes last, dropping it.
  for (const deps of opened.splice(0).reverse()) await deps.close();
});

/**
 * Two Lambda containers: each with its own adapters (and so its own in-process queue), both on
 * one AWS account and one PostgreSQL database.
 */
async function twoContainers(cloud: () => Partial<Cloud>): Promise<[TestDeps, TestDeps]> {
  const options = { now: () => now, config: { managedSchedules: [managed] } };
  const first = await createTestDeps({
    ...options, cloud: { ...createSandboxCloud(), ...cloud() },
  });
  opened.push(first);
  const second = await createTestDeps({
    ...options, cloud: { ...createSandboxCloud(), ...cloud() }, databaseUrl: first.database?.url,
  });
  opened.push(second);
  return [first, second];
}

async function audits(deps: TestDeps, action: string) {
  const { rows } = await deps.statePool.query<{
    before: { state?: string; status?: string } | null; after: { state?: string } | null;
    outcome: string; detail: string | null;
  }>(`SELECT before, after, outcome, detail FROM turno.audit_log WHERE action LIKE $1
       ORDER BY id`, [action]);
  return rows;
}

/** Both containers on one EventBridge Scheduler; `run(i, verb)` taps from container i. */
async function schedules() {
  const api = createFakeSchedulerApi({
    schedules: contractSchedules(richSchedule()), now: () => now,
  });
  const deps = await twoContainers(() => ({
    scheduler: createAwsScheduler(api.client, { sleep: async () => {} }),
  }));
  const run = Object.assign((index: 0 | 1, verb: ScheduleVerb) => runScheduleAction(deps[index], {
    principal: { user: `operador-${index}`, role: 'operator' },
    group: 'up-sync', name: 'linde-mix-get-events', verb, idempotencyKey: undefined,
  }), { deps });
  return { api, run };
}

describe('actions from two containers at once', () => {
  it('lets the second of two pauses see the first one\'s result and write nothing', async () => {
    const { api, run } = await schedules();

    await Promise.all([run(0, 'pause'), run(1, 'pause')]);

    expect(api.mock.commandCalls(UpdateScheduleCommand)).toHaveLength(1);
    expect(await audits(run.deps[0], 'schedule.%')).toMatchObject([
      { outcome: 'ok', before: { state: 'ENABLED' }, after: { state: 'DISABLED' }, detail: null },
      {
        outcome: 'ok', before: { state: 'DISABLED' }, after: { state: 'DISABLED' },
        detail: 'already in that state',
      },
    ]);
  });

  it('serialises a pause and a resume: the audit chain ends where the schedule is', async () => {
    const { api, run } = await schedules();

    await Promise.all([run(0, 'pause'), run(1, 'resume')]);

    const chain = await audits(run.deps[0], 'schedule.%');
    expect(chain.map((row) => row.outcome)).toEqual(['ok', 'ok']);
    expect(chain[1]?.before?.state).toBe(chain[0]?.after?.state);
    const scheduler = createAwsScheduler(api.client);
    const read = await scheduler.getSchedule('up-sync', 'linde-mix-get-events');
    expect(read?.State).toBe(chain[1]?.after?.state);
  });

  it('grows storage once when two admins confirm it at the same moment', async () => {
    const api = createFakeRdsApi({ databases: sandboxDatabaseSeeds(), now: () => now });
    const containers = await twoContainers(() => ({
      rds: createAwsRds({
        rds: api.rds, cloudwatch: api.cloudwatch, now: () => now,
        instanceIds: ['flotas-develop', 'flotas-develop-replica'],
      }),
    }));
    const grow = (deps: TestDeps, user: string) => runGrowStorage(deps, {
      principal: { user, role: 'admin' }, id: 'flotas-develop', targetGiB: undefined,
      confirm: 'flotas-develop', idempotencyKey: undefined,
    });

    const results = await Promise.allSettled([
      grow(containers[0], 'ana'), grow(containers[1], 'luis'),
    ]);

    expect(api.rdsMock.commandCalls(ModifyDBInstanceCommand)).toHaveLength(1);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const [done, refused] = await audits(containers[0], 'database.grow-storage');
    expect(done).toMatchObject({ outcome: 'ok', before: { status: 'available' } });
    expect(refused).toMatchObject({ outcome: 'failed', before: { status: 'modifying' } });
  });

  it('sends one pm2 flush when two operators tap it at the same moment', async () => {
    const cronHost = createSandboxCronHost({ now: () => now });
    const sent: string[] = [];
    const counting = {
      ...cronHost,
      instanceId: cronHost.instanceId,
      async startCommand(...args: Parameters<typeof cronHost.startCommand>) {
        sent.push(args[0]);
        return cronHost.startCommand(...args);
      },
    };
    const containers = await twoContainers(() => ({ cronHost: counting }));
    const flush = (deps: TestDeps, user: string) => startPm2Flush(deps, {
      principal: { user, role: 'operator' }, idempotencyKey: undefined,
    });

    const results = await Promise.allSettled([
      flush(containers[0], 'ana'), flush(containers[1], 'luis'),
    ]);

    expect(sent).toEqual(['pm2-flush']);
    const refusal = results.find((result) => result.status === 'rejected');
    expect(refusal?.status === 'rejected' && refusal.reason).toMatchObject({
      code: 'action_in_progress',
    });
    const rows = await audits(containers[0], 'cron-host.pm2-flush');
    expect(rows.map((row) => [row.outcome, row.detail?.replace(/[0-9a-f-]{36}/, 'id')]))
      .toEqual([['ok', 'ssm command id: pending'], ['failed', 'action_in_progress']]);
  });
});
