import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import {
  bearer, createTestDeps, signIn, type RecordingPusher, type TestDeps,
} from '../testing/index.ts';
import { pushNewAlerts } from '../watcher/push-alerts.ts';
import { runEscalation } from './escalate.ts';
import { minutes, openAlert, setRotation } from './fixtures.ts';

let deps: TestDeps | undefined;
let clock = new Date('2026-01-07T18:00:00Z');

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

async function setUp() {
  clock = new Date('2026-01-07T18:00:00Z');
  deps = await createTestDeps({ now: () => clock });
  const d = deps;
  await setRotation(d.statePool, ['ana', 'beto'], clock);
  const app = createApp(d);
  const as = async (user: string) => ({
    ...bearer(await signIn(app, user)), 'content-type': 'application/json',
  });
  const pusher = d.pusher as RecordingPusher;
  const pushedIds = () => pusher.sent.map((s) => s.payload.alertId);
  const kinds = () => pusher.sent.map((s) => s.payload.kind);
  return { d, app, as, pushedIds, kinds };
}

function advance(ms: number): void {
  clock = new Date(clock.getTime() + ms);
}

async function tick(d: TestDeps): Promise<void> {
  await pushNewAlerts(d);
  await runEscalation(d);
}

describe('maintenance windows', () => {
  async function windowFor(app: ReturnType<typeof createApp>, headers: object, hours: number) {
    const response = await app.request('/api/maintenance', {
      method: 'POST', headers: headers as Record<string, string>,
      body: JSON.stringify({
        startsAt: clock.toISOString(),
        endsAt: new Date(clock.getTime() + hours * 3_600_000).toISOString(),
        resources: ['linde-mix-get-events', 'i-0abc1234'],
        reason: 'Cambio de credenciales de MiX',
      }),
    });
    expect(response.status).toBe(201);
  }

  it('holds alerts for the named resources and pushes them when the window ends', async () => {
    const { d, app, as, pushedIds } = await setUp();
    await windowFor(app, await as('admin'), 1);
    const held = await openAlert(d.statePool, { at: clock, resources: ['linde-mix-get-events'] });
    const other = await openAlert(d.statePool, { at: clock, resources: ['gmail'] });

    await tick(d);
    expect(pushedIds()).toEqual([other]);
    const notify = await app.request(`/api/alerts/${held}/notify`, { headers: await as('admin') });
    expect(await notify.json()).toMatchObject({
      heldUntil: new Date(clock.getTime() + 3_600_000).toISOString(),
    });

    advance(minutes(59));
    await pushNewAlerts(d);
    expect(pushedIds()).toEqual([other]);
    advance(minutes(1));
    await pushNewAlerts(d);
    expect(pushedIds()).toEqual([other, held]);
  });

  it('pushes an alert whose resources a window covers only in part', async () => {
    const { d, app, as, pushedIds } = await setUp();
    await windowFor(app, await as('admin'), 1);
    const wider = await openAlert(d.statePool, {
      at: clock, severity: 'critical',
      resources: ['linde-mix-get-events', 'linde-mix-get-positions', 'up-update-active-events'],
    });
    const covered = await openAlert(d.statePool, {
      at: clock, resources: ['i-0abc1234', 'linde-mix-get-events'],
    });

    await tick(d);

    expect(pushedIds()).toEqual([wider]);
    const notify = await app.request(`/api/alerts/${wider}/notify`, {
      headers: await as('admin'),
    });
    expect(await notify.json()).toMatchObject({ heldUntil: null });
    expect(covered).not.toBe(wider);
  });

  it('holds an alert that two windows cover together, until the first of them ends',
    async () => {
      const { d, app, as, pushedIds } = await setUp();
      const admin = await as('admin');
      await windowFor(app, admin, 2);
      const response = await app.request('/api/maintenance', {
        method: 'POST', headers: admin, body: JSON.stringify({
          startsAt: clock.toISOString(), endsAt: new Date(clock.getTime() + minutes(30))
            .toISOString(),
          resources: ['linde-mix-get-positions'], reason: 'Rotación de llaves',
        }),
      });
      expect(response.status).toBe(201);
      const held = await openAlert(d.statePool, {
        at: clock, resources: ['linde-mix-get-events', 'linde-mix-get-positions'],
      });

      await tick(d);
      const notify = await app.request(`/api/alerts/${held}/notify`, { headers: admin });
      expect(await notify.json()).toMatchObject({
        heldUntil: new Date(clock.getTime() + minutes(30)).toISOString(),
      });
      expect(pushedIds()).toEqual([]);

      advance(minutes(30));
      await tick(d);
      expect(pushedIds()).toEqual([held]);
    });

  it('never pushes a held alert that resolved before the window ended', async () => {
    const { d, app, as, pushedIds } = await setUp();
    await windowFor(app, await as('admin'), 1);
    const held = await openAlert(d.statePool, { at: clock, resources: ['i-0abc1234'] });
    await tick(d);
    await d.statePool.query(
      `UPDATE turno.alerts SET state = 'resolved', resolved_at = $2 WHERE id = $1`, [held, clock],
    );

    advance(minutes(61));
    await tick(d);

    expect(pushedIds()).toEqual([]);
  });

  it('pushes held alerts at once when an admin ends the window early', async () => {
    const { d, app, as, pushedIds } = await setUp();
    const admin = await as('admin');
    await windowFor(app, admin, 2);
    const held = await openAlert(d.statePool, { at: clock, resources: ['i-0abc1234'] });
    await tick(d);
    const [window] = (await (await app.request('/api/maintenance', { headers: admin })).json()) as
      Array<{ id: string }>;

    advance(minutes(10));
    const ended = await app.request(`/api/maintenance/${window?.id}`, {
      method: 'DELETE', headers: admin,
    });
    await tick(d);

    expect(ended.status).toBe(200);
    expect(await ended.json()).toMatchObject({ window: { state: 'ended', endedBy: 'admin' } });
    expect(pushedIds()).toEqual([held]);
  });

  it('holds the re-notifications of an alert pushed before the window started', async () => {
    const { d, app, as, kinds } = await setUp();
    await openAlert(d.statePool, { at: clock, resources: ['i-0abc1234'] });
    await tick(d);
    await windowFor(app, await as('admin'), 1);

    for (let step = 0; step < 6; step += 1) {
      advance(minutes(5));
      await tick(d);
    }
    expect(kinds()).toEqual(['alert']);
    advance(minutes(31));
    await tick(d);
    expect(kinds()).toEqual(['alert', 'renotify']);
  });
});

describe('snooze', () => {
  it('sends no re-notification until the snooze ends, then carries on', async () => {
    const { d, app, as, kinds } = await setUp();
    const id = await openAlert(d.statePool, { at: clock });
    await tick(d);

    const response = await app.request(`/api/alerts/${id}/snooze`, {
      method: 'PUT', headers: await as('operador'), body: JSON.stringify({ minutes: 30 }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      snoozedUntil: new Date(clock.getTime() + minutes(30)).toISOString(),
      snoozedBy: 'operador',
    });
    for (let step = 0; step < 5; step += 1) {
      advance(minutes(5));
      await tick(d);
    }
    expect(kinds()).toEqual(['alert']);
    advance(minutes(5));
    await tick(d);
    expect(kinds()).toEqual(['alert', 'renotify']);
  });

  it('re-notifies again soon after the snooze is lifted early', async () => {
    const { d, app, as, kinds } = await setUp();
    const id = await openAlert(d.statePool, { at: clock });
    await tick(d);
    const headers = await as('operador');
    await app.request(`/api/alerts/${id}/snooze`, {
      method: 'PUT', headers, body: JSON.stringify({ minutes: 120 }),
    });

    advance(minutes(10));
    const lifted = await app.request(`/api/alerts/${id}/snooze`, { method: 'DELETE', headers });
    advance(minutes(5));
    await tick(d);

    expect(await lifted.json()).toMatchObject({ snoozedUntil: null });
    expect(kinds()).toEqual(['alert', 'renotify']);
  });

  it('keeps an alert acknowledged during its snooze silent once the snooze is lifted',
    async () => {
      const { d, app, as, kinds } = await setUp();
      const id = await openAlert(d.statePool, { at: clock });
      await tick(d);
      const headers = await as('operador');
      await app.request(`/api/alerts/${id}/snooze`, {
        method: 'PUT', headers, body: JSON.stringify({ minutes: 60 }),
      });
      const ack = await app.request(`/api/alerts/${id}/ack`, { method: 'POST', headers });
      expect(ack.status).toBe(200);

      advance(minutes(10));
      const lifted = await app.request(`/api/alerts/${id}/snooze`, { method: 'DELETE', headers });
      expect(await lifted.json()).toMatchObject({ snoozedUntil: null, nextStepAt: null });
      const { rows } = await d.statePool.query(
        'SELECT next_at FROM turno.alert_notify WHERE alert_id = $1', [id],
      );
      expect(rows).toEqual([{ next_at: null }]);
      // Reopened by a flap, it stays acknowledged and still pages nobody.
      await d.statePool.query(`UPDATE turno.alerts SET state = 'open' WHERE id = $1`, [id]);
      for (let step = 0; step < 4; step += 1) {
        advance(minutes(5));
        await tick(d);
      }
      expect(kinds()).toEqual(['alert']);
    });
});
