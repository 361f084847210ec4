import webPush from 'web-push';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushMessage } from './payload.ts';
import { createWebPushSender } from './sender.ts';
import { memorySubscriptionStore } from './testing/memory-store.ts';
import { startPushService, type PushService } from './testing/push-service.ts';
import { recordingLogger } from './testing/recording-logger.ts';
import type { StoredSubscription } from './types.ts';

const message = pushMessage(() => ({
  v: 1, alertId: '42', card: '4.1', title: 'Almacenamiento de RDS lleno', url: '/alertas/42',
}));

let service: PushService;
beforeAll(async () => {
  service = await startPushService();
});
afterAll(() => service.close());

function device(userName: string): StoredSubscription {
  const sub = service.subscribe();
  return { id: sub.id, endpoint: sub.json.endpoint, ...sub.json.keys, userName, locale: 'es-MX' };
}

function sender(subs: StoredSubscription[]) {
  const vapid = { ...webPush.generateVAPIDKeys(), subject: 'mailto:guardia@example.com' };
  return createWebPushSender(memorySubscriptionStore(subs), vapid, {
    ttlSeconds: 60, log: recordingLogger(), agent: service.agent,
  });
}

const receivedBy = (sub: StoredSubscription) => service.received.filter((r) => r.id === sub.id);

describe('createWebPushSender with a target list', () => {
  it('pushes only to the devices of the people named', async () => {
    const ana = [device('ana'), device('ana')];
    const beto = device('beto');
    const caro = device('caro');

    const report = await sender([...ana, beto, caro]).send(message, {
      topic: 'alert-42', users: ['ana', 'caro'],
    });

    expect(report.delivered).toBe(3);
    for (const sub of [...ana, caro]) expect(receivedBy(sub)).toHaveLength(1);
    expect(receivedBy(beto)).toEqual([]);
  });

  it('pushes to nobody for an empty list, and to everyone without one', async () => {
    const subs = [device('ana'), device('beto')];
    const push = sender(subs);

    const none = await push.send(message, { topic: 'alert-42', users: [] });
    const all = await push.send(message, { topic: 'alert-42' });

    expect(none.delivered).toBe(0);
    expect(all.delivered).toBe(2);
    for (const sub of subs) expect(receivedBy(sub)).toHaveLength(1);
  });
});
