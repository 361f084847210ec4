import webPush from 'web-push';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseInstance } from '../cloud/rds.ts';
import { createSubscriptionStore } from '../db/subscriptions.ts';
import { createLogger } from '../log.ts';
import { addDevice, setRotation } from '../notify/fixtures.ts';
import { saveQuietHours } from '../notify/quiet-store.ts';
import { allFunctionsProbe } from '../probes/infra/all-functions-probe.ts';
import { rdsProbe } from '../probes/infra/rds-probe.ts';
import { setUpInfra, type InfraTest } from '../probes/infra/test-setup.ts';
import { createWebPushSender } from '../push/sender.ts';
import { startPushService, type PushService } from '../push/testing/push-service.ts';
import { insertSyncError } from './fixtures.ts';
import { runWatcherOnce } from './run.ts';

const minute = 60_000;
let service: PushService;
let test: InfraTest | undefined;

beforeAll(async () => {
  service = await startPushService();
});
afterAll(() => service.close());
afterEach(async () => {
  await test?.deps.close();
  test = undefined;
});

/**
 * The RDS and all-functions probes over the sandbox, the real web-push sender aimed at the
 * local push service, and ana on call, beto after her, both with quiet hours from 22:00 to
 * 7:00, at 23:00.
 */
async function setUp(primaryStatus: string) {
  test = await setUpInfra((config) => [
    rdsProbe(config.rds), allFunctionsProbe(config.allFunctions),
  ]);
  const t = test;
  // Wednesday 23:00 in Mexico City.
  t.clock.now = new Date('2026-01-08T05:00:00Z');
  const { cloud } = t;
  const listDatabases = async (): Promise<DatabaseInstance[]> =>
    (await cloud.rds.listDatabases()).map((db) => (db.role === 'primary'
      ? { ...db, status: primaryStatus } : db));
  t.deps.cloud = { ...cloud, rds: { ...cloud.rds, listDatabases } };
  const vapid = { ...webPush.generateVAPIDKeys(), subject: 'mailto:guardia@example.com' };
  t.deps.pusher = createWebPushSender(createSubscriptionStore(t.deps.statePool), vapid, {
    ttlSeconds: 60, log: createLogger({ level: 'silent' }), agent: service.agent,
  });
  const phone = service.subscribe();
  await addDevice(t.deps.statePool, 'ana', phone.json);
  await setRotation(t.deps.statePool, ['ana', 'beto'], t.clock.now);
  for (const user of ['ana', 'beto']) {
    await saveQuietHours(t.deps.statePool, user, { startHour: 22, endHour: 7 }, t.clock.now);
  }
  const got = () => service.received.filter((push) => push.id === phone.id)
    .map((push) => (push.payload as { alertId: string }).alertId);
  return { t, got };
}

async function outcomes(t: InfraTest, category: string) {
  const { rows } = await t.deps.statePool.query<{ outcome: string }>(
    `SELECT n.outcome FROM turno.notifications n JOIN turno.alerts a ON a.id = n.alert_id
      WHERE a.category = $1 ORDER BY n.step`,
    [category],
  );
  return rows.map((row) => row.outcome);
}

describe('critical alerts in quiet hours', () => {
  it('reach a person in quiet hours when the database is down, and a warning does not',
    async () => {
      const { t, got } = await setUp('stopped');
      t.cloud.rds.drills.setFreeStoragePercent('flotas-develop-replica', 5);

      await runWatcherOnce(t.deps);

      const alerts = await t.alerts();
      const down = alerts.find((a) => a.category === 'rds-unavailable');
      const low = alerts.find((a) => a.category === 'rds-storage-low');
      expect(down).toMatchObject({ severity: 'critical' });
      expect(low).toMatchObject({ severity: 'high', state: 'open' });
      expect(got()).toEqual([down?.id]);
      expect(await outcomes(t, 'rds-unavailable')).toEqual(['sent']);
      expect(await outcomes(t, 'rds-storage-low')).toEqual(['quiet']);
    });

  it('reach a person in quiet hours when every function is failing', async () => {
    const { t, got } = await setUp('available');
    await runWatcherOnce(t.deps);
    const functions = [
      'linde-guardian-positions', 'linde-mix-get-active-events', 'linde-mix-get-events',
      'linde-mix-get-positions', 'up-update-active-events',
    ];
    for (const functionName of functions) {
      await insertSyncError(t.deps.statePool, {
        text: 'timeout of 3000ms exceeded', functionName, at: t.clock.now,
      });
    }
    t.advance(minute);

    await runWatcherOnce(t.deps);

    const alerts = await t.alerts();
    const all = alerts.find((a) => a.category === 'all-functions-failing');
    const timeouts = alerts.find((a) => a.category === 'provider-timeout');
    expect(all).toMatchObject({ severity: 'critical', card: 'T.12' });
    expect(timeouts).toMatchObject({ severity: 'warning' });
    expect(got()).toEqual([all?.id]);
    expect(await outcomes(t, 'provider-timeout')).toEqual(['quiet']);
  });
});
