import { afterEach, describe, expect, it } from 'vitest';
import type { DatabaseInstance } from '../../cloud/rds.ts';
import { insertSyncError } from '../../watcher/fixtures.ts';
import { runWatcherOnce } from '../../watcher/run.ts';
import { rdsProbe } from './rds-probe.ts';
import { databaseDown } from './rds-status.ts';
import { setUpInfra, type InfraTest } from './test-setup.ts';

let test: InfraTest | undefined;

afterEach(async () => {
  await test?.deps.close();
  test = undefined;
});

/** The sandbox's databases, with RDS reporting `statuses` for some of them. */
async function setUp(statuses: Record<string, string>) {
  test = await setUpInfra((config) => [rdsProbe(config.rds)]);
  const { cloud } = test;
  const listDatabases = async (): Promise<DatabaseInstance[]> => (await cloud.rds.listDatabases())
    .map((db) => ({ ...db, status: statuses[db.id] ?? db.status }));
  test.deps.cloud = { ...cloud, rds: { ...cloud.rds, listDatabases } };
  return test;
}

describe('the RDS probe on the instance status', () => {
  it.each(['stopped', 'rebooting', 'failed', 'inaccessible-encryption-credentials', 'starting'])(
    'opens a critical "database down" alert (card T.1) when the primary is %s',
    async (status) => {
      const t = await setUp({ 'flotas-develop': status });

      const report = await t.run();

      expect(report.opened).toHaveLength(1);
      const [alert] = await t.alerts();
      expect(alert).toMatchObject({
        category: 'rds-unavailable', key: 'database-unreachable', card: 'T.1',
        severity: 'critical', resources: ['flotas-develop'],
        detail: { database: 'flotas-develop', role: 'primary', status },
      });
    });

  it.each(['modifying', 'backing-up', 'storage-optimization', 'available', 'upgrading'])(
    'opens nothing while the primary is %s: it still serves', async (status) => {
      const t = await setUp({ 'flotas-develop': status });

      expect((await t.run()).opened).toEqual([]);
      expect(databaseDown(status)).toBe(false);
    });

  it('calls a replica that is rebooting high, not critical', async () => {
    const t = await setUp({ 'flotas-develop-replica': 'rebooting' });

    await t.run();

    expect(await t.alerts()).toMatchObject([{
      category: 'rds-unavailable', severity: 'high', resources: ['flotas-develop-replica'],
    }]);
  });

  it('is one alert with the Sync_error rows that could still say the database refused them',
    async () => {
      const t = await setUp({ 'flotas-develop': 'stopped' });
      await runWatcherOnce(t.deps);
      const functions = [
        'linde-mix-get-events', 'linde-mix-get-positions', 'linde-mix-get-events',
      ];
      for (const functionName of functions) {
        await insertSyncError(t.deps.statePool, {
          text: 'connect ECONNREFUSED 10.0.3.25:5432', at: t.clock.now, functionName,
        });
      }
      t.advance(60_000);

      await runWatcherOnce(t.deps);

      const alerts = await t.alerts();
      expect(alerts).toHaveLength(1);
      // Three rows and the probe's two looks.
      expect(alerts[0]).toMatchObject({
        key: 'database-unreachable', severity: 'critical', count: 5,
        resources: ['flotas-develop', 'linde-mix-get-events', 'linde-mix-get-positions'],
      });
      const { rows } = await t.deps.statePool.query<{ origins: string[] }>(
        'SELECT origins FROM turno.alerts',
      );
      expect(rows[0]?.origins.sort()).toEqual(['probe:rds', 'sync-error']);
    });
});
