import { afterEach, describe, expect, it } from 'vitest';
import type { TestDeps } from '../testing/index.ts';
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

describe('snooze', () => {
  it('sends no re-notification until the snooze ends, then carries on', async () => {
    const { d, app, as, kinds, tick } = await setUp();
    const id = await openAlert(d.statePool, { at: clock });
    await tick();

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
      await tick();
    }
    expect(kinds()).toEqual(['alert']);
    advance(minutes(5));
    await tick();
    expect(kinds()).toEqual(['alert', 'renotify']);
  });

  it('re-notifies again soon after the snooze is lifted early', async () => {
    const { d, app, as, kinds, tick } = await setUp();
    const id = await openAlert(d.statePool, { at: clock });
    await tick();
    const headers = await as('operador');
    await app.request(`/api/alerts/${id}/snooze`, {
      method: 'PUT', headers, body: JSON.stringify({ minutes: 120 }),
    });

    advance(minutes(10));
    const lifted = await app.request(`/api/alerts/${id}/snooze`, { method: 'DELETE', headers });
    advance(minutes(5));
    await tick();

    expect(await lifted.json()).toMatchObject({ snoozedUntil: null });
    expect(kinds()).toEqual(['alert', 'renotify']);
  });

  it('keeps an alert acknowledged during its snooze silent once the snooze is lifted',
    async () => {
      const { d, app, as, kinds, tick } = await setUp();
      const id = await openAlert(d.statePool, { at: clock });
      await tick();
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
        await tick();
      }
      expect(kinds()).toEqual(['alert']);
    });
});
