import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { bearer, createTestDeps, signIn, type TestDeps } from '../testing/index.ts';

describe('/api/quiet-hours', () => {
  let deps: TestDeps;
  beforeAll(async () => {
    deps = await createTestDeps();
  });
  afterAll(() => deps.close());

  async function call(user: string, method: string, body?: unknown) {
    const app = createApp(deps);
    const headers = { ...bearer(await signIn(app, user)), 'content-type': 'application/json' };
    return app.request('/api/quiet-hours', {
      method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }

  it('keeps each person’s own quiet hours, in Mexico City time', async () => {
    const saved = await call('observador', 'PUT', { startHour: 22, endHour: 7 });

    expect(saved.status).toBe(200);
    expect(await (await call('observador', 'GET')).json()).toEqual({
      quietHours: { startHour: 22, endHour: 7 }, timeZone: 'America/Mexico_City',
    });
    expect(await (await call('operador', 'GET')).json()).toMatchObject({ quietHours: null });
  });

  it('turns them off', async () => {
    await call('admin', 'PUT', { startHour: 1, endHour: 6 });

    await call('admin', 'DELETE');

    expect(await (await call('admin', 'GET')).json()).toMatchObject({ quietHours: null });
  });

  it.each([
    ['the same start and end', { startHour: 5, endHour: 5 }],
    ['hour 24', { startHour: 22, endHour: 24 }],
    ['no end', { startHour: 22 }],
  ])('answers 400 quiet_hours_invalid for %s and keeps what was stored', async (_n, body) => {
    await call('operador', 'PUT', { startHour: 23, endHour: 6 });

    const response = await call('operador', 'PUT', body);

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'quiet_hours_invalid' } });
    expect(await (await call('operador', 'GET')).json()).toMatchObject({
      quietHours: { startHour: 23, endHour: 6 },
    });
  });
});
