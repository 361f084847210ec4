import { afterEach, describe, expect, it } from 'vitest';
import { databaseSchema, databaseThresholdsSchema } from '@turno/shared';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { bearer, createTestDeps, signIn, type TestDeps } from '../testing/index.ts';

let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

async function setUp(env: Record<string, string> = {}) {
  deps = await createTestDeps({ config: loadConfig({ DEV_SIGN_IN: 'on', ...env }).app });
  const app = createApp(deps);
  const viewer = bearer(await signIn(app, 'observador'));
  return { app, viewer };
}

describe('GET /api/databases/thresholds', () => {
  it('gives a viewer the CPU red line and low-storage share the server is configured with',
    async () => {
      const { app, viewer } = await setUp({
        RDS_CPU_RED_LINE_PERCENT: '70', RDS_STORAGE_LOW_PERCENT: '15.5',
      });

      const response = await app.request('/api/databases/thresholds', { headers: viewer });

      expect(response.status).toBe(200);
      expect(databaseThresholdsSchema.strict().parse(await response.json()))
        .toEqual({ cpuRedLinePercent: 70, storageLowPercent: 15.5 });
    });

  it('gives the runbook\'s 80 and 10 when nothing is configured', async () => {
    const { app, viewer } = await setUp();

    const response = await app.request('/api/databases/thresholds', { headers: viewer });

    expect(await response.json()).toEqual({ cpuRedLinePercent: 80, storageLowPercent: 10 });
  });

  it('answers 401 without a session', async () => {
    const { app } = await setUp();

    const response = await app.request('/api/databases/thresholds');

    expect(response.status).toBe(401);
  });
});

describe('GET /api/databases beside its thresholds', () => {
  it('stays a bare array of databases, as other tools read it', async () => {
    const { app, viewer } = await setUp({ RDS_CPU_RED_LINE_PERCENT: '70' });

    const body: unknown = await (await app.request('/api/databases', { headers: viewer })).json();

    expect(Array.isArray(body)).toBe(true);
    expect((body as unknown[]).map((item) => databaseSchema.strict().parse(item).id).sort())
      .toEqual(['flotas-develop', 'flotas-develop-replica']);
  });
});
