import { afterEach, describe, expect, it } from 'vitest';
import { logErrorsResponse, logRetentionSchema } from '@turno/shared';
import { createApp } from '../app.ts';
import { createSandboxCloud } from '../cloud/sandbox.ts';
import { bearer, createTestDeps, signIn, type TestDeps } from '../testing/index.ts';

let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

async function setUp() {
  const cloud = createSandboxCloud({ now: () => new Date('2024-03-27T15:00:00Z') });
  deps = await createTestDeps({ cloud });
  const app = createApp(deps);
  const as = async (user: string) => bearer(await signIn(app, user));
  const put = async (headers: Record<string, string>, body: unknown) => app.request(
    '/api/logs/retention', {
      method: 'PUT',
      headers: { ...headers, 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { deps, app, as, put };
}

async function retentionAudits(d: TestDeps) {
  const { rows } = await d.statePool.query<{ before: unknown; after: unknown; actor: string }>(
    `SELECT before, after, actor FROM turno.audit_log WHERE action = 'logs.retention'`);
  return rows;
}

describe('GET /api/logs/errors', () => {
  it('shows a viewer the newest error lines, with tokens redacted', async () => {
    const { app, as } = await setUp();

    const response = await app.request('/api/logs/errors?limit=3', {
      headers: await as('observador'),
    });

    expect(response.status).toBe(200);
    const body = logErrorsResponse.parse(await response.json());
    expect(body.group).toBe('aws/ec2/flotas-develop-cluster/task-definition/backend-task');
    expect(body.lines.map((l) => l.at)).toEqual([
      '2024-03-27T14:56:00.000Z', '2024-03-27T14:41:00.000Z', '2024-03-27T14:08:00.000Z',
    ]);
    expect(body.lines[2]?.message).toContain('token=[redacted]');
    expect(JSON.stringify(body)).not.toContain('sandbox0token0123');
  });

  it('keeps only the last 4 digits of the phone number UltraMsg was sending to', async () => {
    const { app, as } = await setUp();

    const response = await app.request('/api/logs/errors?limit=3', {
      headers: await as('observador'),
    });

    const body = logErrorsResponse.parse(await response.json());
    expect(body.lines[2]?.message).toMatch(/chat\?token=\[redacted\]&to=•••••••5678$/);
    expect(JSON.stringify(body)).not.toContain('5215512345678');
  });

  it.each(['0', '101', 'x'])('answers 400 for limit=%s', async (limit) => {
    const { app, as } = await setUp();

    const response = await app.request(`/api/logs/errors?limit=${limit}`, {
      headers: await as('observador'),
    });

    expect(response.status).toBe(400);
  });
});

describe('/api/logs/retention', () => {
  it('starts with no autolimpieza', async () => {
    const { app, as } = await setUp();

    const response = await app.request('/api/logs/retention', { headers: await as('observador') });

    expect(logRetentionSchema.parse(await response.json()).days).toBeNull();
  });

  it('lets an admin set it, audited with before and after', async () => {
    const { app, as, put, deps: d } = await setUp();
    const admin = await as('admin');

    const response = await put(admin, { days: 30 });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ retention: { days: 30 }, replayed: false });
    const read = await app.request('/api/logs/retention', { headers: admin });
    expect(logRetentionSchema.parse(await read.json()).days).toBe(30);
    expect(await retentionAudits(d)).toEqual([
      { actor: 'admin', before: { days: null }, after: { days: 30 } },
    ]);
  });

  it('refuses an operator', async () => {
    const { as, put, deps: d } = await setUp();

    const response = await put(await as('operador'), { days: 30 });

    expect(response.status).toBe(403);
    expect(await retentionAudits(d)).toEqual([]);
  });

  it.each([
    ['a period CloudWatch does not accept', { days: 31 }],
    ['days as text', { days: '30' }],
    ['no days at all', {}],
    ['a body that is not JSON', 'days=30'],
  ])('answers 400 for %s and changes nothing', async (_name, body) => {
    const { app, as, put, deps: d } = await setUp();
    const admin = await as('admin');

    const response = await put(admin, body);

    expect(response.status).toBe(400);
    const read = await app.request('/api/logs/retention', { headers: admin });
    expect(logRetentionSchema.parse(await read.json()).days).toBeNull();
    expect(await retentionAudits(d)).toEqual([]);
  });

  it('changes it once for a double tap with the same Idempotency-Key', async () => {
    const { as, put, deps: d } = await setUp();
    const headers = { ...(await as('admin')), 'idempotency-key': 'ret-1' };

    const first = await put(headers, { days: 14 });
    const second = await put(headers, { days: 14 });

    expect(await first.json()).toMatchObject({ replayed: false });
    expect(await second.json()).toMatchObject({ replayed: true, retention: { days: 14 } });
    expect(await retentionAudits(d)).toHaveLength(1);
  });

  it('turns autolimpieza off again with days null', async () => {
    const { as, put } = await setUp();
    const admin = await as('admin');
    await put(admin, { days: 7 });

    const response = await put(admin, { days: null });

    expect(await response.json()).toMatchObject({ retention: { days: null } });
  });
});
