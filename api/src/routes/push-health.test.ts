import webPush from 'web-push';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pushDeviceSchema, pushTestResponse } from '@turno/shared';
import { createApp } from '../app.ts';
import { createSubscriptionStore } from '../db/subscriptions.ts';
import { createLogger } from '../log.ts';
import { addDevice } from '../notify/fixtures.ts';
import { createWebPushSender } from '../push/sender.ts';
import { startPushService, type PushService } from '../push/testing/push-service.ts';
import { bearer, createTestDeps, signIn, type TestDeps } from '../testing/index.ts';

let service: PushService;
let deps: TestDeps | undefined;

beforeAll(async () => {
  service = await startPushService();
});
afterAll(() => service.close());
afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

async function setUp() {
  deps = await createTestDeps();
  const d = deps;
  const vapid = { ...webPush.generateVAPIDKeys(), subject: 'mailto:guardia@example.com' };
  d.pusher = createWebPushSender(createSubscriptionStore(d.statePool), vapid, {
    ttlSeconds: 60, log: createLogger({ level: 'silent' }), agent: service.agent,
  });
  const app = createApp(d);
  const as = async (user: string) => ({
    ...bearer(await signIn(app, user)), 'content-type': 'application/json',
  });
  const device = async (user: string) => {
    const sub = service.subscribe();
    await addDevice(d.statePool, user, sub.json);
    return sub;
  };
  return { d, app, as, device };
}

/** What Ajustes shows of each stored device's pushes. */
async function health(d: TestDeps) {
  const { rows } = await d.statePool.query(
    'SELECT last_failure, last_delivered_at FROM turno.push_subscriptions',
  );
  return rows;
}

const fcm = (name: string, keys = { p256dh: 'BNcRdreALRFX', auth: 'tBHI' }) => ({
  endpoint: `https://fcm.googleapis.com/fcm/send/${name}`, expirationTime: null, keys,
});

describe('POST /api/push/test', () => {
  it('pushes a test notification to the caller’s own devices only', async () => {
    const { app, as, device } = await setUp();
    const mine = [await device('operador'), await device('operador')];
    const theirs = await device('admin');

    const response = await app.request('/api/push/test', {
      method: 'POST', headers: await as('operador'),
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      devices: 2, delivered: 2, failed: 0, removed: 0,
      results: mine.map(() => expect.objectContaining({ result: 'delivered', failure: null })),
    });
    for (const sub of mine) {
      expect(service.received.filter((r) => r.id === sub.id).map((r) => r.payload)).toEqual([
        expect.objectContaining({ kind: 'test', url: '/ajustes' }),
      ]);
    }
    expect(service.received.filter((r) => r.id === theirs.id)).toEqual([]);
  });

  it('says per device why the test did not arrive, with no stored reason text', async () => {
    const { d, app, as, device } = await setUp();
    const broken = await device('operador');
    const gone = await device('operador');
    await addDevice(d.statePool, 'operador', {
      endpoint: 'https://127.0.0.1:1/push/nowhere', keys: broken.json.keys,
    });
    service.answer(broken.id, { status: 403 });
    service.answer(gone.id, { status: 410 });

    const response = await app.request('/api/push/test', {
      method: 'POST', headers: await as('operador'),
    });
    const body = pushTestResponse.parse(await response.json());

    expect(body).toMatchObject({ devices: 3, delivered: 0, failed: 2, removed: 1 });
    expect(body.results.map((r) => [r.result, r.failure]).sort()).toEqual([
      ['failed', 'key-rejected'], ['failed', 'unreachable'], ['removed', 'expired'],
    ]);
    expect(body.results.find((r) => r.service === '127.0.0.1:1'))
      .toMatchObject({ result: 'failed', failure: 'unreachable' });
    expect(JSON.stringify(body)).not.toMatch(/ECONNREFUSED|answered/);
  });

  it('answers 409 push_no_device to someone without a device', async () => {
    const { app, as, device } = await setUp();
    await device('admin');

    const response = await app.request('/api/push/test', {
      method: 'POST', headers: await as('observador'),
    });

    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'push_no_device' } });
  });
});

describe('GET /api/push/devices', () => {
  it('shows the caller’s devices with last delivery and redacted last failure', async () => {
    const { d, app, as, device } = await setUp();
    const healthy = await device('operador');
    const broken = await device('operador');
    await device('admin');
    service.answer(broken.id, { status: 500 });
    const headers = await as('operador');
    await app.request('/api/push/test', { method: 'POST', headers });
    await d.statePool.query(
      `UPDATE turno.push_subscriptions SET last_failure = $2 WHERE endpoint = $1`,
      [broken.json.endpoint, 'request failed https://api.ultramsg.com/x?token=q8w7e6r5t4y3u2i1'],
    );

    const devices = ((await (await app.request('/api/push/devices', { headers })).json()) as
      unknown[]).map((row) => pushDeviceSchema.parse(row));

    expect(devices).toHaveLength(2);
    expect(devices[0]).toMatchObject({ lastFailure: null, lastFailureAt: null });
    expect(devices[0]?.lastDeliveredAt).not.toBeNull();
    expect(devices[1]?.lastDeliveredAt).toBeNull();
    expect(devices[1]?.lastFailureAt).not.toBeNull();
    expect(devices[1]?.lastFailure).not.toContain('q8w7e6r5t4y3u2i1');
    expect(devices[1]?.lastFailureKind).toBe('unknown');
    expect(devices[0]?.service).toBe(new URL(service.origin).host);
    expect(JSON.stringify(devices)).not.toContain(healthy.id);
  });
});

describe('PUT /api/push/subscription', () => {
  it('keeps a device’s health on a re-sync of the same keys, not of new ones', async () => {
    const { d, app, as } = await setUp();
    const headers = await as('operador');
    const put = (body: unknown) => app.request('/api/push/subscription', {
      method: 'PUT', headers, body: JSON.stringify(body),
    });
    await put({ subscription: fcm('phone') });
    await d.statePool.query(
      `UPDATE turno.push_subscriptions SET last_failure = 'push service answered 500',
        last_failure_at = now(), last_delivered_at = '2026-01-07T18:00:00Z'`,
    );

    const again = await put({ subscription: fcm('phone') });
    expect(again.status).toBe(200);
    expect(await health(d)).toEqual([{
      last_failure: 'push service answered 500',
      last_delivered_at: new Date('2026-01-07T18:00:00Z'),
    }]);
    const newKeys = await put({ subscription: fcm('phone', { p256dh: 'BOther', auth: 'x1' }) });
    expect(newKeys.status).toBe(200);
    expect(await health(d)).toEqual([{ last_failure: null, last_delivered_at: null }]);
  });

  it('starts a device clean when another person subscribes its endpoint', async () => {
    const { d, app, as } = await setUp();
    const body = JSON.stringify({ subscription: fcm('shared') });
    const put = async (user: string) => app.request('/api/push/subscription', {
      method: 'PUT', headers: await as(user), body,
    });
    await put('operador');
    await d.statePool.query(
      `UPDATE turno.push_subscriptions SET last_failure = 'push service answered 500',
        last_failure_at = now(), last_delivered_at = now()`,
    );

    expect((await put('admin')).status).toBe(200);

    expect(await health(d)).toEqual([{ last_failure: null, last_delivered_at: null }]);
    const devices = await app.request('/api/push/devices', { headers: await as('admin') });
    expect(await devices.json()).toMatchObject([{ lastDeliveredAt: null, lastFailureAt: null }]);
  });

  it('replaces the endpoint the browser rotated, and never someone else’s', async () => {
    const { d, app, as } = await setUp();
    const mine = await as('operador');
    const put = (headers: Record<string, string>, body: unknown) => app.request(
      '/api/push/subscription', { method: 'PUT', headers, body: JSON.stringify(body) },
    );
    await put(mine, { subscription: fcm('old') });
    await put(await as('admin'), { subscription: fcm('admins') });

    const rotated = await put(mine, {
      subscription: fcm('new'), previousEndpoint: fcm('old').endpoint,
    });
    const hostile = await put(mine, {
      subscription: fcm('new'), previousEndpoint: fcm('admins').endpoint,
    });

    expect(await rotated.json()).toMatchObject({ replaced: true });
    expect(await hostile.json()).toMatchObject({ replaced: false });
    const { rows } = await d.statePool.query<{ endpoint: string; user_name: string }>(
      'SELECT endpoint, user_name FROM turno.push_subscriptions ORDER BY user_name',
    );
    expect(rows).toEqual([
      { endpoint: fcm('admins').endpoint, user_name: 'admin' },
      { endpoint: fcm('new').endpoint, user_name: 'operador' },
    ]);
  });

  it('answers 400 subscription_invalid for an endpoint off the push services', async () => {
    const { app, as } = await setUp();

    const response = await app.request('/api/push/subscription', {
      method: 'PUT', headers: await as('operador'),
      body: JSON.stringify({ subscription: { ...fcm('x'), endpoint: 'https://127.0.0.1/p' } }),
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'subscription_invalid' } });
  });
});
