import { afterEach, describe, expect, it } from 'vitest';
import { auditEntrySchema, scheduleActionResponse, scheduleSchema } from '@turno/shared';
import { createApp } from '../app.ts';
import { createSandboxCloud } from '../cloud/sandbox.ts';
import type { Cloud, ScheduleUpdate } from '../cloud/types.ts';
import { bearer, createTestDeps, signIn, type TestDeps } from '../testing/index.ts';
import type { AppConfig } from '../types.ts';

let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

/** A sandbox that counts its writes, to see how often an action really acted. */
function countingCloud() {
  const cloud = createSandboxCloud();
  const writes: ScheduleUpdate[] = [];
  const counting: Cloud = {
    ...cloud,
    scheduler: {
      ...cloud.scheduler,
      async updateSchedule(update) {
        writes.push(update);
        await cloud.scheduler.updateSchedule(update);
      },
    },
  };
  return { cloud: counting, writes };
}

async function setUp(config: Partial<AppConfig> = {}) {
  const { cloud, writes } = countingCloud();
  deps = await createTestDeps({ cloud, config });
  const app = createApp(deps);
  const as = async (user: string) => bearer(await signIn(app, user));
  return { deps, app, cloud, writes, as };
}

async function auditRows(d: TestDeps): Promise<number> {
  const { rows } = await d.statePool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM turno.audit_log',
  );
  return rows[0]?.n ?? 0;
}

const path = '/api/schedules/default/linde-mix-get-events';

describe('GET /api/schedules', () => {
  it('lists every schedule with its function taken from the target', async () => {
    const { app, as } = await setUp();

    const response = await app.request('/api/schedules', { headers: await as('observador') });

    expect(response.status).toBe(200);
    const items = (await response.json()) as unknown[];
    const schedules = items.map((item) => scheduleSchema.parse(item));
    expect(schedules).toHaveLength(7);
    expect(schedules.find((s) => s.name === 'up_update_active_positions')).toMatchObject({
      group: 'default',
      state: 'DISABLED',
      function: 'up-update-active-positions',
      targetArn: 'arn:aws:lambda:us-east-1:111122223333:function:up-update-active-positions',
      managed: true,
      lastModified: '2024-03-25T16:11:43.000Z',
    });
  });

  it('answers 401 without a token', async () => {
    const { app } = await setUp();

    expect((await app.request('/api/schedules')).status).toBe(401);
  });
});

describe('POST /api/schedules/:group/:name/pause and /resume', () => {
  it('lets an operator pause and resume, auditing both with before and after', async () => {
    const { deps: d, app, cloud, as } = await setUp();
    const headers = await as('operador');

    const paused = await app.request(`${path}/pause`, { method: 'POST', headers });
    const resumed = await app.request(`${path}/resume`, { method: 'POST', headers });

    expect(paused.status).toBe(200);
    const pause = scheduleActionResponse.parse(await paused.json());
    expect(pause.schedule).toMatchObject({ state: 'DISABLED', function: 'linde-mix-get-events' });
    expect(pause.replayed).toBe(false);
    expect(pause.audit).toMatchObject({
      actor: 'operador', role: 'operator', action: 'schedule.pause',
      target: 'default/linde-mix-get-events', outcome: 'ok',
      before: { state: 'ENABLED' }, after: { state: 'DISABLED' },
    });
    expect(resumed.status).toBe(200);
    const schedule = await cloud.scheduler.getSchedule('default', 'linde-mix-get-events');
    expect(schedule?.State).toBe('ENABLED');

    const audit = await app.request('/api/audit', { headers });
    const items = (await audit.json()) as unknown[];
    const entries = items.map((item) => auditEntrySchema.parse(item));
    expect(entries.map((e) => e.action)).toEqual(['schedule.resume', 'schedule.pause']);
    expect(entries[0]).toMatchObject({
      before: { state: 'DISABLED' }, after: { state: 'ENABLED' },
    });
    expect(await auditRows(d)).toBe(2);
  });

  it('resumes a schedule named with underscores and reports its hyphenated function', async () => {
    const { app, as } = await setUp();
    const underscored = '/api/schedules/default/up_update_active_positions';

    const response = await app.request(`${underscored}/resume`, {
      method: 'POST', headers: await as('operador'),
    });

    const body = scheduleActionResponse.parse(await response.json());
    expect(body.schedule).toMatchObject({
      name: 'up_update_active_positions', state: 'ENABLED', function: 'up-update-active-positions',
    });
  });

  it('answers 403 forbidden to a viewer and changes nothing', async () => {
    const { app, writes, as } = await setUp();

    const response = await app.request(`${path}/pause`, {
      method: 'POST', headers: await as('observador'),
    });

    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect(writes).toHaveLength(0);
  });

  it('answers 403 schedule_not_managed for a schedule outside the allow-list', async () => {
    const { deps: d, app, writes, as } = await setUp({
      managedSchedules: ['default/linde-mix-get-positions'],
    });

    const response = await app.request(`${path}/pause`, {
      method: 'POST', headers: await as('operador'),
    });

    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'schedule_not_managed' } });
    expect(writes).toHaveLength(0);
    const { rows } = await d.statePool.query('SELECT outcome, detail FROM turno.audit_log');
    expect(rows).toEqual([{ outcome: 'failed', detail: 'schedule_not_managed' }]);
  });

  it('answers 404 schedule_not_found for a schedule that does not exist', async () => {
    const { app, as } = await setUp();

    const response = await app.request('/api/schedules/default/no-such-schedule/pause', {
      method: 'POST', headers: await as('operador'),
    });

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'schedule_not_found' } });
  });

  it.each([
    ['a NUL byte', '/api/schedules/default/%00/pause'],
    ['a NUL byte in the group', '/api/schedules/default%00/linde-mix-get-events/pause'],
  ])('answers 400 bad_request without an audit row for a name with %s', async (_, url) => {
    const { deps: d, app, writes, as } = await setUp();

    const response = await app.request(url, { method: 'POST', headers: await as('operador') });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'bad_request' } });
    expect(await auditRows(d)).toBe(0);
    expect(writes).toHaveLength(0);
  });

  it.each([
    ['a name longer than EventBridge allows', `/api/schedules/default/${'a'.repeat(65)}/pause`],
    ['a space', '/api/schedules/default/linde%20mix/pause'],
  ])('answers 404 without an audit row for a name with %s', async (_, url) => {
    const { deps: d, app, as } = await setUp();

    const response = await app.request(url, { method: 'POST', headers: await as('operador') });

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'schedule_not_found' } });
    expect(await auditRows(d)).toBe(0);
  });

  it('answers 400 for an Idempotency-Key that is too long', async () => {
    const { app, writes, as } = await setUp();
    const headers = { ...(await as('operador')), 'Idempotency-Key': 'k'.repeat(129) };

    const response = await app.request(`${path}/pause`, { method: 'POST', headers });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'idempotency_key_invalid' } });
    expect(writes).toHaveLength(0);
  });

  it('accepts a base64 Idempotency-Key with slash, plus and padding', async () => {
    const { app, writes, as } = await setUp();
    const headers = { ...(await as('operador')), 'Idempotency-Key': 'abc/def+==' };

    const first = await app.request(`${path}/pause`, { method: 'POST', headers });
    const second = await app.request(`${path}/pause`, { method: 'POST', headers });

    expect([first.status, second.status]).toEqual([200, 200]);
    expect(scheduleActionResponse.parse(await second.json()).replayed).toBe(true);
    expect(writes).toHaveLength(1);
  });

  it('acts once and audits once when one Idempotency-Key is sent twice', async () => {
    const { deps: d, app, writes, as } = await setUp();
    const headers = { ...(await as('operador')), 'Idempotency-Key': 'tap-7f3a' };

    const first = await app.request(`${path}/pause`, { method: 'POST', headers });
    const second = await app.request(`${path}/pause`, { method: 'POST', headers });

    const one = scheduleActionResponse.parse(await first.json());
    const two = scheduleActionResponse.parse(await second.json());
    expect([one.replayed, two.replayed]).toEqual([false, true]);
    expect(two.audit.id).toBe(one.audit.id);
    expect(writes).toHaveLength(1);
    expect(await auditRows(d)).toBe(1);
  });

  it('replays the first answer word for word, saying only that it is a replay', async () => {
    const { app, as } = await setUp();
    const headers = { ...(await as('operador')), 'Idempotency-Key': 'tap-as-sent' };

    const first = await (await app.request(`${path}/pause`, { method: 'POST', headers })).text();
    const second = await (await app.request(`${path}/pause`, { method: 'POST', headers })).text();

    expect(second).toBe(first.replace('"replayed":false', '"replayed":true'));
  });

  it('acts once when a double tap sends both requests at the same time', async () => {
    const { deps: d, app, writes, as } = await setUp();
    const headers = { ...(await as('operador')), 'Idempotency-Key': 'tap-concurrent' };

    const responses = await Promise.all([
      app.request(`${path}/pause`, { method: 'POST', headers }),
      app.request(`${path}/pause`, { method: 'POST', headers }),
    ]);

    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    const bodies = await Promise.all(responses.map(async (r) =>
      scheduleActionResponse.parse(await r.json())));
    expect(bodies.map((b) => b.replayed).sort()).toEqual([false, true]);
    expect(writes).toHaveLength(1);
    expect(await auditRows(d)).toBe(1);
  });

  it('answers 409 idempotency_conflict when a key is reused for another action', async () => {
    const { app, writes, as } = await setUp();
    const headers = { ...(await as('operador')), 'Idempotency-Key': 'tap-reused' };

    await app.request(`${path}/pause`, { method: 'POST', headers });
    const response = await app.request(`${path}/resume`, { method: 'POST', headers });

    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'idempotency_conflict' } });
    expect(writes).toHaveLength(1);
  });

  it('keeps keys apart per user', async () => {
    const { app, as } = await setUp();
    const key = { 'Idempotency-Key': 'same-key' };

    await app.request(`${path}/pause`, {
      method: 'POST', headers: { ...(await as('operador')), ...key },
    });
    const response = await app.request(`${path}/resume`, {
      method: 'POST', headers: { ...(await as('admin')), ...key },
    });

    expect(response.status).toBe(200);
    expect(scheduleActionResponse.parse(await response.json()).replayed).toBe(false);
  });

  it('succeeds without writing when the schedule is already in that state', async () => {
    const { app, writes, as } = await setUp();

    const response = await app.request('/api/schedules/default/lide-mix-get-assets/pause', {
      method: 'POST', headers: await as('operador'),
    });

    expect(response.status).toBe(200);
    const body = scheduleActionResponse.parse(await response.json());
    expect(body.audit).toMatchObject({ outcome: 'ok', detail: 'already in that state' });
    expect(writes).toHaveLength(0);
  });
});
