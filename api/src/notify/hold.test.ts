import { afterEach, describe, expect, it } from 'vitest';
import type { createApp } from '../app.ts';
import type { TestDeps } from '../testing/index.ts';
import { pushNewAlerts } from '../watcher/push-alerts.ts';
import { minutes, openAlert } from './fixtures.ts';
import { setUpNotify } from './test-setup.ts';

let deps: TestDeps | undefined;
let clock = new Date('2026-01-07T18:00:00Z');

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

async function setUp() {
  clock = new Date('2026-01-07T18:00:00Z');
  const t = await setUpNotify(() => clock);
  deps = t.d;
  return t;
}

function advance(ms: number): void {
  clock = new Date(clock.getTime() + ms);
}

/** The sandbox's flotas-cron-arc, as the probes name it. */
const cronId = 'i-0a1b2c3d4e5f60002';

describe('maintenance windows', () => {
  async function windowFor(app: ReturnType<typeof createApp>, headers: object, hours: number) {
    const response = await app.request('/api/maintenance', {
      method: 'POST', headers: headers as Record<string, string>,
      body: JSON.stringify({
        startsAt: clock.toISOString(),
        endsAt: new Date(clock.getTime() + hours * 3_600_000).toISOString(),
        resources: ['linde-mix-get-events', 'flotas-cron-arc'],
        reason: 'Cambio de credenciales de MiX',
      }),
    });
    expect(response.status).toBe(201);
  }

  it('holds alerts for the named resources and pushes them when the window ends', async () => {
    const { d, app, as, pushedIds, tick } = await setUp();
    await windowFor(app, await as('admin'), 1);
    const held = await openAlert(d.statePool, { at: clock, resources: ['linde-mix-get-events'] });
    const other = await openAlert(d.statePool, { at: clock, resources: ['gmail'] });

    await tick();
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
    const { d, app, as, pushedIds, tick } = await setUp();
    await windowFor(app, await as('admin'), 1);
    const wider = await openAlert(d.statePool, {
      at: clock, severity: 'critical',
      resources: ['linde-mix-get-events', 'linde-mix-get-positions', 'up-update-active-events'],
    });
    const covered = await openAlert(d.statePool, {
      at: clock, resources: [cronId, 'linde-mix-get-events'],
    });

    await tick();

    expect(pushedIds()).toEqual([wider]);
    const notify = await app.request(`/api/alerts/${wider}/notify`, {
      headers: await as('admin'),
    });
    expect(await notify.json()).toMatchObject({ heldUntil: null });
    expect(covered).not.toBe(wider);
  });

  it('holds a probe alert whose subject is covered, whatever else it names', async () => {
    const { d, app, as, pushedIds, tick } = await setUp();
    await windowFor(app, await as('admin'), 1);
    const pm2 = await openAlert(d.statePool, {
      at: clock, resources: [cronId, 'Linde-Ocurrences'], subjects: [cronId],
    });
    const cpu = await openAlert(d.statePool, {
      at: clock, resources: ['flotas-develop', 'linde-mix-get-events'],
      subjects: ['flotas-develop'],
    });

    await tick();

    expect(pushedIds()).toEqual([cpu]);
    expect(pm2).not.toBe(cpu);
  });

  it('holds a provider’s credentials alert for a window on its data source', async () => {
    const { d, app, as, pushedIds, tick } = await setUp();
    const response = await app.request('/api/maintenance', {
      method: 'POST', headers: await as('admin'), body: JSON.stringify({
        startsAt: clock.toISOString(), endsAt: new Date(clock.getTime() + minutes(60))
          .toISOString(),
        resources: ['MIX'], reason: 'MiX cambia las credenciales',
      }),
    });
    expect(response.status).toBe(201);
    await openAlert(d.statePool, {
      at: clock, key: 'provider-forbidden:MIX', detail: { provider: 'MIX' },
      resources: ['linde-mix-get-events', 'linde-mix-get-positions'],
    });
    const guardian = await openAlert(d.statePool, {
      at: clock, key: 'provider-forbidden:Guardian', detail: { provider: 'Guardian' },
      resources: ['linde-guardian-positions'],
    });

    await tick();

    expect(pushedIds()).toEqual([guardian]);
  });

  it('holds an alert that two windows cover together, until the first of them ends',
    async () => {
      const { d, app, as, pushedIds, tick } = await setUp();
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

      await tick();
      const notify = await app.request(`/api/alerts/${held}/notify`, { headers: admin });
      expect(await notify.json()).toMatchObject({
        heldUntil: new Date(clock.getTime() + minutes(30)).toISOString(),
      });
      expect(pushedIds()).toEqual([]);

      advance(minutes(30));
      await tick();
      expect(pushedIds()).toEqual([held]);
    });

  it('never pushes a held alert that resolved before the window ended', async () => {
    const { d, app, as, pushedIds, tick } = await setUp();
    await windowFor(app, await as('admin'), 1);
    const held = await openAlert(d.statePool, { at: clock, resources: [cronId] });
    await tick();
    await d.statePool.query(
      `UPDATE turno.alerts SET state = 'resolved', resolved_at = $2 WHERE id = $1`, [held, clock],
    );

    advance(minutes(61));
    await tick();

    expect(pushedIds()).toEqual([]);
  });

  it('pushes held alerts at once when an admin ends the window early', async () => {
    const { d, app, as, pushedIds, tick } = await setUp();
    const admin = await as('admin');
    await windowFor(app, admin, 2);
    const held = await openAlert(d.statePool, { at: clock, resources: [cronId] });
    await tick();
    const [window] = (await (await app.request('/api/maintenance', { headers: admin })).json()) as
      Array<{ id: string }>;

    advance(minutes(10));
    const ended = await app.request(`/api/maintenance/${window?.id}`, {
      method: 'DELETE', headers: admin,
    });
    await tick();

    expect(ended.status).toBe(200);
    expect(await ended.json()).toMatchObject({ window: { state: 'ended', endedBy: 'admin' } });
    expect(pushedIds()).toEqual([held]);
  });

  it('holds the re-notifications of an alert pushed before the window started', async () => {
    const { d, app, as, kinds, tick } = await setUp();
    await openAlert(d.statePool, { at: clock, resources: [cronId] });
    await tick();
    await windowFor(app, await as('admin'), 1);

    for (let step = 0; step < 6; step += 1) {
      advance(minutes(5));
      await tick();
    }
    expect(kinds()).toEqual(['alert']);
    advance(minutes(31));
    await tick();
    expect(kinds()).toEqual(['alert', 'renotify']);
  });
});
