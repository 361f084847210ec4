import type { UserManager } from 'oidc-client-ts';
import type { ApiRequest } from '../api/client.ts';
import { forgetPushDevice } from '../composables/usePush.ts';

/** However slow the network, sign-out is done by then: what has not finished is let go. */
export const signOutBudgetMs = 4_000;

/** Counts down one budget over the steps of a sign-out. */
export function budget(ms = signOutBudgetMs): () => number {
  const end = Date.now() + ms;
  return () => Math.max(0, end - Date.now());
}

/**
 * What `work` answers within `ms`, or null: a failure or a late answer is let go, because
 * sign-out must end on this phone whatever the network does (offline, the API or Cognito down).
 */
export async function within<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => { timer = setTimeout(() => resolve(null), ms); });
  try {
    return await Promise.race([work.catch(() => null), late]);
  } finally {
    clearTimeout(timer);
  }
}

async function pushSubscription(): Promise<PushSubscription | null> {
  if (!('serviceWorker' in navigator)) return null;
  const registration = await navigator.serviceWorker.getRegistration('/');
  return (await registration?.pushManager.getSubscription()) ?? null;
}

/**
 * Stops on-call pushes to this phone: the API forgets its subscription (while the session can
 * still ask), then the browser drops it, which also ends pushes the API did not hear about.
 */
export async function stopPush(request: ApiRequest, left: () => number): Promise<void> {
  forgetPushDevice();
  const subscription = await within(pushSubscription(), left());
  if (!subscription) return;
  await within(request('/api/push/unsubscribe', {
    method: 'POST', body: { endpoint: subscription.endpoint },
  }), left());
  await within(subscription.unsubscribe(), left());
}

/**
 * Revokes the refresh token at Cognito, so the tokens left on this phone can renew nothing,
 * then removes them. A revocation answered after the wait stores the user again: it is
 * removed once more then.
 */
export async function revokeAndForget(users: UserManager, left: () => number): Promise<void> {
  const revoking = users.revokeTokens(['refresh_token']);
  await within(revoking, left());
  void revoking.then(() => users.removeUser(), () => undefined);
  await users.removeUser();
  await users.clearStaleState();
}
