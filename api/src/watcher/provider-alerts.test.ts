import { afterEach, describe, expect, it } from 'vitest';
import { listAlerts } from '../alerts/alert-store.ts';
import { createTestDeps, type TestDeps } from '../testing/index.ts';
import { insertSyncError } from './fixtures.ts';
import { runWatcherOnce } from './run.ts';

const minute = 60_000;
const forbidden = 'Request failed with status code 403';
const badGrant = '{"error":"invalid_grant","error_description":"invalid_username_or_password"}';
let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

async function setUp() {
  const clock = { now: new Date() };
  deps = await createTestDeps({ now: () => clock.now });
  // The first run only places the cursor after the runbook's sample rows.
  await runWatcherOnce(deps);
  return { d: deps, clock };
}

async function insert(
  d: TestDeps, text: string, at: Date, count: number, functionName: string, source: number,
) {
  for (let i = 0; i < count; i += 1) {
    await insertSyncError(d.statePool, {
      text, at: new Date(at.getTime() - i * minute), functionName, dataSourceId: source,
    });
  }
}

async function alertsByKey(d: TestDeps) {
  const alerts = await listAlerts(d.statePool, d.config.dataSources);
  return new Map(alerts.map((alert) => [alert.key, alert]));
}

describe('provider credential alerts', () => {
  it('opens one alert for card 2.1 per provider whose user is blocked, each with its functions',
    async () => {
      const { d, clock } = await setUp();
      await insert(d, forbidden, clock.now, 2, 'linde-mix-get-events', 1);
      await insert(d, forbidden, clock.now, 2, 'linde-mix-get-positions', 1);
      await insert(d, forbidden, clock.now, 3, 'linde-guardian-positions', 2);

      const report = await runWatcherOnce(d);

      expect(report.opened).toHaveLength(2);
      const alerts = await alertsByKey(d);
      expect(alerts.get('provider-forbidden:MIX')).toMatchObject({
        category: 'provider-forbidden', card: '2.1', count: 4, origin: 'sync-error',
        detail: { provider: 'MIX' }, sources: [{ name: 'MIX', count: 4 }],
        resources: ['linde-mix-get-events', 'linde-mix-get-positions'],
      });
      expect(alerts.get('provider-forbidden:Guardian')).toMatchObject({
        card: '2.1', count: 3, detail: { provider: 'Guardian' },
        resources: ['linde-guardian-positions'],
      });
    });

  it('opens card 2.2 for a rejected password (invalid_grant) of the provider', async () => {
    const { d, clock } = await setUp();
    await insert(d, badGrant, clock.now, 3, 'linde-mix-get-positions', 1);

    await runWatcherOnce(d);

    const alert = (await alertsByKey(d)).get('provider-unauthorized:MIX');
    expect(alert).toMatchObject({ card: '2.2', detail: { provider: 'MIX' }, count: 3 });
  });

  it('counts each provider against the threshold on its own', async () => {
    const { d, clock } = await setUp();
    await insert(d, forbidden, clock.now, 2, 'linde-mix-get-events', 1);
    await insert(d, forbidden, clock.now, 2, 'linde-guardian-positions', 2);

    expect((await runWatcherOnce(d)).opened).toEqual([]);

    clock.now = new Date(clock.now.getTime() + minute);
    await insert(d, forbidden, clock.now, 1, 'linde-mix-get-events', 1);
    const report = await runWatcherOnce(d);

    expect(report.opened).toHaveLength(1);
    const alerts = await alertsByKey(d);
    expect([...alerts.keys()]).toEqual(['provider-forbidden:MIX']);
    expect(alerts.get('provider-forbidden:MIX')?.count).toBe(3);
  });

  it('adds new rows to their own provider\'s live alert only', async () => {
    const { d, clock } = await setUp();
    await insert(d, forbidden, clock.now, 3, 'linde-mix-get-events', 1);
    await insert(d, forbidden, clock.now, 3, 'linde-guardian-positions', 2);
    await runWatcherOnce(d);

    clock.now = new Date(clock.now.getTime() + minute);
    await insert(d, forbidden, clock.now, 2, 'linde-mix-get-active-events', 1);
    const report = await runWatcherOnce(d);

    expect(report.opened).toEqual([]);
    const alerts = await alertsByKey(d);
    expect(alerts.get('provider-forbidden:MIX')).toMatchObject({
      count: 5, resources: ['linde-mix-get-active-events', 'linde-mix-get-events'],
    });
    expect(alerts.get('provider-forbidden:Guardian')?.count).toBe(3);
  });
});
