import { afterEach, describe, expect, it } from 'vitest';
import { alertSchema } from '@turno/shared';
import { listAlerts } from '../alerts/alert-store.ts';
import { createTestDeps, type RecordingPusher, type TestDeps } from '../testing/index.ts';
import type { AppConfig } from '../types.ts';
import { copySampleRows, insertSyncError } from './fixtures.ts';
import { runWatcherOnce } from './run.ts';
import { readWatcherStatus } from './watcher-state.ts';

const minute = 60_000;
let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

async function setUp(options: { now?: () => Date; config?: Partial<AppConfig> } = {}) {
  deps = await createTestDeps(options);
  return { deps, pusher: deps.pusher as RecordingPusher };
}

async function alertsIn(d: TestDeps) {
  return listAlerts(d.statePool, d.config.dataSources);
}

describe('runWatcherOnce', () => {
  it('opens one alert for card 4.1 naming every function and source of the disk-full burst',
    async () => {
      const { deps: d, pusher } = await setUp();
      await runWatcherOnce(d);
      await copySampleRows(d.statePool, 6, 20, new Date());

      const report = await runWatcherOnce(d);

      expect(report.opened).toHaveLength(1);
      const [alert] = await alertsIn(d);
      expect(alertSchema.parse(alert)).toMatchObject({
        card: '4.1', category: 'database-disk-full', state: 'open', count: 15,
      });
      expect(alert?.functions.map((f) => f.name).sort()).toEqual([
        'linde-guardian-positions', 'linde-mix-get-active-events', 'linde-mix-get-events',
        'linde-mix-get-positions',
      ]);
      expect(alert?.sources).toEqual([{ name: 'MIX', count: 12 }, { name: 'Guardian', count: 3 }]);
      expect(alert?.samples.length).toBeGreaterThan(0);
      expect(alert?.samples.length).toBeLessThanOrEqual(5);
      expect(pusher.sent).toHaveLength(1);
    });

  it('pushes ids and a Spanish title from the card, never the error text', async () => {
    const { deps: d, pusher } = await setUp();
    await runWatcherOnce(d);
    await copySampleRows(d.statePool, 6, 20, new Date());

    const { opened } = await runWatcherOnce(d);

    const [sent] = pusher.sent;
    expect(sent?.payload).toMatchObject({ v: 1, alertId: opened[0], card: '4.1' });
    expect(sent?.payload.url).toBe(`/alertas/${opened[0]}`);
    expect(sent?.payload.title).toMatch(/RDS|almacenamiento|disco/i);
    expect(sent?.payload.title).not.toMatch(/No space|base\/16398/);
    expect(sent?.topic).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
  });

  it('opens nothing for four timeouts hours apart', async () => {
    const rules = { 'provider-timeout': { threshold: 2, windowSeconds: 900, quietSeconds: 1800 } };
    const { deps: d, pusher } = await setUp({ config: { alertRules: rules } });
    await runWatcherOnce(d);
    await copySampleRows(d.statePool, 21, 24, new Date());

    const report = await runWatcherOnce(d);

    expect(report.rowsStored).toBe(4);
    expect(await alertsIn(d)).toEqual([]);
    expect(pusher.sent).toHaveLength(0);
  });

  it('opens an alert when the same timeouts come minutes apart', async () => {
    const rules = { 'provider-timeout': { threshold: 2, windowSeconds: 900, quietSeconds: 1800 } };
    const { deps: d } = await setUp({ config: { alertRules: rules } });
    await runWatcherOnce(d);
    const now = Date.now();
    for (const ago of [3, 2]) {
      await insertSyncError(d.statePool, {
        text: 'timeout of 4000ms exceeded', at: new Date(now - ago * minute),
      });
    }

    const report = await runWatcherOnce(d);

    expect(report.opened).toHaveLength(1);
    expect((await alertsIn(d))[0]).toMatchObject({ category: 'provider-timeout', card: '5.1' });
  });

  it('opens one alert and pushes once when the same rows are read twice', async () => {
    const { deps: d, pusher } = await setUp();
    const { cursor } = await runWatcherOnce(d);
    await copySampleRows(d.statePool, 6, 20, new Date());
    await runWatcherOnce(d);

    await d.statePool.query(
      'UPDATE turno.watcher_state SET last_sync_error_id = $1', [cursor],
    );
    const again = await runWatcherOnce(d);

    expect(again.rowsRead).toBe(15);
    expect(again.rowsStored).toBe(0);
    const alerts = await alertsIn(d);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.count).toBe(15);
    expect(pusher.sent).toHaveLength(1);
  });

  it('opens one alert and pushes once when two watchers run at the same time', async () => {
    const { deps: d, pusher } = await setUp();
    await runWatcherOnce(d);
    await copySampleRows(d.statePool, 6, 20, new Date());

    const reports = await Promise.all([runWatcherOnce(d), runWatcherOnce(d), runWatcherOnce(d)]);

    expect(reports.flatMap((report) => report.opened)).toHaveLength(1);
    expect(await alertsIn(d)).toHaveLength(1);
    expect(pusher.sent).toHaveLength(1);
  });

  it('keeps counting on the open alert while errors continue, without a second push',
    async () => {
      const { deps: d, pusher } = await setUp();
      await runWatcherOnce(d);
      await copySampleRows(d.statePool, 6, 20, new Date());
      const { opened } = await runWatcherOnce(d);
      await copySampleRows(d.statePool, 6, 8, new Date());

      const report = await runWatcherOnce(d);

      expect(report.opened).toEqual([]);
      expect(report.updated).toEqual(opened);
      const alerts = await alertsIn(d);
      expect(alerts).toHaveLength(1);
      expect(alerts[0]?.count).toBe(18);
      expect(pusher.sent).toHaveLength(1);
    });

  it('resolves an alert after its quiet period and opens a new one when errors return later',
    async () => {
      let clock = new Date();
      const { deps: d, pusher } = await setUp({ now: () => clock });
      await runWatcherOnce(d);
      await copySampleRows(d.statePool, 6, 20, clock);
      const { opened } = await runWatcherOnce(d);
      const quiet = 15 * minute;

      clock = new Date(clock.getTime() + quiet - minute);
      expect((await runWatcherOnce(d)).resolved).toEqual([]);
      clock = new Date(clock.getTime() + 2 * minute);
      const report = await runWatcherOnce(d);

      expect(report.resolved).toEqual(opened);
      const [resolved] = await alertsIn(d);
      expect(resolved).toMatchObject({ state: 'resolved', resolvedBy: 'watcher' });
      expect(resolved?.resolvedAt).toBe(clock.toISOString());

      clock = new Date(clock.getTime() + d.config.alertFlapSeconds * 1000 + minute);
      await copySampleRows(d.statePool, 6, 20, clock);
      const back = await runWatcherOnce(d);
      expect(back.opened).toHaveLength(1);
      expect(back.opened).not.toEqual(opened);
      // First pushes only: with no rotation set, unacknowledged alerts re-notify too.
      expect(pusher.sent.filter((push) => push.payload.kind === 'alert')).toHaveLength(2);
    });

  it('reopens the same alert without a second push when errors return within minutes',
    async () => {
      let clock = new Date();
      const { deps: d, pusher } = await setUp({ now: () => clock });
      await runWatcherOnce(d);
      await copySampleRows(d.statePool, 6, 20, clock);
      const { opened } = await runWatcherOnce(d);
      clock = new Date(clock.getTime() + 16 * minute);
      expect((await runWatcherOnce(d)).resolved).toEqual(opened);

      clock = new Date(clock.getTime() + 3 * minute);
      await copySampleRows(d.statePool, 6, 20, clock);
      const back = await runWatcherOnce(d);

      expect(back.opened).toEqual([]);
      expect(back.updated).toEqual(opened);
      const [alert] = await alertsIn(d);
      expect(alert).toMatchObject({ id: opened[0], state: 'open', reopened: 1, count: 30 });
      expect(alert?.resolvedAt).toBeNull();
      expect(pusher.sent.filter((push) => push.payload.kind === 'alert')).toHaveLength(1);
    });

  it('does not page about history older than the alert window on first start', async () => {
    const { deps: d, pusher } = await setUp();
    await copySampleRows(d.statePool, 6, 20, new Date(Date.now() - 3 * 60 * minute));
    const { rows } = await d.statePool.query<{ max: string }>(
      'SELECT max(id)::text AS max FROM "Sync_error"',
    );

    const report = await runWatcherOnce(d);

    expect(report.rowsRead).toBe(0);
    expect(report.cursor).toBe(rows[0]?.max);
    expect(await alertsIn(d)).toEqual([]);
    expect(pusher.sent).toHaveLength(0);
  });

  it('pages on first start about a burst inside the alert window', async () => {
    const { deps: d } = await setUp();
    await copySampleRows(d.statePool, 6, 20, new Date(Date.now() - 2 * minute));

    const report = await runWatcherOnce(d);

    expect(report.rowsRead).toBe(15);
    expect(report.opened).toHaveLength(1);
  });

  it('reads only the rows after its cursor', async () => {
    const { deps: d } = await setUp();
    await runWatcherOnce(d);
    await copySampleRows(d.statePool, 1, 3, new Date());

    const first = await runWatcherOnce(d);
    const second = await runWatcherOnce(d);

    expect(first.rowsRead).toBe(3);
    expect(second.rowsRead).toBe(0);
  });

  it('stores redacted text and never the token a stored error carried', async () => {
    const { deps: d } = await setUp();
    await runWatcherOnce(d);
    const token = 'q8w7e6r5t4y3u2i1';
    const url = `https://api.ultramsg.com/instance1/messages/chat?token=${token}`;
    await insertSyncError(d.statePool, {
      text: `Request failed with status code 401 ${url}`, at: new Date(),
    });

    await runWatcherOnce(d);

    const { rows } = await d.statePool.query<{ text: string }>(
      'SELECT text FROM turno.seen_errors',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.text).not.toContain(token);
  });

  it('records the run for Estado, and the error when Sync_error cannot be read', async () => {
    const { deps: d } = await setUp();
    await runWatcherOnce(d);
    expect((await readWatcherStatus(d.statePool)).lastRunAt).not.toBeNull();

    d.config = { ...d.config, syncError: { ...d.config.syncError, table: 'no_such_table' } };
    await d.statePool.query('UPDATE turno.watcher_state SET last_sync_error_id = NULL');

    await expect(runWatcherOnce(d)).rejects.toThrow();
    expect((await readWatcherStatus(d.statePool)).lastError).toMatch(/no_such_table/);
  });
});
