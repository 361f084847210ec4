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

async function setUp(start = '2026-01-07T18:00:00Z') {
  clock = new Date(start);
  deps = await createTestDeps({ now: () => clock });
  const d = deps;
  await setRotation(d.statePool, ['ana', 'beto', 'caro'], clock);
  const alertId = await openAlert(d.statePool, { at: clock });
  const pusher = d.pusher as RecordingPusher;
  const sent = () => pusher.sent.map((s) => `${s.users?.join('+') ?? '*'}:${s.payload.kind}`);
  return { d, alertId, pusher, sent };
}

function advance(ms: number): void {
  clock = new Date(clock.getTime() + ms);
}

describe('runEscalation', () => {
  it('re-notifies twice, escalates to the next two people, then re-notifies all three',
    async () => {
      const { d, sent } = await setUp();
      await pushNewAlerts(d);

      advance(minutes(5) - 1000);
      expect(await runEscalation(d)).toEqual([]);
      for (let step = 0; step < 9; step += 1) {
        advance(minutes(5));
        await runEscalation(d);
      }

      expect(sent()).toEqual([
        'ana:alert', 'ana:renotify', 'ana:renotify',
        'beto:escalate', 'beto:renotify', 'beto:renotify',
        'caro:escalate', 'caro:renotify', 'caro:renotify',
        'ana:renotify', 'beto:renotify', 'caro:renotify',
      ]);
    });

  it('never goes quiet while open and unacknowledged, and stops once acknowledged',
    async () => {
      const { d, alertId, sent } = await setUp();
      const app = createApp(d);
      const headers = bearer(await signIn(app, 'operador'));
      await pushNewAlerts(d);
      const nextStepAt = async () => ((await (await app.request(
        `/api/alerts/${alertId}/notify`, { headers },
      )).json()) as { nextStepAt: string | null }).nextStepAt;

      // Three hours: the chain's first 45 minutes, then everyone every 5 minutes.
      for (let step = 0; step < 36; step += 1) {
        advance(minutes(5));
        await runEscalation(d);
      }
      expect(sent()).toHaveLength(9 + 28 * 3);
      expect(sent().slice(-3)).toEqual(['ana:renotify', 'beto:renotify', 'caro:renotify']);
      expect(await nextStepAt()).toBe(new Date(clock.getTime() + minutes(5)).toISOString());

      await app.request(`/api/alerts/${alertId}/ack`, { method: 'POST', headers });
      for (let step = 0; step < 6; step += 1) {
        advance(minutes(5));
        await runEscalation(d);
      }
      expect(sent()).toHaveLength(9 + 28 * 3);
      expect(await nextStepAt()).toBeNull();
    });

  it('records each step per person so nothing goes twice', async () => {
    const { d, alertId } = await setUp();
    await pushNewAlerts(d);
    for (let step = 0; step < 3; step += 1) {
      advance(minutes(5));
      await runEscalation(d);
    }

    const { rows } = await d.statePool.query<{ user_name: string; step: number; kind: string }>(
      'SELECT user_name, step, kind FROM turno.notifications WHERE alert_id = $1 ORDER BY step',
      [alertId],
    );
    expect(rows).toEqual([
      { user_name: 'ana', step: 0, kind: 'alert' },
      { user_name: 'ana', step: 1, kind: 'renotify' },
      { user_name: 'ana', step: 2, kind: 'renotify' },
      { user_name: 'beto', step: 3, kind: 'escalate' },
    ]);
  });

  it('sends each step once when three watchers run at the same time', async () => {
    const { d, sent } = await setUp();
    await Promise.all([pushNewAlerts(d), pushNewAlerts(d), pushNewAlerts(d)]);
    advance(minutes(5));

    const runs = await Promise.all([runEscalation(d), runEscalation(d), runEscalation(d)]);

    expect(runs.flat()).toHaveLength(1);
    expect(sent()).toEqual(['ana:alert', 'ana:renotify']);
  });

  it('stops every pending step once the alert is acknowledged', async () => {
    const { d, alertId, sent } = await setUp();
    await pushNewAlerts(d);
    advance(minutes(5));
    await runEscalation(d);
    const app = createApp(d);
    const headers = bearer(await signIn(app, 'operador'));

    const ack = await app.request(`/api/alerts/${alertId}/ack`, { method: 'POST', headers });
    for (let step = 0; step < 12; step += 1) {
      advance(minutes(5));
      await runEscalation(d);
    }

    expect(ack.status).toBe(200);
    expect(sent()).toEqual(['ana:alert', 'ana:renotify']);
    const notify = await app.request(`/api/alerts/${alertId}/notify`, { headers });
    expect(await notify.json()).toMatchObject({ nextStepAt: null });
    const { rows } = await d.statePool.query(
      'SELECT next_at FROM turno.alert_notify WHERE alert_id = $1', [alertId],
    );
    expect(rows).toEqual([{ next_at: null }]);
  });

  it('sends nothing more for an alert that resolved', async () => {
    const { d, alertId, sent } = await setUp();
    await pushNewAlerts(d);
    await d.statePool.query(
      `UPDATE turno.alerts SET state = 'resolved', resolved_at = $2 WHERE id = $1`,
      [alertId, clock],
    );

    advance(minutes(30));
    await runEscalation(d);

    expect(sent()).toEqual(['ana:alert']);
  });

  it('re-notifies every device every 5 minutes until acknowledged when no rotation is set',
    async () => {
      const { d, alertId, sent } = await setUp();
      await d.statePool.query(`UPDATE turno.oncall_rotation SET members = '{}'`);
      await pushNewAlerts(d);

      advance(minutes(5) - 1000);
      await runEscalation(d);
      expect(sent()).toEqual(['*:alert']);
      for (let step = 0; step < 3; step += 1) {
        advance(minutes(5));
        await runEscalation(d);
      }
      expect(sent()).toEqual(['*:alert', '*:renotify', '*:renotify', '*:renotify']);

      const app = createApp(d);
      const headers = bearer(await signIn(app, 'operador'));
      await app.request(`/api/alerts/${alertId}/ack`, { method: 'POST', headers });
      for (let step = 0; step < 6; step += 1) {
        advance(minutes(5));
        await runEscalation(d);
      }
      expect(sent()).toHaveLength(4);
    });

  it('stops re-notifying every device once the alert resolves, with no rotation set',
    async () => {
      const { d, alertId, sent } = await setUp();
      await d.statePool.query(`UPDATE turno.oncall_rotation SET members = '{}'`);
      await pushNewAlerts(d);
      advance(minutes(5));
      await runEscalation(d);

      await d.statePool.query(
        `UPDATE turno.alerts SET state = 'resolved', resolved_at = $2 WHERE id = $1`,
        [alertId, clock],
      );
      for (let step = 0; step < 4; step += 1) {
        advance(minutes(5));
        await runEscalation(d);
      }

      expect(sent()).toEqual(['*:alert', '*:renotify']);
    });

  it('resumes its reminders when a resolved alert reopens unacknowledged', async () => {
    const { d, alertId, sent } = await setUp();
    await pushNewAlerts(d);
    const setState = (state: string) => d.statePool.query(
      'UPDATE turno.alerts SET state = $2 WHERE id = $1', [alertId, state],
    );
    await setState('resolved');
    advance(minutes(10));
    await runEscalation(d);
    await setState('open');

    await runEscalation(d);

    expect(sent()).toEqual(['ana:alert', 'ana:renotify']);
  });

  it('re-notifies the person on call after a handoff, not last week’s', async () => {
    // Monday 8:50 in Mexico City: ana's week ends at 9:00.
    const { d, sent } = await setUp('2026-01-12T14:50:00Z');
    await pushNewAlerts(d);

    for (let step = 0; step < 2; step += 1) {
      advance(minutes(5));
      await runEscalation(d);
    }

    expect(sent()).toEqual(['ana:alert', 'ana:renotify', 'beto:renotify']);
  });
});
