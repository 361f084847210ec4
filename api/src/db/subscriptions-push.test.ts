import webPush from 'web-push';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushMessage } from '../push/payload.ts';
import { createWebPushSender } from '../push/sender.ts';
import { startPushService, type PushService } from '../push/testing/push-service.ts';
import { recordingLogger } from '../push/testing/recording-logger.ts';
import { createTestDeps, type TestDeps } from '../testing/index.ts';
import { createSubscriptionStore } from './subscriptions.ts';

const message = pushMessage(() => ({
  v: 1, alertId: '42', card: '4.1', title: 'Almacenamiento de RDS lleno', url: '/alertas/42',
}));

describe('push delivery with subscriptions kept in PostgreSQL', () => {
  let deps: TestDeps;
  let service: PushService;
  beforeAll(async () => {
    [deps, service] = await Promise.all([createTestDeps(), startPushService()]);
  });
  afterAll(async () => {
    await Promise.all([deps.close(), service.close()]);
  });

  it('deletes the rows of devices the push service answers 404 or 410 for, and only those',
    async () => {
      const store = createSubscriptionStore(deps.statePool);
      const devices = [service.subscribe(), service.subscribe(), service.subscribe()];
      for (const device of devices) {
        await store.save({ endpoint: device.json.endpoint, ...device.json.keys, userName: 'ana' });
      }
      const [gone, unknown, kept] = devices;
      service.answer(gone?.id ?? '', { status: 410 });
      service.answer(unknown?.id ?? '', { status: 404 });
      const vapid = { ...webPush.generateVAPIDKeys(), subject: 'mailto:guardia@example.com' };
      const sender = createWebPushSender(store, vapid, {
        ttlSeconds: 60, log: recordingLogger(), agent: service.agent,
      });

      const first = await sender.send(message, { topic: 'alert-42' });
      const second = await sender.send(message, { topic: 'alert-42' });

      const { rows } = await deps.statePool.query<{ endpoint: string }>(
        'SELECT endpoint FROM turno.push_subscriptions',
      );
      expect(rows.map((row) => row.endpoint)).toEqual([kept?.json.endpoint]);
      expect(first).toMatchObject({ delivered: 1, removed: 2, failed: 0 });
      expect(second).toMatchObject({ delivered: 1, removed: 0, failed: 0 });
      expect(service.received.filter((push) => push.id === kept?.id)).toHaveLength(2);
    });
});
