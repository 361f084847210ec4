import webPush from 'web-push';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppLocale } from '@turno/shared';
import { alertPushPayload, pushMessage, PushPayloadTooLargeError } from './payload.ts';
import { createWebPushSender } from './sender.ts';
import { memorySubscriptionStore } from './testing/memory-store.ts';
import { startPushService, type PushService } from './testing/push-service.ts';
import { recordingLogger } from './testing/recording-logger.ts';
import type { StoredSubscription, VapidKeys } from './types.ts';

const titles = { 'es-MX': 'Almacenamiento de RDS lleno', en: 'RDS storage full' } as const;
const message = pushMessage((locale) => ({
  v: 1, alertId: '42', card: '4.1', title: titles[locale], url: '/alertas/42',
}));

let service: PushService;
let vapid: VapidKeys;

beforeAll(async () => {
  service = await startPushService();
  vapid = { ...webPush.generateVAPIDKeys(), subject: 'mailto:guardia@example.com' };
});
afterAll(() => service.close());

function stored(userName = 'operador', locale: AppLocale = 'es-MX'): StoredSubscription {
  const sub = service.subscribe();
  return { id: sub.id, endpoint: sub.json.endpoint, ...sub.json.keys, userName, locale };
}

function setUp(subs: StoredSubscription[], now?: () => Date) {
  const store = memorySubscriptionStore(subs);
  const log = recordingLogger();
  const sender = createWebPushSender(store, vapid, {
    ttlSeconds: 3600, log, agent: service.agent, ...(now ? { now } : {}),
  });
  return { store, log, sender };
}

const receivedBy = (id: string) => service.received.filter((r) => r.id === id);

describe('createWebPushSender', () => {
  it('delivers the exact payload, encrypted, with TTL, high urgency and the topic', async () => {
    const sub = stored();
    const { sender, store } = setUp([sub]);

    const report = await sender.send(message, { topic: 'alert-42' });

    expect(report).toEqual({
      delivered: 1, removed: 0, failed: 0, backedOff: [],
      outcomes: [{ id: sub.id, result: 'delivered' }],
    });
    const [push] = receivedBy(sub.id);
    expect(push?.payload).toEqual(message['es-MX']);
    expect(push?.headers).toEqual({ ttl: '3600', urgency: 'high', topic: 'alert-42' });
    expect(store.events).toMatchObject([{ kind: 'delivered', id: sub.id }]);
  });

  it('sends each device the payload in its app\'s language, and says which', async () => {
    const spanish = stored('ana', 'es-MX');
    const english = stored('ana', 'en');
    const { sender } = setUp([spanish, english]);

    await sender.send(message, { topic: 'alert-42' });

    expect(receivedBy(spanish.id).map((r) => r.payload)).toEqual([
      expect.objectContaining({ title: 'Almacenamiento de RDS lleno', lang: 'es-MX' }),
    ]);
    expect(receivedBy(english.id).map((r) => r.payload)).toEqual([
      expect.objectContaining({ title: 'RDS storage full', lang: 'en' }),
    ]);
  });

  it('signs a VAPID JWT for the push service origin with our key and contact', async () => {
    const sub = stored();
    const { sender } = setUp([sub]);

    await sender.send(message, { topic: 'alert-42' });

    const vapidClaims = receivedBy(sub.id)[0]?.vapid;
    expect(vapidClaims).toMatchObject({
      aud: service.origin, sub: vapid.subject, publicKey: vapid.publicKey,
    });
    expect(vapidClaims!.exp * 1000).toBeGreaterThan(Date.now());
    expect(service.rejected.filter((r) => r.id === sub.id)).toEqual([]);
  });

  it('turns a topic that is not a valid header value into 32 URL-safe characters', async () => {
    const sub = stored();
    const { sender } = setUp([sub]);

    await sender.send(message, { topic: 'alert:0f8e2c1a-4b7d-4e55-9c3e-1d2f3a4b5c6d' });

    expect(receivedBy(sub.id)[0]?.headers.topic).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it.each([410, 404] as const)('removes a subscription the push service answers %i for', async (
    status,
  ) => {
    const gone = stored();
    const { sender, store } = setUp([gone]);
    service.answer(gone.id, { status });

    const report = await sender.send(message, { topic: 'alert-42' });

    expect(report.removed).toBe(1);
    expect(store.subscriptions.has(gone.id)).toBe(false);
    expect(receivedBy(gone.id)).toEqual([]);
  });

  it('backs off after a 429 until Retry-After has passed, then tries again', async () => {
    const sub = stored();
    let clock = new Date('2025-06-01T12:00:00Z');
    const { sender, store } = setUp([sub], () => clock);
    service.answer(sub.id, { status: 429, retryAfter: '120' });

    const first = await sender.send(message, { topic: 'alert-42' });
    const until = '2025-06-01T12:02:00.000Z';
    expect(first.backedOff).toEqual([{ id: sub.id, until }]);
    expect(store.subscriptions.get(sub.id)?.backoffUntil).toBe(until);
    expect(store.events.at(-1)).toMatchObject({ kind: 'failed', reason: expect.stringMatching(
      /rate limited/) });

    service.answer(sub.id, null);
    clock = new Date('2025-06-01T12:01:59Z');
    const second = await sender.send(message, { topic: 'alert-42' });
    expect(second).toEqual({
      delivered: 0, removed: 0, failed: 0, backedOff: [{ id: sub.id, until }],
      outcomes: [{ id: sub.id, result: 'backed-off', until }],
    });
    expect(receivedBy(sub.id)).toEqual([]);

    clock = new Date('2025-06-01T12:02:01Z');
    const third = await sender.send(message, { topic: 'alert-42' });
    expect(third.delivered).toBe(1);
    expect(receivedBy(sub.id)).toHaveLength(1);
  });

  it('skips a subscription whose stored backoff has not passed, as after a restart', async () => {
    const until = '2025-06-01T12:05:00.000Z';
    const sub = { ...stored(), backoffUntil: until };
    const { sender } = setUp([sub], () => new Date('2025-06-01T12:00:00Z'));

    const report = await sender.send(message, { topic: 'alert-42' });

    expect(report.backedOff).toEqual([{ id: sub.id, until }]);
    expect(receivedBy(sub.id)).toEqual([]);
  });

  it('reads a Retry-After given as an HTTP date', async () => {
    const sub = stored();
    const clock = new Date('2025-06-01T12:00:00Z');
    const { sender } = setUp([sub], () => clock);
    service.answer(sub.id, { status: 429, retryAfter: 'Sun, 01 Jun 2025 12:10:00 GMT' });

    const report = await sender.send(message, { topic: 'alert-42' });

    expect(report.backedOff).toEqual([{ id: sub.id, until: '2025-06-01T12:10:00.000Z' }]);
  });

  it('backs off for 60 s when a 429 has no Retry-After', async () => {
    const sub = stored();
    const clock = new Date('2025-06-01T12:00:00Z');
    const { sender } = setUp([sub], () => clock);
    service.answer(sub.id, { status: 429 });

    const report = await sender.send(message, { topic: 'alert-42' });

    expect(report.backedOff).toEqual([{ id: sub.id, until: '2025-06-01T12:01:00.000Z' }]);
  });

  it('refuses a payload over 3 KB instead of sending it', async () => {
    const sub = stored();
    const { sender, store } = setUp([sub]);
    const big = { ...message, en: { ...message.en, url: `/alertas/${'x'.repeat(3100)}` } };

    await expect(sender.send(big, { topic: 'alert-42' }))
      .rejects.toBeInstanceOf(PushPayloadTooLargeError);
    expect(receivedBy(sub.id)).toEqual([]);
    expect(store.events).toEqual([]);
  });

  it('keeps delivering to the others when one device fails', async () => {
    const broken = stored();
    const unreachable: StoredSubscription = {
      ...stored(), id: 'unreachable', endpoint: 'https://127.0.0.1:1/push/nowhere',
    };
    const healthy = [stored(), stored(), stored(), stored(), stored()];
    const { sender, store } = setUp([broken, unreachable, ...healthy]);
    service.answer(broken.id, { status: 500 });

    const report = await sender.send(message, { topic: 'alert-42' });

    expect(report).toMatchObject({ delivered: 5, failed: 2, removed: 0 });
    for (const sub of healthy) expect(receivedBy(sub.id)).toHaveLength(1);
    const failed = store.events.filter((e) => e.kind === 'failed').map((e) => e.id);
    expect(failed.sort()).toEqual([broken.id, 'unreachable'].sort());
    expect(report.outcomes.filter((o) => o.result === 'failed')).toEqual(expect.arrayContaining([
      { id: broken.id, result: 'failed', reason: 'push service answered 500' },
      { id: 'unreachable', result: 'failed', reason: 'ECONNREFUSED' },
    ]));
  });

  it('carries on with the others when the store fails for one subscription', async () => {
    const first = stored();
    const second = stored();
    const { sender, store, log } = setUp([first, second]);
    const markDelivered = store.markDelivered;
    store.markDelivered = async (id, at) => {
      if (id === first.id) throw new Error('connection reset');
      await markDelivered(id, at);
    };

    const report = await sender.send(message, { topic: 'alert-42' });

    expect(report.delivered).toBe(2);
    expect(receivedBy(second.id)).toHaveLength(1);
    expect(store.events).toMatchObject([{ kind: 'delivered', id: second.id }]);
    expect(log.lines.map((l) => l.event)).toContain('push.store_failed');
  });

  it('logs the endpoint host, never its path or keys', async () => {
    const gone = stored();
    const broken = stored();
    const { sender, log } = setUp([gone, broken]);
    service.answer(gone.id, { status: 410 });
    service.answer(broken.id, { status: 500 });

    await sender.send(message, { topic: 'alert-42' });

    const written = JSON.stringify(log.lines);
    expect(written).toContain(new URL(service.origin).host);
    for (const secret of [gone.id, broken.id].flatMap((id) => [`/push/${id}`])) {
      expect(written).not.toContain(secret);
    }
    for (const sub of [gone, broken]) {
      expect(written).not.toContain(sub.p256dh);
      expect(written).not.toContain(sub.auth);
    }
  });
});

describe('alertPushPayload', () => {
  it('carries the ids, card and title of an alert and none of its error text', () => {
    const alert = {
      id: '7', card: '4.1' as const,
      samples: ['could not extend file "base/16398/1160232.23": No space left on device'],
      functions: [{ name: 'linde-mix-get-events', count: 6 }],
    };

    const built = alertPushPayload(alert, 'Almacenamiento de RDS lleno');

    expect(built).toEqual({
      v: 1, alertId: '7', card: '4.1', title: 'Almacenamiento de RDS lleno', url: '/alertas/7',
    });
    const json = JSON.stringify(built);
    expect(json).not.toMatch(/No space|could not extend|linde-mix/);
  });
});
