/// <reference lib="WebWorker" />
import { readWorkerSession } from './sw-session.ts';

declare const self: ServiceWorkerGlobalScope;

/**
 * Subscribes again with the same server key and tells the API, replacing the old endpoint.
 * Without a session nothing is sent: the app re-syncs the next time it opens.
 */
export async function resubscribe(old: PushSubscription | null): Promise<void> {
  const session = await readWorkerSession();
  const key = old?.options.applicationServerKey ?? await publicKey();
  if (!key) return;
  const subscription = await self.registration.pushManager.subscribe({
    userVisibleOnly: true, applicationServerKey: key,
  });
  if (!session) return;
  await fetch('/api/push/subscription', {
    method: 'PUT',
    headers: { Authorization: `Bearer ${session.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      subscription: subscription.toJSON(),
      ...(old ? { previousEndpoint: old.endpoint } : {}),
    }),
  });
}

async function publicKey(): Promise<string | null> {
  const response = await fetch('/api/push/key');
  if (!response.ok) return null;
  const body = (await response.json()) as { publicKey?: unknown };
  return typeof body.publicKey === 'string' ? body.publicKey : null;
}
