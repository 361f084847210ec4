import type { AlertPusher, SubscriptionStore, VapidKeys } from '../push/types.ts';
import type { Logger } from '../types.ts';

export interface LazyPusherOptions {
  store: SubscriptionStore;
  vapid: VapidKeys;
  ttlSeconds: number;
  log: Logger;
}

/** The web-push sender, loaded on the first alert: most API requests never push. */
export function lazyPusher(options: LazyPusherOptions): AlertPusher {
  let sender: Promise<AlertPusher> | undefined;
  const load = async () => {
    const { createWebPushSender } = await import('../push/sender.ts');
    return createWebPushSender(options.store, options.vapid, {
      ttlSeconds: options.ttlSeconds, log: options.log,
    });
  };
  return {
    async send(message, sendOptions) {
      sender ??= load().catch((error: unknown) => {
        sender = undefined;
        throw error;
      });
      return (await sender).send(message, sendOptions);
    },
  };
}
