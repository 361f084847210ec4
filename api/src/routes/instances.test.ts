import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { bearer, createTestDeps, signIn, type TestDeps } from '../testing/index.ts';

let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

describe('GET /api/instances', () => {
  it('lists both EC2 instances with state, type, zone and 3/3 checks', async () => {
    deps = await createTestDeps();
    const app = createApp(deps);

    const response = await app.request('/api/instances', {
      headers: bearer(await signIn(app, 'observador')),
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([
      {
        id: 'i-0a1b2c3d4e5f60001', name: 'flotas-application-develop', type: 'c5.xlarge',
        zone: 'us-east-1a', state: 'running', statusChecks: '3/3',
      },
      {
        id: 'i-0a1b2c3d4e5f60002', name: 'flotas-cron-arc', type: 't3a.small',
        zone: 'us-east-1b', state: 'running', statusChecks: '3/3',
      },
    ]);
  });

  it('answers 401 without a token', async () => {
    deps = await createTestDeps();

    expect((await createApp(deps).request('/api/instances')).status).toBe(401);
  });
});
