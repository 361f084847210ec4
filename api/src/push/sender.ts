import type { Agent } from 'node:https';
import webPush from 'web-push';
import type { Logger } from '../types.ts';
import { forEachLimited } from './concurrency.ts';
import { encodeMessage } from './payload.ts';
import { retryAfterDate } from './retry-after.ts';
import { pushTopic } from './topic.ts';
import { createVapidHeaderCache } from './vapid-header.ts';
import type {
  AlertPusher, PushMessage, SendOptions, SendReport, StoredSubscription, SubscriptionStore,
  VapidKeys,
} from './types.ts';

export interface WebPushSenderOptions {
  ttlSeconds: number;
  log: Logger;
  now?: () => Date;
  /** Subscriptions pushed at once; 16 by default (1,000 in under a second, docs/benchmarks.md). */
  concurrency?: number;
  /** For tests: an agent that trusts a local push service's certificate. */
  agent?: Agent;
  timeoutMs?: number;
}

type Outcome =
  | { kind: 'delivered' }
  | { kind: 'removed'; status: number }
  | { kind: 'backedOff'; until: Date }
  | { kind: 'failed'; reason: string };

/**
 * Sends alerts with web-push (VAPID, aes128gcm), each device in its app's language, and keeps
 * the subscription list healthy.
 */
export function createWebPushSender(
  store: SubscriptionStore,
  vapid: VapidKeys,
  options: WebPushSenderOptions,
): AlertPusher {
  const now = options.now ?? (() => new Date());
  const log = options.log.child('push-sender');
  const backoff = new Map<string, Date>();
  const vapidHeaders = createVapidHeaderCache(vapid);

  const pushOne = async (
    sub: StoredSubscription, body: string, topic: string,
  ): Promise<Outcome> => {
    const subscription = { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } };
    try {
      await webPush.sendNotification(subscription, body, {
        TTL: options.ttlSeconds,
        urgency: 'high',
        topic,
        // Signed once per push service while valid, not again for every message.
        headers: { Authorization: await vapidHeaders.authorizationFor(sub.endpoint) },
        contentEncoding: 'aes128gcm',
        timeout: options.timeoutMs ?? 10_000,
        ...(options.agent ? { agent: options.agent } : {}),
      });
      return { kind: 'delivered' };
    } catch (error) {
      return outcomeOf(error, now());
    }
  };

  const backedOffUntil = (sub: StoredSubscription, at: Date): Date | undefined => {
    const stored = sub.backoffUntil ? new Date(sub.backoffUntil) : undefined;
    const local = backoff.get(sub.id);
    const until = [stored, local].find((d) => d !== undefined && d.getTime() > at.getTime());
    return until;
  };

  /** Pushes to one subscription and records what happened; only the store can throw. */
  const sendTo = async (
    sub: StoredSubscription, body: string, topic: string, report: SendReport,
  ): Promise<void> => {
    const host = endpointHost(sub.endpoint);
    const waitUntil = backedOffUntil(sub, now());
    if (waitUntil) {
      report.backedOff.push({ id: sub.id, until: waitUntil.toISOString() });
      report.outcomes.push({ id: sub.id, result: 'backed-off', until: waitUntil.toISOString() });
      log.debug('push.skipped_backoff', { subscription: sub.id, host });
      return;
    }

    const outcome = await pushOne(sub, body, topic);
    const at = now();
    switch (outcome.kind) {
      case 'delivered':
        report.delivered++;
        report.outcomes.push({ id: sub.id, result: 'delivered' });
        backoff.delete(sub.id);
        await store.markDelivered(sub.id, at);
        break;
      case 'removed':
        report.removed++;
        report.outcomes.push({ id: sub.id, result: 'removed', status: outcome.status });
        backoff.delete(sub.id);
        log.info('push.subscription_gone', { subscription: sub.id, host, ...outcome });
        await store.remove(sub.id);
        break;
      case 'backedOff': {
        const until = outcome.until.toISOString();
        report.backedOff.push({ id: sub.id, until });
        report.outcomes.push({ id: sub.id, result: 'backed-off', until });
        backoff.set(sub.id, outcome.until);
        log.warn('push.rate_limited', { subscription: sub.id, host, until });
        await store.markFailed(sub.id, at, `rate limited until ${until}`, outcome.until);
        break;
      }
      case 'failed':
        report.failed++;
        report.outcomes.push({ id: sub.id, result: 'failed', reason: outcome.reason });
        log.warn('push.failed', { subscription: sub.id, host, reason: outcome.reason });
        await store.markFailed(sub.id, at, outcome.reason);
        break;
    }
  };

  return {
    async send(message: PushMessage, { topic, users }: SendOptions): Promise<SendReport> {
      const bodies = encodeMessage(message);
      const topicValue = pushTopic(topic);
      const report: SendReport = {
        delivered: 0, removed: 0, failed: 0, backedOff: [], outcomes: [],
      };
      const active = await store.listActive();
      const subscriptions = users ? active.filter((sub) => users.includes(sub.userName)) : active;

      await forEachLimited(subscriptions, options.concurrency ?? 16, async (sub) => {
        try {
          await sendTo(sub, bodies[sub.locale], topicValue, report);
        } catch (error) {
          // The store failed, not the device: log it and carry on with the others.
          log.error('push.store_failed', {
            subscription: sub.id, host: endpointHost(sub.endpoint), error: errorName(error),
          });
        }
      });

      log.info('push.sent', {
        topic: topicValue, delivered: report.delivered, removed: report.removed,
        failed: report.failed, backedOff: report.backedOff.length,
      });
      return report;
    },
  };
}

function outcomeOf(error: unknown, at: Date): Outcome {
  if (error instanceof webPush.WebPushError) {
    const status = error.statusCode;
    if (status === 404 || status === 410) return { kind: 'removed', status };
    if (status === 429) {
      return { kind: 'backedOff', until: retryAfterDate(error.headers['retry-after'], at) };
    }
    return { kind: 'failed', reason: `push service answered ${status}` };
  }
  // Codes only: errors from https carry the request, and web-push's carry the endpoint.
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string') return { kind: 'failed', reason: code };
  // web-push ends a request that passed its timeout with this message and no code.
  const timedOut = error instanceof Error && error.message === 'Socket timeout';
  return { kind: 'failed', reason: timedOut ? 'ETIMEDOUT' : 'request failed' };
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown';
}

function endpointHost(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return 'invalid-endpoint';
  }
}
