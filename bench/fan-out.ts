import { Agent } from 'node:https';
import type pg from 'pg';
import webPush from 'web-push';
import type { PushPayload } from '@turno/shared';
import { createStatePool } from '../api/src/db/pools.ts';
import { createSubscriptionStore } from '../api/src/db/subscriptions.ts';
import { forEachLimited } from '../api/src/push/concurrency.ts';
import { encodePayload, pushMessage } from '../api/src/push/payload.ts';
import { createWebPushSender } from '../api/src/push/sender.ts';
import type { StoredSubscription, VapidKeys } from '../api/src/push/types.ts';
import { createVapidHeaderCache } from '../api/src/push/vapid-header.ts';
import { createTestDeps, type TestDeps } from '../api/src/testing/deps.ts';
import { renderFanOut, type FanOutRow } from './fan-out-report.ts';
import { startRemotePushService, type RemotePushService } from './push-service-process.ts';
import { say, since, type BenchSection } from './section.ts';

const subscriptionCount = 1000;
const rounds = Number(process.env.BENCH_FAN_OUT_ROUNDS ?? 5);
/** The sender's default; web-push alone gets the same. */
const concurrency = 16;
const payload: PushPayload = {
  v: 1, alertId: '42', card: '4.1', title: '4.1 · Almacenamiento de RDS lleno', url: '/alertas/42',
};
const message = pushMessage(() => payload);

/**
 * One alert pushed to 1,000 subscriptions on the local HTTPS push service, which checks each
 * VAPID token and decrypts each message. The Turno sender (VAPID header reused, PostgreSQL
 * store updated per subscription) is the row with the target; web-push alone, signing again
 * for every message and then with the reused header, shows where the time goes.
 */
export async function fanOutSection(): Promise<BenchSection> {
  const service = await startRemotePushService();
  const agent = new Agent({ ca: service.ca, keepAlive: true, maxSockets: concurrency });
  let deps: TestDeps | undefined;
  let statePool: pg.Pool | undefined;
  try {
    deps = await createTestDeps();
    // As many connections as the runtime's state pool has: the store is part of the fan-out.
    statePool = createStatePool(deps.database?.url ?? '', { max: 8 });
    const store = createSubscriptionStore(statePool);
    const subs: StoredSubscription[] = [];
    for (const { endpoint, keys } of await service.subscribe(subscriptionCount)) {
      const id = await store.save({ endpoint, ...keys, userName: 'operador' });
      subs.push({ id, endpoint, ...keys, userName: 'operador', locale: 'es-MX' });
    }
    const vapid = deps.keys.vapid;
    const sender = createWebPushSender(store, vapid, {
      ttlSeconds: deps.config.pushTtlSeconds, log: deps.log, agent,
    });
    const cached = createVapidHeaderCache(vapid);
    const cases: Array<{ name: string; send: () => Promise<unknown> }> = [
      { name: 'web-push alone, signing each message', send: () => bare(subs, vapid, agent) },
      {
        name: 'web-push alone, VAPID header reused',
        send: () => bare(subs, vapid, agent, (endpoint) => cached.authorizationFor(endpoint)),
      },
      {
        name: 'Turno sender (header reused, PostgreSQL store)',
        send: () => sender.send(message, { topic: 'alert-42' }),
      },
    ];
    const rows: FanOutRow[] = [];
    for (const { name, send } of cases) {
      say(`  ${name}: ${rounds} rounds of ${subscriptionCount}…`);
      rows.push({ name, ...(await measure(service, send)) });
    }
    return renderFanOut(rows, { subscriptions: subscriptionCount, concurrency, rounds });
  } finally {
    await statePool?.end();
    await deps?.close();
    agent.destroy();
    await service.close();
  }
}

/** One unmeasured round, then `rounds` timed ones; each must deliver to every subscription. */
async function measure(service: RemotePushService, send: () => Promise<unknown>) {
  const times: number[] = [];
  for (let round = 0; round <= rounds; round += 1) {
    const before = await service.counts();
    const start = performance.now();
    await send();
    const took = since(start);
    const after = await service.counts();
    const delivered = after.received - before.received;
    const rejected = after.rejected - before.rejected;
    if (delivered !== subscriptionCount || rejected > 0 || after.alertIds.join() !== '42') {
      throw new Error(`fan-out delivered ${delivered} of ${subscriptionCount}, `
        + `${rejected} rejected, alerts ${after.alertIds.join()}`);
    }
    if (round > 0) times.push(took);
  }
  return { times };
}

/** web-push called directly, as the sender did before it reused the header. */
async function bare(
  subs: StoredSubscription[], vapid: VapidKeys, agent: Agent,
  authorization?: (endpoint: string) => Promise<string>,
): Promise<void> {
  const body = encodePayload(payload);
  await forEachLimited(subs, concurrency, async (sub) => {
    await webPush.sendNotification(
      { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } }, body, {
        TTL: 3600, urgency: 'high', topic: 'alert-42', contentEncoding: 'aes128gcm', agent,
        ...(authorization
          ? { headers: { Authorization: await authorization(sub.endpoint) } }
          : { vapidDetails: vapid }),
      },
    );
  });
}
