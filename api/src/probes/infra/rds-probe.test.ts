import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { bearer, signIn } from '../../testing/index.ts';
import { insertSyncError } from '../../watcher/fixtures.ts';
import { runWatcherOnce } from '../../watcher/run.ts';
import { rdsProbe } from './rds-probe.ts';
import { setUpInfra, type InfraTest } from './test-setup.ts';

const minute = 60_000;
let test: InfraTest | undefined;

afterEach(async () => {
  await test?.deps.close();
  test = undefined;
});

async function setUp() {
  test = await setUpInfra((config) => [rdsProbe(config.rds)]);
  return test;
}

const ago = (t: InfraTest, minutes: number) => new Date(t.clock.now.getTime() - minutes * minute);

describe('rds probe', () => {
  it('opens rds-cpu-high after ten minutes over the red line, naming the function failing most',
    async () => {
      const t = await setUp();
      await runWatcherOnce(t.deps);
      for (const [fn, count] of [['linde-mix-get-positions', 3], ['linde-mix-get-events', 1]]) {
        for (let i = 0; i < Number(count); i += 1) {
          await insertSyncError(t.deps.statePool, {
            text: 'timeout of 3000ms exceeded', at: ago(t, 2 + i), functionName: String(fn),
          });
        }
      }
      t.cloud.rds.drills.spikeCpu('flotas-develop', 95, ago(t, 12));
      t.advance(minute);

      const report = await runWatcherOnce(t.deps);

      expect(report.probes?.opened).toHaveLength(1);
      const [alert] = (await t.alerts()).filter((a) => a.category === 'rds-cpu-high');
      expect(alert).toMatchObject({
        key: 'rds-cpu-high:flotas-develop', card: '5.1', severity: 'high', state: 'open',
        resources: ['flotas-develop', 'linde-mix-get-positions'],
        detail: {
          database: 'flotas-develop', cpuPercent: 95, redLinePercent: 80,
          function: 'linde-mix-get-positions', functionErrors: 3,
        },
      });
    });

  it('waits out a short spike and opens once it has lasted the window', async () => {
    const t = await setUp();
    t.cloud.rds.drills.spikeCpu('flotas-develop', 91, ago(t, 3));

    expect((await t.run()).opened).toEqual([]);
    expect((await t.lastRun('rds'))?.summary).toMatchObject({ maxCpuPercent: 91 });

    t.advance(8 * minute);
    const later = await t.run();

    expect(later.opened).toHaveLength(1);
    const [alert] = await t.alerts();
    expect(alert).toMatchObject({ category: 'rds-cpu-high', detail: { function: null } });
  });

  it('resolves the CPU alert once the load is gone', async () => {
    const t = await setUp();
    t.cloud.rds.drills.spikeCpu('flotas-develop-replica', 99, ago(t, 20));
    const { opened } = await t.run();

    t.cloud.rds.drills.reset();
    t.advance(2 * minute);
    const report = await t.run();

    expect(report.resolved).toEqual(opened);
    expect((await t.lastRun('rds'))?.outcome).toBe('ok');
  });

  it('names only the function failing most now, not every one that ever did', async () => {
    const t = await setUp();
    await runWatcherOnce(t.deps);
    const fail = async (functionName: string) => {
      for (let i = 0; i < 2; i += 1) {
        await insertSyncError(t.deps.statePool, {
          text: 'timeout of 3000ms exceeded', at: ago(t, 1 + i), functionName,
        });
      }
    };
    t.cloud.rds.drills.spikeCpu('flotas-develop', 95, ago(t, 12));
    await fail('linde-mix-get-positions');
    t.advance(minute);
    await runWatcherOnce(t.deps);
    const cpuAlert = async () => (await t.alerts()).find((a) => a.category === 'rds-cpu-high');
    expect((await cpuAlert())?.resources).toEqual(['flotas-develop', 'linde-mix-get-positions']);

    t.advance(20 * minute);
    await fail('linde-guardian-positions');
    t.advance(minute);
    await runWatcherOnce(t.deps);

    expect(await cpuAlert()).toMatchObject({
      state: 'open', resources: ['flotas-develop', 'linde-guardian-positions'],
      detail: { function: 'linde-guardian-positions' },
    });
  });

  it('opens card 4.1 under 10 % free storage and resolves it once storage grows', async () => {
    const t = await setUp();
    t.cloud.rds.drills.setFreeStoragePercent('flotas-develop', 7);

    const { opened } = await t.run();

    const [alert] = await t.alerts();
    expect(alert).toMatchObject({
      key: 'rds-storage-low:flotas-develop', category: 'rds-storage-low', card: '4.1',
      detail: { freePercent: 7, freeGiB: 7, allocatedGiB: 100, lowPercent: 10 },
    });
    await t.deps.cloud.rds.modifyStorage({ id: 'flotas-develop', allocatedStorageGiB: 120 });
    t.advance(minute);
    expect((await t.run()).resolved).toEqual(opened);
  });

  it('opens card 4.1 before the disk fills when free storage runs out within a day',
    async () => {
      const t = await setUp();
      t.cloud.rds.drills.drainStorage('flotas-develop', 1.5, ago(t, 3 * 60));

      await t.run();

      const [alert] = await t.alerts();
      expect(alert?.category).toBe('rds-storage-low');
      expect(alert?.detail?.freePercent).toBeCloseTo(18, 0);
      expect(alert?.detail?.hoursToFull).toBeCloseTo(12, 0);
      expect((await t.lastRun('rds'))?.summary?.hoursToFull).toBeCloseTo(12, 0);
    });

  it('leaves a slow fill alone', async () => {
    const t = await setUp();
    t.cloud.rds.drills.drainStorage('flotas-develop', 0.5, ago(t, 3 * 60));

    expect((await t.run()).opened).toEqual([]);
  });

  it('opens a critical alert for storage-full, instead of the low-storage one', async () => {
    const t = await setUp();
    t.cloud.rds.drills.setFreeStoragePercent('flotas-develop', 0);

    await t.run();

    const alerts = await t.alerts();
    expect(alerts.map((a) => [a.category, a.card, a.severity])).toEqual([
      ['rds-storage-full', '4.1', 'critical'],
    ]);
    expect(alerts[0]?.detail).toMatchObject({ status: 'storage-full', freeGiB: 0 });
    expect((await t.lastRun('rds'))?.summary).toMatchObject({ notAvailable: 1 });
  });

  it('sees storage grown through Turno on its next pass, the instance modifying, no longer full',
    async () => {
      const t = await setUp();
      t.cloud.rds.drills.setFreeStoragePercent('flotas-develop', 0);
      const { opened } = await t.run();
      const app = createApp(t.deps);
      const grown = await app.request('/api/databases/flotas-develop/grow-storage', {
        method: 'POST',
        headers: { ...bearer(await signIn(app, 'admin')), 'content-type': 'application/json' },
        body: JSON.stringify({ confirm: 'flotas-develop' }),
      });
      expect(grown.status).toBe(200);

      t.advance(10_000);
      const report = await t.run();

      expect(report.ran).toEqual(['rds']);
      expect(report.resolved).toEqual(opened);
      expect((await t.lastRun('rds'))?.summary).toMatchObject({ notAvailable: 1 });
    });

  it('is one alert with UP\'s "No space left on device" rows, pushed once', async () => {
    const t = await setUp();
    await runWatcherOnce(t.deps);
    t.cloud.rds.drills.setFreeStoragePercent('flotas-develop', 0);
    for (let i = 0; i < 3; i += 1) {
      await insertSyncError(t.deps.statePool, {
        text: 'could not extend file "base/16398/1160232.23": No space left on device',
        at: ago(t, i), functionName: 'linde-mix-get-events',
      });
    }
    t.advance(minute);

    const report = await runWatcherOnce(t.deps);

    expect(report.opened).toHaveLength(1);
    expect(report.probes?.updated).toEqual(report.opened);
    expect(await t.alerts()).toMatchObject([{
      key: 'database-disk-full', card: '4.1', severity: 'critical', count: 4,
      resources: ['flotas-develop', 'linde-mix-get-events'],
    }]);
    expect(report.pushed).toEqual(report.opened);
  });

  it('reports a healthy account in its summary and opens nothing', async () => {
    const t = await setUp();

    const report = await t.run();

    expect(report).toMatchObject({ ran: ['rds'], opened: [] });
    expect((await t.lastRun('rds'))?.summary).toEqual({
      databases: 2, notAvailable: 0, maxCpuPercent: 8.4, minFreeStoragePercent: 18,
      hoursToFull: null,
    });
  });
});
