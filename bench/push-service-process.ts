import type { BrowserSubscriptionJson } from '../api/src/push/testing/fake-browser.ts';
import { startPushService } from '../api/src/push/testing/push-service.ts';
import { forkTs, nextMessage, stopChild } from './child.ts';

/** What the parent asks the push service process, and what it answers. */
type Request = { kind: 'subscribe'; count: number } | { kind: 'counts' };
type Answer =
  | { kind: 'ready'; origin: string; ca: string }
  | { kind: 'subscribed'; subscriptions: BrowserSubscriptionJson[] }
  | { kind: 'counts'; received: number; rejected: number; alertIds: string[] };

export interface RemotePushService {
  origin: string;
  /** The service's self-signed certificate, for the sender's agent. */
  ca: string;
  subscribe(count: number): Promise<BrowserSubscriptionJson[]>;
  /** Messages accepted and turned away so far, and the distinct alert ids received. */
  counts(): Promise<{ received: number; rejected: number; alertIds: string[] }>;
  close(): Promise<void>;
}

/**
 * The local push service in a process of its own: a real push service is elsewhere, so its
 * VAPID checks and decryption should not share the sender's event loop.
 */
export async function startRemotePushService(): Promise<RemotePushService> {
  const child = forkTs(import.meta.url, ['--serve']);
  const next = () => nextMessage<Answer>(child);
  const ask = async (request: Request): Promise<Answer> => {
    const answer = next();
    child.send(request);
    return answer;
  };
  const ready = await next();
  if (ready.kind !== 'ready') throw new Error('push service did not start');
  return {
    origin: ready.origin,
    ca: ready.ca,
    async subscribe(count) {
      const answer = await ask({ kind: 'subscribe', count });
      return answer.kind === 'subscribed' ? answer.subscriptions : [];
    },
    async counts() {
      const answer = await ask({ kind: 'counts' });
      if (answer.kind !== 'counts') throw new Error('push service answered out of turn');
      return answer;
    },
    close: () => stopChild(child),
  };
}

async function serve(): Promise<void> {
  const service = await startPushService();
  const send = (answer: Answer) => process.send?.(answer);
  process.on('message', (request: Request) => {
    if (request.kind === 'subscribe') {
      const subscriptions = Array.from({ length: request.count }, () => service.subscribe().json);
      send({ kind: 'subscribed', subscriptions });
      return;
    }
    const ids = service.received.map((push) => String((push.payload as { alertId?: unknown })
      .alertId));
    send({
      kind: 'counts', received: service.received.length, rejected: service.rejected.length,
      alertIds: [...new Set(ids)],
    });
  });
  process.on('disconnect', () => void service.close().then(() => process.exit(0)));
  send({ kind: 'ready', origin: service.origin, ca: service.ca });
}

if (process.argv.includes('--serve')) await serve();
