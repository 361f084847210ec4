import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { bearer, createTestDeps, signIn, type TestDeps } from '../testing/index.ts';

describe('POST /api/push/subscribe and /unsubscribe', () => {
  let deps: TestDeps;
  beforeAll(async () => {
    deps = await createTestDeps();
  });
  afterAll(async () => {
    await deps.close();
  });

  const subscription = (name: string) => ({
    endpoint: `https://fcm.googleapis.com/fcm/send/${name}`,
    expirationTime: null,
    keys: { p256dh: 'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u', auth: 'tBHI' },
  });

  async function post(path: string, body: unknown, user = 'operador') {
    const app = createApp(deps);
    const token = await signIn(app, user);
    return app.request(`/api/push/${path}`, {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  async function stored(endpoint: string) {
    const { rows } = await deps.statePool.query<{ user_name: string; p256dh: string }>(
      'SELECT user_name, p256dh FROM turno.push_subscriptions WHERE endpoint = $1', [endpoint],
    );
    return rows;
  }

  it('accepts the push services of Chrome, Firefox, Edge and Safari', async () => {
    const endpoints = [
      'https://fcm.googleapis.com/fcm/send/a1',
      'https://updates.push.services.mozilla.com/wpush/v2/a2',
      'https://wns2-bl2p.notify.windows.com/w/?token=a3',
      'https://web.push.apple.com/a4',
    ];

    const statuses = [];
    for (const endpoint of endpoints) {
      statuses.push((await post('subscribe', { ...subscription('x'), endpoint })).status);
    }

    expect(statuses).toEqual([201, 201, 201, 201]);
  });

  it('stores a subscription for the signed-in user', async () => {
    const body = subscription('phone-a');

    const response = await post('subscribe', body, 'observador');

    expect(response.status).toBe(201);
    expect(await stored(body.endpoint)).toEqual([
      { user_name: 'observador', p256dh: body.keys.p256dh },
    ]);
  });

  it.each([
    ['no keys', { endpoint: 'https://fcm.googleapis.com/fcm/send/x' }],
    ['an endpoint that is not a URL', { ...subscription('x'), endpoint: 'not a url' }],
    ['a plain http endpoint', { ...subscription('x'), endpoint: 'http://10.0.0.1/push' }],
    ['the instance metadata address', {
      ...subscription('x'), endpoint: 'https://169.254.169.254/latest/meta-data',
    }],
    ['a loopback endpoint', { ...subscription('x'), endpoint: 'https://127.0.0.1:9443/probe' }],
    ['a look-alike host', {
      ...subscription('x'), endpoint: 'https://fcm.googleapis.com.evil.example/send/x',
    }],
    ['an empty auth key', { ...subscription('x'), keys: { p256dh: 'BNc', auth: '' } }],
  ])('answers 400 subscription_invalid for %s and keeps what was stored', async (_, body) => {
    const kept = subscription('phone-kept');
    await post('subscribe', kept);

    const response = await post('subscribe', body);

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'subscription_invalid' } });
    expect(await stored(kept.endpoint)).toHaveLength(1);
  });

  it('answers 400 invalid_json for a body that is not JSON', async () => {
    const response = await post('subscribe', '{"endpoint":');

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_json' } });
  });

  it('removes a subscription on unsubscribe and says whether it existed', async () => {
    const body = subscription('phone-leaving');
    await post('subscribe', body);

    const first = await post('unsubscribe', { endpoint: body.endpoint });
    const second = await post('unsubscribe', { endpoint: body.endpoint });

    expect(await first.json()).toEqual({ removed: true });
    expect(await second.json()).toEqual({ removed: false });
    expect(await stored(body.endpoint)).toEqual([]);
  });

  it('leaves another person\'s subscription alone, answering as for an unknown endpoint',
    async () => {
      const body = subscription('phone-of-observador');
      await post('subscribe', body, 'observador');

      const response = await post('unsubscribe', { endpoint: body.endpoint }, 'operador');

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ removed: false });
      expect(await stored(body.endpoint)).toEqual([
        { user_name: 'observador', p256dh: body.keys.p256dh },
      ]);
    });

  it('answers 400 subscription_invalid for an unsubscribe without an endpoint', async () => {
    const response = await post('unsubscribe', { id: 3 });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'subscription_invalid' } });
  });
});
