import { afterEach, describe, expect, it } from 'vitest';
import { toScheduleUpdate } from '../../actions/schedule-update.ts';
import type { SchedulerPort } from '../../cloud/types.ts';
import { insertSyncError } from '../../watcher/fixtures.ts';
import { runWatcherOnce } from '../../watcher/run.ts';
import { allFunctionsProbe } from './all-functions-probe.ts';
import { setUpInfra, type InfraTest } from './test-setup.ts';

const minute = 60_000;
/** The sandbox's enabled managed schedules start these; two more schedules are paused. */
const enabled = [
  'linde-guardian-positions', 'linde-mix-get-active-events', 'linde-mix-get-events',
  'linde-mix-get-positions', 'up-update-active-events',
];
let test: InfraTest | undefined;

afterEach(async () => {
  await test?.deps.close();
  test = undefined;
});

async function setUp() {
  test = await setUpInfra((config) => [allFunctionsProbe(config.allFunctions)]);
  await runWatcherOnce(test.deps); // the seed rows are history: only new rows count below
  return test;
}

async function failing(t: InfraTest, functions: string[], minutesAgo = 2) {
  for (const functionName of functions) {
    await insertSyncError(t.deps.statePool, {
      text: 'connect ECONNREFUSED 10.0.3.25:5432', functionName,
      at: new Date(t.clock.now.getTime() - minutesAgo * minute),
    });
  }
}

/** Gives a sandbox schedule an end date, the way an update in the AWS console would. */
async function endSchedule(scheduler: SchedulerPort, name: string, at: Date) {
  const schedule = await scheduler.getSchedule('default', name);
  if (!schedule) throw new Error(`the sandbox lost ${name}`);
  await scheduler.updateSchedule({ ...toScheduleUpdate(schedule, at), EndDate: at });
}

describe('the all-functions probe', () => {
  it('opens one critical alert (card T.12) when every enabled function failed in 10 minutes',
    async () => {
      const t = await setUp();
      await failing(t, enabled);
      t.advance(minute);

      const report = await runWatcherOnce(t.deps);

      const [alert] = (await t.alerts()).filter((a) => a.category === 'all-functions-failing');
      expect(report.probes?.opened).toContain(alert?.id);
      expect(alert).toMatchObject({
        key: 'all-functions-failing', card: 'T.12', severity: 'critical', state: 'open',
        resources: enabled,
        detail: {
          functions: 5, windowMinutes: 10, errors: 5, commonCategory: 'database-unreachable',
          commonCard: 'T.1',
        },
      });
      expect(await t.lastRun('all-functions')).toMatchObject({
        outcome: 'problem', summary: { functions: 5, failing: 5 },
      });
    });

  it('opens nothing while one enabled function still works', async () => {
    const t = await setUp();
    await failing(t, enabled.slice(1));
    t.advance(minute);

    await runWatcherOnce(t.deps);

    expect((await t.alerts()).map((a) => a.category)).not.toContain('all-functions-failing');
    expect((await t.lastRun('all-functions'))?.summary).toMatchObject({ failing: 4 });
  });

  it('counts only errors inside the window', async () => {
    const t = await setUp();
    await failing(t, enabled.slice(0, 1), 12);
    await failing(t, enabled.slice(1));
    t.advance(minute);

    await runWatcherOnce(t.deps);

    expect((await t.lastRun('all-functions'))?.summary).toMatchObject({ failing: 4 });
  });

  it('resolves once a function has gone a window without errors', async () => {
    const t = await setUp();
    await failing(t, enabled);
    t.advance(minute);
    await runWatcherOnce(t.deps);

    t.advance(6 * minute);
    await failing(t, enabled.slice(1), 0);
    t.advance(6 * minute);
    const report = await runWatcherOnce(t.deps);

    const [alert] = (await t.alerts()).filter((a) => a.category === 'all-functions-failing');
    expect(report.probes?.resolved).toContain(alert?.id);
    expect(alert).toMatchObject({ state: 'resolved', resolvedBy: 'probe:all-functions' });
  });

  it('leaves out an enabled schedule past its end date, which starts its function no more',
    async () => {
      const t = await setUp();
      const [ended = '', ...working] = enabled;
      await endSchedule(t.cloud.scheduler, ended, t.clock.now);
      await failing(t, working);
      t.advance(minute);

      await runWatcherOnce(t.deps);

      const [alert] = (await t.alerts()).filter((a) => a.category === 'all-functions-failing');
      expect(alert).toMatchObject({ state: 'open', resources: working });
      expect((await t.lastRun('all-functions'))?.summary)
        .toMatchObject({ functions: 4, failing: 4 });
    });

  it('reads a schedule\'s end date again only after the schedule changed', async () => {
    const t = await setUp(); // its first run has read every enabled managed schedule
    const reads: string[] = [];
    const { scheduler } = t.cloud;
    const getSchedule = scheduler.getSchedule.bind(scheduler);
    scheduler.getSchedule = async (group, name) => {
      reads.push(name);
      return getSchedule(group, name);
    };

    t.advance(minute);
    await runWatcherOnce(t.deps);
    const whileUnchanged = [...reads];
    await endSchedule(scheduler, 'linde-mix-get-events', new Date(t.clock.now.getTime() + 1));
    const changedAt = reads.length;
    t.advance(minute);
    await runWatcherOnce(t.deps);

    expect(whileUnchanged).toEqual([]);
    expect(reads.slice(changedAt)).toEqual(['linde-mix-get-events']);
    expect((await t.lastRun('all-functions'))?.summary).toMatchObject({ functions: 4 });
  });
});
