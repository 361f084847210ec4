import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../app.ts';
import type { AlertPusher } from '../push/types.ts';
import {
  bearer, createRecordingPusher, createTestDeps, signIn, type TestDeps,
} from '../testing/index.ts';
import { pushNewAlerts } from '../watcher/push-alerts.ts';
import { runEscalation } from './escalate.ts';
import { minutes, openAlert, setRotation } from './fixtures.ts';

let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

/** A recording pusher that can act, once, while a push is going out. */
function interruptingPusher() {
  const recording = createRecordingPusher();
  let during: (() => unknown) | undefined;
  const pusher: AlertPusher = {
    async send(payload, options) {
      const act = during;
      during = undefined;
      const report = await recording.send(payload, options);
      await act?.();
      return report;
    },
  };
  const sent = () => recording.sent.map((s) => `${s.users?.join('+') ?? '*'}:${s.payload.kind}`);
  return { pusher, sent, whileSending: (act: () => unknown) => { during = act; } };
}

/**
 * Ana and Beto on call, each step 5 minutes after the last: step 1 escalates to Beto, and
 * step 2 re-notifies both, Ana first.
 */
async function setUp() {
  let clock = new Date('2026-01-07T18:00:00Z');
  const push = interruptingPusher();
  deps = await createTestDeps({ now: () => clock, pusher: push.pusher });
  const d = deps;
  await setRotation(d.statePool, ['ana', 'beto'], clock, { escalateAfter: 0 });
  const alertId = await openAlert(d.statePool, { at: clock });
  const app = createApp(d);
  const headers = bearer(await signIn(app, 'operador'));
  const later = () => {
    clock = new Date(clock.getTime() + minutes(5));
  };
  return { d, alertId, app, headers, later, ...push };
}

describe('a step on its way when the alert is acknowledged', () => {
  it('goes to nobody else once someone acknowledges during its first push', async () => {
    const { d, alertId, app, headers, later, sent, whileSending } = await setUp();
    await pushNewAlerts(d);
    later();
    await runEscalation(d);
    later();

    whileSending(() => app.request(`/api/alerts/${alertId}/ack`, { method: 'POST', headers }));
    const steps = await runEscalation(d);

    expect(sent()).toEqual(['ana:alert', 'beto:escalate', 'ana:renotify']);
    expect(steps.map((step) => step.users)).toEqual([['ana']]);
  });

  it('goes to nobody else once someone snoozes the alert during its first push', async () => {
    const { d, alertId, app, headers, later, sent, whileSending } = await setUp();
    await pushNewAlerts(d);
    later();
    await runEscalation(d);
    later();

    whileSending(() => app.request(`/api/alerts/${alertId}/snooze`, {
      method: 'PUT', headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ minutes: 30 }),
    }));
    await runEscalation(d);

    expect(sent()).toEqual(['ana:alert', 'beto:escalate', 'ana:renotify']);
  });

  it('waits for an acknowledgement still being written, then sends nothing', async () => {
    const { d, alertId, later, sent } = await setUp();
    await pushNewAlerts(d);
    later();
    const ack = await d.statePool.connect();
    try {
      await ack.query('BEGIN');
      await ack.query(
        `UPDATE turno.alerts SET state = 'acknowledged', acknowledged_by = 'beto',
            acknowledged_at = now() WHERE id = $1::uuid`,
        [alertId],
      );
      let done = false;
      const escalation = runEscalation(d).finally(() => {
        done = true;
      });
      await vi.waitFor(async () => {
        const { rows } = await d.statePool.query<{ waiting: number }>(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        expect(done || (rows[0]?.waiting ?? 0) > 0).toBe(true);
      }, { timeout: 10_000 });
      await ack.query('COMMIT');

      expect(await escalation).toEqual([]);
      expect(sent()).toEqual(['ana:alert']);
    } finally {
      await ack.query('ROLLBACK').catch(() => undefined);
      ack.release();
    }
  });
});
