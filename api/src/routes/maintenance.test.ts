import { afterEach, describe, expect, it } from 'vitest';
import { maintenanceResourcesResponse, maintenanceWindowSchema } from '@turno/shared';
import { createApp } from '../app.ts';
import { createSandboxCloud } from '../cloud/sandbox.ts';
import type { Cloud } from '../cloud/types.ts';
import { bearer, createTestDeps, signIn, type TestDeps } from '../testing/index.ts';

let deps: TestDeps | undefined;
let clock = new Date('2026-01-07T18:00:00Z');

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

const hours = (n: number) => new Date(clock.getTime() + n * 3_600_000).toISOString();
const window = (from: number, to: number) => ({
  startsAt: hours(from), endsAt: hours(to), resources: ['ultramsg'], reason: 'Pago de UltraMsg',
});

async function setUp(cloud?: Cloud) {
  clock = new Date('2026-01-07T18:00:00Z');
  deps = await createTestDeps({ now: () => clock, ...(cloud ? { cloud } : {}) });
  const app = createApp(deps);
  const as = async (user: string) => ({
    ...bearer(await signIn(app, user)), 'content-type': 'application/json',
  });
  const post = async (user: string, body: unknown) => app.request('/api/maintenance', {
    method: 'POST', headers: await as(user), body: JSON.stringify(body),
  });
  const list = async () => ((await (await app.request('/api/maintenance', {
    headers: await as('observador'),
  })).json()) as unknown[]).map((row) => maintenanceWindowSchema.parse(row));
  const resources = async () => maintenanceResourcesResponse.parse(await (await app.request(
    '/api/maintenance/resources', { headers: await as('observador') },
  )).json());
  return { app, as, post, list, resources };
}

describe('/api/maintenance', () => {
  it('lists scheduled, active and recently ended windows to a viewer', async () => {
    const { post, list } = await setUp();
    await post('admin', window(-3, -1));
    await post('admin', window(-1, 1));
    await post('admin', window(2, 3));

    const windows = await list();

    expect(windows.map((w) => w.state)).toEqual(['scheduled', 'active', 'ended']);
    expect(windows[1]).toMatchObject({ resources: ['ultramsg'], createdBy: 'admin' });
  });

  it('answers 403 to an operator creating a window', async () => {
    const { post, list } = await setUp();

    expect((await post('operador', window(0, 1))).status).toBe(403);
    expect(await list()).toEqual([]);
  });

  it.each([
    ['an end before the start', window(2, 1)],
    ['no resources', { ...window(0, 1), resources: [] }],
    ['no reason', { ...window(0, 1), reason: ' ' }],
    ['a date without an offset', { ...window(0, 1), startsAt: '2026-01-07T10:00' }],
  ])('answers 400 maintenance_invalid for %s', async (_name, body) => {
    const { post } = await setUp();

    const response = await post('admin', body);

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'maintenance_invalid' } });
  });

  it('cancels a scheduled window and answers 404 for it afterwards', async () => {
    const { app, as, post, list } = await setUp();
    const created = (await (await post('admin', window(2, 3))).json()) as { id: string };
    const admin = await as('admin');

    const first = await app.request(`/api/maintenance/${created.id}`, {
      method: 'DELETE', headers: admin,
    });
    const second = await app.request(`/api/maintenance/${created.id}`, {
      method: 'DELETE', headers: admin,
    });

    expect(await first.json()).toEqual({ window: null });
    expect(second.status).toBe(404);
    expect(await list()).toEqual([]);
  });
});

describe('resources a maintenance window names', () => {
  it('lists the resources people know, each with its other names', async () => {
    const { resources } = await setUp();

    const { resources: list, complete } = await resources();

    expect(complete).toBe(true);
    const find = (name: string) => list.find((one) => one.name === name);
    expect(find('flotas-cron-arc')).toEqual({
      name: 'flotas-cron-arc', kind: 'instance', aliases: ['i-0a1b2c3d4e5f60002'],
    });
    expect(find('flotas-develop')).toMatchObject({ kind: 'database' });
    expect(find('default/linde-mix-get-events')).toEqual({
      name: 'default/linde-mix-get-events', kind: 'schedule', aliases: ['linde-mix-get-events'],
    });
    expect(find('linde-mix-get-events')).toMatchObject({ kind: 'function' });
    expect(find('MIX')).toEqual({ name: 'MIX', kind: 'data-source', aliases: ['1'] });
    expect(find('ultramsg')).toMatchObject({ kind: 'service' });
  });

  it('stores the names people know for the ids and names it was given', async () => {
    const { post } = await setUp();

    const response = await post('admin', {
      ...window(0, 1), resources: ['I-0A1B2C3D4E5F60002', 'linde-mix-get-events', 'mix'],
    });

    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      resources: ['flotas-cron-arc', 'linde-mix-get-events', 'MIX'],
    });
  });

  it('answers 400 maintenance_unknown_resource naming what it does not know', async () => {
    const { post, list } = await setUp();

    const response = await post('admin', {
      ...window(0, 1), resources: ['flotas-cron-arc', 'foo-bar-inexistente'],
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: { code: 'maintenance_unknown_resource', details: { names: ['foo-bar-inexistente'] } },
    });
    expect(await list()).toEqual([]);
  });

  it('answers 502 rather than call a name unknown while EC2 does not answer', async () => {
    const cloud: Cloud = {
      ...createSandboxCloud(),
      ec2: { listInstances: () => Promise.reject(new Error('RequestLimitExceeded')) },
    };
    const { post, resources } = await setUp(cloud);

    const response = await post('admin', { ...window(0, 1), resources: ['flotas-cron-arc'] });

    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: { code: 'cloud_unavailable' } });
    expect((await resources()).complete).toBe(false);
    expect((await post('admin', window(0, 1))).status).toBe(201);
  });
});
