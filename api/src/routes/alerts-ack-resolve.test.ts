import { describe, expect, it } from 'vitest';
import { alertSchema } from '@turno/shared';
import type { TestDeps } from '../testing/index.ts';
import { withDiskFullAlert } from './alerts-fixture.ts';

describe('POST /api/alerts/:id/ack', () => {
  it('records who acknowledged and when, and keeps the first ack on a second one', async () => {
    const { app, as, id } = await withDiskFullAlert();

    const first = await app.request(`/api/alerts/${id}/ack`, {
      method: 'POST', headers: await as('operador'),
    });
    const second = await app.request(`/api/alerts/${id}/ack`, {
      method: 'POST', headers: await as('admin'),
    });

    const acked = alertSchema.parse(await first.json());
    expect(acked).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'operador' });
    expect(acked.acknowledgedAt).not.toBeNull();
    expect(second.status).toBe(200);
    expect(alertSchema.parse(await second.json())).toMatchObject({
      acknowledgedBy: 'operador', acknowledgedAt: acked.acknowledgedAt,
    });
  });

  it('writes one audit row for the acknowledgement, with the state before and after', async () => {
    const { app, as, id } = await withDiskFullAlert();
    const headers = await as('operador');

    await app.request(`/api/alerts/${id}/ack`, { method: 'POST', headers });
    await app.request(`/api/alerts/${id}/ack`, { method: 'POST', headers });
    const audit = (await (await app.request('/api/audit', { headers })).json()) as unknown[];

    expect(audit).toEqual([expect.objectContaining({
      actor: 'operador', action: 'alert.ack', target: `alert/${id}`, outcome: 'ok',
      before: { state: 'open', card: '4.1' }, after: { state: 'acknowledged', card: '4.1' },
    })]);
  });

  it('answers 403 forbidden to a viewer', async () => {
    const { app, as, id } = await withDiskFullAlert();

    const response = await app.request(`/api/alerts/${id}/ack`, {
      method: 'POST', headers: await as('observador'),
    });

    expect(response.status).toBe(403);
  });

  it('answers 409 alert_already_resolved for a resolved alert', async () => {
    const { deps: d, app, as, id } = await withDiskFullAlert();
    await d.statePool.query(
      `UPDATE turno.alerts SET state = 'resolved', resolved_at = now(), resolved_by = 'watcher'`,
    );

    const response = await app.request(`/api/alerts/${id}/ack`, {
      method: 'POST', headers: await as('operador'),
    });

    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'alert_already_resolved' } });
  });
});

describe('POST /api/alerts/:id/resolve', () => {
  async function auditOf(d: TestDeps, action: string) {
    const { rows } = await d.statePool.query<{ actor: string; before: unknown; after: unknown }>(
      'SELECT actor, before, after FROM turno.audit_log WHERE action = $1', [action],
    );
    return rows;
  }

  it('resolves an open alert with who and when, audited with before and after', async () => {
    const { deps: d, app, as, id } = await withDiskFullAlert();
    const pending = await d.statePool.query(
      `UPDATE turno.alert_notify SET next_at = now() + interval '5 minutes'
        WHERE alert_id = $1`, [id],
    );
    expect(pending.rowCount).toBe(1);

    const response = await app.request(`/api/alerts/${id}/resolve`, {
      method: 'POST', headers: await as('operador'),
    });

    expect(response.status).toBe(200);
    const resolved = alertSchema.parse(await response.json());
    expect(resolved).toMatchObject({ id, state: 'resolved', resolvedBy: 'operador' });
    expect(resolved.resolvedAt).not.toBeNull();
    expect(await auditOf(d, 'alert.resolve')).toEqual([{
      actor: 'operador',
      before: { state: 'open', card: '4.1' }, after: { state: 'resolved', card: '4.1' },
    }]);
    const { rows } = await d.statePool.query(
      'SELECT next_at FROM turno.alert_notify WHERE alert_id = $1', [id],
    );
    expect(rows).toEqual([{ next_at: null }]);
  });

  it('lets an admin resolve an acknowledged alert', async () => {
    const { deps: d, app, as, id } = await withDiskFullAlert();
    await app.request(`/api/alerts/${id}/ack`, { method: 'POST', headers: await as('operador') });

    const response = await app.request(`/api/alerts/${id}/resolve`, {
      method: 'POST', headers: await as('admin'),
    });

    expect(alertSchema.parse(await response.json())).toMatchObject({ resolvedBy: 'admin' });
    expect((await auditOf(d, 'alert.resolve'))[0]?.before)
      .toEqual({ state: 'acknowledged', card: '4.1' });
  });

  it('acts once for a double tap with one Idempotency-Key and answers both alike', async () => {
    const { deps: d, app, as, id } = await withDiskFullAlert();
    const headers = { ...(await as('operador')), 'Idempotency-Key': 'resolve-tap-1' };

    const [first, second] = await Promise.all([0, 1].map(() =>
      app.request(`/api/alerts/${id}/resolve`, { method: 'POST', headers })));

    expect([first?.status, second?.status]).toEqual([200, 200]);
    expect(await second?.json()).toEqual(await first?.json());
    expect(await auditOf(d, 'alert.resolve')).toHaveLength(1);
  });

  it('answers 409 alert_already_resolved to a resolution of a resolved alert', async () => {
    const { deps: d, app, as, id } = await withDiskFullAlert();
    const headers = await as('operador');
    await app.request(`/api/alerts/${id}/resolve`, { method: 'POST', headers });

    const again = await app.request(`/api/alerts/${id}/resolve`, { method: 'POST', headers });

    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({
      error: { code: 'alert_already_resolved', message: 'That alert is already resolved.' },
    });
    expect(await auditOf(d, 'alert.resolve')).toHaveLength(1);
  });

  it('resolves once when two people resolve at the same moment', async () => {
    const { deps: d, app, as, id } = await withDiskFullAlert();
    const [operator, admin] = [await as('operador'), await as('admin')];

    const answers = await Promise.all([operator, admin].map((headers) =>
      app.request(`/api/alerts/${id}/resolve`, { method: 'POST', headers })));

    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(await auditOf(d, 'alert.resolve')).toHaveLength(1);
  });

  it('answers 403 forbidden to a viewer and leaves the alert open', async () => {
    const { app, as, id } = await withDiskFullAlert();
    const viewer = await as('observador');

    const response = await app.request(`/api/alerts/${id}/resolve`, {
      method: 'POST', headers: viewer,
    });

    expect(response.status).toBe(403);
    const alert = await app.request(`/api/alerts/${id}`, { headers: viewer });
    expect(alertSchema.parse(await alert.json()).state).toBe('open');
  });

  it('answers 404 alert_not_found for an unknown alert', async () => {
    const { app, as } = await withDiskFullAlert();

    const response = await app.request('/api/alerts/00000000-0000-4000-8000-000000000000/resolve',
      { method: 'POST', headers: await as('operador') });

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'alert_not_found' } });
  });
});
