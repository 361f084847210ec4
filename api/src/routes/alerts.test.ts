import { describe, expect, it, onTestFinished } from 'vitest';
import { alertSchema } from '@turno/shared';
import { raiseAlert, type ProbeRaise } from '../alerts/raise.ts';
import { createApp } from '../app.ts';
import { bearer, createTestDeps, signIn } from '../testing/index.ts';
import { withDiskFullAlert } from './alerts-fixture.ts';

async function items(response: Response): Promise<unknown[]> {
  return (await response.json()) as unknown[];
}

describe('GET /api/alerts', () => {
  it('lists open alerts with counts per function and source and redacted samples', async () => {
    const { app, as, id } = await withDiskFullAlert();

    const response = await app.request('/api/alerts?state=open', {
      headers: await as('observador'),
    });

    expect(response.status).toBe(200);
    const alerts = (await items(response)).map((item) => alertSchema.parse(item));
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      id, card: '4.1', count: 15, checks: 0, severity: 'critical',
    });
    expect(alerts[0]?.functions).toContainEqual({ name: 'linde-guardian-positions', count: 3 });
    expect(alerts[0]?.samples.every((text) => text.includes('No space left on device')))
      .toBe(true);
  });

  it('lists nothing for a state no alert is in', async () => {
    const { app, as } = await withDiskFullAlert();

    const response = await app.request('/api/alerts?state=resolved', {
      headers: await as('observador'),
    });

    expect(await items(response)).toEqual([]);
  });

  it('answers 400 validation_failed for an unknown state', async () => {
    const { app, as } = await withDiskFullAlert();

    const response = await app.request('/api/alerts?state=closed', {
      headers: await as('observador'),
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'validation_failed' } });
  });

  it('answers 400 query_parameter_repeated for two states, not a list by the first', async () => {
    const { app, as } = await withDiskFullAlert();

    const response = await app.request('/api/alerts?state=open&state=resolved', {
      headers: await as('observador'),
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 'query_parameter_repeated', details: { parameters: ['state'] } },
    });
  });
});

describe('GET /api/alerts/:id', () => {
  it('answers one alert by id', async () => {
    const { app, as, id } = await withDiskFullAlert();

    const response = await app.request(`/api/alerts/${id}`, { headers: await as('observador') });

    expect(alertSchema.parse(await response.json()).id).toBe(id);
  });

  it('counts a probe\'s checks, which are not Sync_error rows', async () => {
    const deps = await createTestDeps();
    onTestFinished(() => deps.close());
    const raise: ProbeRaise = {
      key: 'rds-storage-low:flotas-develop', category: 'rds-storage-low', card: '4.1',
      severity: 'high', origin: 'probe', probe: 'rds', resources: ['flotas-develop'],
      detail: { database: 'flotas-develop', freeGiB: 7, allocatedGiB: 100, freePercent: 7 },
    };
    const client = await deps.statePool.connect();
    let id = '';
    try {
      for (const minute of [0, 1]) {
        ({ id } = await raiseAlert(client, raise, new Date(Date.UTC(2026, 2, 2, 18, minute)), 0));
      }
    } finally {
      client.release();
    }
    const app = createApp(deps);

    const response = await app.request(`/api/alerts/${id}`, {
      headers: bearer(await signIn(app, 'observador')),
    });

    expect(alertSchema.parse(await response.json())).toMatchObject({
      origin: 'probe', count: 2, checks: 2, functions: [], sources: [],
    });
  });

  it.each(['00000000-0000-4000-8000-000000000000', 'not-an-id'])(
    'answers 404 alert_not_found for %s', async (unknown) => {
      const { app, as } = await withDiskFullAlert();

      const response = await app.request(`/api/alerts/${unknown}`, {
        headers: await as('observador'),
      });

      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: 'alert_not_found' } });
    },
  );
});
