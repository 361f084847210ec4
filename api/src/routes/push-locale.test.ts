import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { cardById, type PushPayload } from '@turno/shared';
import { createApp } from '../app.ts';
import { createSubscriptionStore } from '../db/subscriptions.ts';
import { createLogger } from '../log.ts';
import { openAlert, setRotation } from '../notify/fixtures.ts';
import { createWebPushSender } from '../push/sender.ts';
import { startPushService, type PushService } from '../push/testing/push-service.ts';
import { bearer, createTestDeps, signIn } from '../testing/index.ts';
import { pushNewAlerts } from '../watcher/push-alerts.ts';

let service: PushService;
const clock = new Date('2026-01-07T18:00:00Z');
const diskFull = cardById('4.1')!.title;

beforeAll(async () => {
  service = await startPushService();
});
afterAll(() => service.close());

/** The routes take the local push service as one of theirs; pushes go to it for real. */
async function setUp() {
  const d = await createTestDeps({
    now: () => clock, config: { pushServiceHosts: [new URL(service.origin).hostname] },
  });
  onTestFinished(() => d.close());
  d.pusher = createWebPushSender(createSubscriptionStore(d.statePool), d.keys.vapid, {
    ttlSeconds: 60, log: createLogger({ level: 'silent' }), agent: service.agent,
  });
  const app = createApp(d);
  const headers = {
    ...bearer(await signIn(app, 'operador')), 'content-type': 'application/json',
  };
  const subscribe = (body: unknown) => app.request('/api/push/subscribe', {
    method: 'POST', headers, body: JSON.stringify(body),
  });
  const resync = (body: unknown) => app.request('/api/push/subscription', {
    method: 'PUT', headers, body: JSON.stringify(body),
  });
  const testPush = () => app.request('/api/push/test', { method: 'POST', headers });
  const got = (id: string) => service.received.filter((r) => r.id === id)
    .map((r) => r.payload as PushPayload);
  const locales = async () => (await d.statePool.query<{ endpoint: string; locale: string }>(
    'SELECT endpoint, locale FROM turno.push_subscriptions ORDER BY id',
  )).rows;
  return { d, subscribe, resync, testPush, got, locales };
}

describe('each device\'s notifications in its app\'s language', () => {
  it('pushes an alert to an English device in English and to a Spanish one in Spanish',
    async () => {
      const { d, subscribe, resync, got } = await setUp();
      const [english, spanish, older] = [
        service.subscribe(), service.subscribe(), service.subscribe(),
      ];
      expect((await subscribe({ ...english.json, locale: 'en' })).status).toBe(201);
      expect((await resync({ subscription: spanish.json, locale: 'es-MX' })).status).toBe(200);
      // An app from before the language was sent: the app's first language.
      expect((await resync({ subscription: older.json })).status).toBe(200);
      await setRotation(d.statePool, ['operador', 'admin'], clock);
      const id = await openAlert(d.statePool, { at: clock });

      await pushNewAlerts(d);

      expect(got(english.id)).toEqual([expect.objectContaining({
        alertId: id, kind: 'alert', title: `4.1 · ${diskFull.en}`, lang: 'en',
      })]);
      for (const device of [spanish, older]) {
        expect(got(device.id)).toEqual([expect.objectContaining({
          alertId: id, kind: 'alert', title: `4.1 · ${diskFull.es}`, lang: 'es-MX',
        })]);
      }
    });

  it('words the test push from Ajustes in each device\'s language', async () => {
    const { subscribe, testPush, got } = await setUp();
    const [english, spanish] = [service.subscribe(), service.subscribe()];
    await subscribe({ ...english.json, locale: 'en' });
    await subscribe({ ...spanish.json, locale: 'es-MX' });

    const response = await testPush();

    expect(await response.json()).toMatchObject({ devices: 2, delivered: 2 });
    expect(got(english.id)).toEqual([expect.objectContaining({
      kind: 'test', title: 'Turno: notification test', lang: 'en',
    })]);
    expect(got(spanish.id)).toEqual([expect.objectContaining({
      kind: 'test', title: 'Turno: prueba de notificaciones', lang: 'es-MX',
    })]);
  });

  it('follows the language the app re-syncs with, and keeps it when the worker rotates',
    async () => {
      const { subscribe, resync, testPush, got, locales } = await setUp();
      const [phone, rotated] = [service.subscribe(), service.subscribe()];
      await subscribe({ ...phone.json, locale: 'es-MX' });

      await resync({ subscription: phone.json, locale: 'en' });
      await testPush();
      // The service worker re-subscribes without knowing the app's language.
      await resync({ subscription: rotated.json, previousEndpoint: phone.json.endpoint });
      await testPush();

      expect(got(phone.id).map((payload) => payload.lang)).toEqual(['en']);
      expect(got(rotated.id).map((payload) => payload.lang)).toEqual(['en']);
      expect(await locales()).toEqual([{ endpoint: rotated.json.endpoint, locale: 'en' }]);
    });

  it.each([['fr'], ['es'], ['en-US'], [''], [3], [null]])(
    'answers 400 locale_unsupported for %j and keeps what was stored', async (locale) => {
      const { subscribe, resync, locales } = await setUp();
      const phone = service.subscribe();
      await subscribe({ ...phone.json, locale: 'en' });

      const subscribed = await subscribe({ ...phone.json, locale });
      const resynced = await resync({ subscription: phone.json, locale });

      for (const response of [subscribed, resynced]) {
        expect(response.status).toBe(400);
        expect(await response.json()).toMatchObject({
          error: { code: 'locale_unsupported', details: { allowed: ['es-MX', 'en'] } },
        });
      }
      expect(await locales()).toEqual([{ endpoint: phone.json.endpoint, locale: 'en' }]);
    },
  );
});
