import { afterEach, describe, expect, it } from 'vitest';
import { getAlert } from '../alerts/alert-store.ts';
import { createApp } from '../app.ts';
import { setRotation } from '../notify/fixtures.ts';
import { listNotifications } from '../notify/notify-store.ts';
import {
  bearer, createTestDeps, signIn, type RecordingPusher, type TestDeps,
} from '../testing/index.ts';
import { insertSyncError } from './fixtures.ts';
import { runWatcherOnce } from './run.ts';

const minute = 60_000;
let deps: TestDeps | undefined;
let clock = new Date('2026-01-07T18:00:00Z');

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

/** The sandbox's Guardian drill: linde-guardian-positions gets a 403 on each run (card 2.1). */
async function setUp() {
  clock = new Date('2026-01-07T18:00:00Z');
  deps = await createTestDeps({ now: () => clock });
  const d = deps;
  await setRotation(d.statePool, ['operador', 'admin'], clock);
  const app = createApp(d);
  const headers = { ...bearer(await signIn(app, 'operador')), 'content-type': 'application/json' };
  const act = (id: string, action: 'ack' | 'resolve') =>
    app.request(`/api/alerts/${id}/${action}`, { method: 'POST', headers });
  const forbidden = async (times: number) => {
    for (let n = 0; n < times; n += 1) {
      await insertSyncError(d.statePool, {
        text: 'Request failed with status code 403', at: clock,
        functionName: 'linde-guardian-positions', dataSourceId: 2,
      });
      clock = new Date(clock.getTime() + minute);
      await runWatcherOnce(d);
    }
  };
  const pushes = () => (d.pusher as RecordingPusher).sent.map((s) => s.payload.kind);
  const alert = (id: string) => getAlert(d.statePool, d.config.dataSources, id);
  await runWatcherOnce(d);
  await forbidden(3);
  const [id] = (await d.statePool.query<{ id: string }>(
    `SELECT id::text AS id FROM turno.alerts WHERE dedup_key = 'provider-forbidden:Guardian'`,
  )).rows.map((row) => row.id);
  if (!id) throw new Error('card 2.1 did not open');
  return { d, act, forbidden, pushes, alert, id };
}

describe('an alert whose errors go on after it was resolved', () => {
  it('reopens open and unacknowledged, pushes again and restarts its reminders', async () => {
    const { d, act, forbidden, pushes, alert, id } = await setUp();
    expect(pushes()).toEqual(['alert']);
    expect((await act(id, 'ack')).status).toBe(200);
    expect((await act(id, 'resolve')).status).toBe(200);

    await forbidden(3);

    const back = await alert(id);
    expect(back).toMatchObject({
      state: 'open', acknowledgedBy: null, acknowledgedAt: null, resolvedAt: null,
      reopened: 1, reopenedAfterBy: 'operador',
    });
    expect(back.reopenedAt).toBe(clock.toISOString());
    expect(pushes()).toEqual(['alert', 'reopened']);

    clock = new Date(clock.getTime() + 5 * minute);
    await runWatcherOnce(d);
    expect(pushes()).toEqual(['alert', 'reopened', 'renotify']);
    const steps = (await listNotifications(d.statePool, id)).map((n) => [n.step, n.kind]);
    expect(steps).toEqual([[0, 'alert'], [1, 'reopened'], [2, 'renotify']]);
  });

  it('stays resolved for errors from before the resolve that are read after it', async () => {
    const { d, act, pushes, alert, id } = await setUp();
    for (let n = 0; n < 3; n += 1) {
      await insertSyncError(d.statePool, {
        text: 'Request failed with status code 403', at: new Date(clock.getTime() - n * 1000),
        functionName: 'linde-guardian-positions', dataSourceId: 2,
      });
    }
    clock = new Date(clock.getTime() + 10_000);

    await act(id, 'resolve');
    await runWatcherOnce(d);

    expect(await alert(id)).toMatchObject({ state: 'resolved', reopened: 0 });
    expect(pushes()).toEqual(['alert']);
  });

  it('comes back acknowledged and silent when it had closed by itself minutes before',
    async () => {
      const { d, act, forbidden, pushes, alert, id } = await setUp();
      await act(id, 'ack');
      clock = new Date(clock.getTime() + 61 * minute);
      await runWatcherOnce(d);
      expect(await alert(id)).toMatchObject({ state: 'resolved', resolvedBy: 'watcher' });

      await forbidden(3);

      expect(await alert(id)).toMatchObject({
        state: 'acknowledged', acknowledgedBy: 'operador', reopened: 1, reopenedAfterBy: null,
      });
      clock = new Date(clock.getTime() + 10 * minute);
      await runWatcherOnce(d);
      expect(pushes()).toEqual(['alert']);
    });
});
