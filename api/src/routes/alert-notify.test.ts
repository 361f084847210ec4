import { afterEach, describe, expect, it } from 'vitest';
import { alertNotifySchema } from '@turno/shared';
import { createApp } from '../app.ts';
import { minutes, openAlert, setRotation } from '../notify/fixtures.ts';
import { bearer, createTestDeps, signIn, type TestDeps } from '../testing/index.ts';
import { pushNewAlerts } from '../watcher/push-alerts.ts';

let deps: TestDeps | undefined;
const clock = new Date('2026-01-07T18:00:00Z');

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

async function setUp() {
  deps = await createTestDeps({ now: () => clock });
  const d = deps;
  await setRotation(d.statePool, ['operador', 'admin'], clock);
  const id = await openAlert(d.statePool, { at: clock });
  await pushNewAlerts(d);
  const app = createApp(d);
  const as = async (user: string) => ({
    ...bearer(await signIn(app, user)), 'content-type': 'application/json',
  });
  const snooze = async (user: string, body: unknown, alertId = id) =>
    app.request(`/api/alerts/${alertId}/snooze`, {
      method: 'PUT', headers: await as(user), body: JSON.stringify(body),
    });
  return { d, app, as, id, snooze };
}

describe('GET /api/alerts/:id/notify', () => {
  it('says who was told and when the next step is due', async () => {
    const { app, as, id } = await setUp();

    const response = await app.request(`/api/alerts/${id}/notify`, {
      headers: await as('observador'),
    });

    const body = alertNotifySchema.parse(await response.json());
    expect(body).toMatchObject({
      snoozedUntil: null, heldUntil: null,
      nextStepAt: new Date(clock.getTime() + minutes(5)).toISOString(),
    });
    expect(body.notifications).toEqual([expect.objectContaining({
      user: 'operador', step: 0, kind: 'alert', at: clock.toISOString(),
    })]);
  });

  it('lists the newest 200 notifications of an alert that has paged for long', async () => {
    const { d, app, as, id } = await setUp();
    await d.statePool.query(
      `INSERT INTO turno.notifications (alert_id, user_name, step, kind, outcome, at)
        SELECT $1::uuid, 'operador', step, 'renotify', 'sent', $2
        FROM generate_series(1, 250) AS step`,
      [id, clock],
    );

    const response = await app.request(`/api/alerts/${id}/notify`, {
      headers: await as('observador'),
    });

    const steps = alertNotifySchema.parse(await response.json()).notifications
      .map((n) => n.step);
    expect(steps).toHaveLength(200);
    expect([steps[0], steps.at(-1)]).toEqual([51, 250]);
  });
});

describe('PUT /api/alerts/:id/snooze', () => {
  it('answers 403 to a viewer', async () => {
    const { snooze } = await setUp();

    expect((await snooze('observador', { minutes: 30 })).status).toBe(403);
  });

  it.each([[2], [24 * 60 + 1], ['30']])('answers 400 snooze_invalid for %j minutes', async (m) => {
    const { snooze } = await setUp();

    const response = await snooze('operador', { minutes: m });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'snooze_invalid' } });
  });

  it('answers 409 alert_already_acknowledged once someone acknowledged it', async () => {
    const { app, as, id, snooze } = await setUp();
    await app.request(`/api/alerts/${id}/ack`, { method: 'POST', headers: await as('admin') });

    const response = await snooze('operador', { minutes: 30 });

    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'alert_already_acknowledged' } });
  });

  it('answers 409 alert_already_resolved for a resolved alert', async () => {
    const { d, id, snooze } = await setUp();
    await d.statePool.query(
      `UPDATE turno.alerts SET state = 'resolved', resolved_at = now() WHERE id = $1`, [id],
    );

    const response = await snooze('operador', { minutes: 30 });

    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'alert_already_resolved' } });
  });

  it('answers 404 alert_not_found for an unknown alert', async () => {
    const { snooze } = await setUp();

    const unknown = '00000000-0000-4000-8000-000000000000';

    const response = await snooze('operador', { minutes: 30 }, unknown);

    expect(response.status).toBe(404);
  });

  it('audits who snoozed and until when', async () => {
    const { app, as, id, snooze } = await setUp();

    await snooze('operador', { minutes: 60 });
    const audit = (await (await app.request('/api/audit', { headers: await as('admin') }))
      .json()) as Array<{ action: string; actor: string; after: unknown }>;

    expect(audit[0]).toMatchObject({
      action: 'alert.snooze', actor: 'operador', target: `alert/${id}`,
      after: { minutes: 60, snoozedUntil: new Date(clock.getTime() + minutes(60)).toISOString() },
    });
  });
});
