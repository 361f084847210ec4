import { Hono } from 'hono';
import {
  appLocales, isAppLocale, pushSubscriptionRequest, pushUnsubscribeRequest, TurnoError,
  type AppLocale,
} from '@turno/shared';
import { createSubscriptionStore } from '../db/subscriptions.ts';
import { readJson } from '../request.ts';
import type { AppDeps, AppEnv } from '../types.ts';

/** GET /api/push/key, public: the VAPID public key browsers subscribe with. */
export function pushKeyRoutes(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/key', (c) => c.json({ publicKey: deps.keys.vapid.publicKey }));
}

/** POST /api/push/subscribe and /unsubscribe: this phone's push subscription. */
export function pushRoutes(deps: AppDeps): Hono<AppEnv> {
  const store = createSubscriptionStore(deps.statePool);

  return new Hono<AppEnv>()
    .post('/subscribe', async (c) => {
      const body = await readJson(c, pushSubscriptionRequest, 'subscription_invalid');
      assertPushService(new URL(body.endpoint), deps.config.pushServiceHosts);
      const locale = readLocale(body.locale);
      const { user } = c.var.principal;
      const id = await store.save({
        endpoint: body.endpoint, p256dh: body.keys.p256dh, auth: body.keys.auth, userName: user,
        locale,
      });
      c.var.log.info('push.subscribed', {
        subscription: id, host: new URL(body.endpoint).host, locale: locale ?? null,
      });
      return c.json({ id }, 201);
    })
    .post('/unsubscribe', async (c) => {
      const { endpoint } = await readJson(c, pushUnsubscribeRequest, 'subscription_invalid');
      // Another person's endpoint answers as an unknown one: nothing says whose it is.
      const removed = await store.removeByEndpoint(endpoint, c.var.principal.user);
      c.var.log.info('push.unsubscribed', { removed, host: new URL(endpoint).host });
      return c.json({ removed });
    });
}

/**
 * Push services are https hosts run by browser makers; any other endpoint would let a signed-in
 * user make Turno post to internal addresses (169.254.169.254, localhost, the VPC).
 */
export function assertPushService(endpoint: URL, allowedHosts: readonly string[]): void {
  if (endpoint.protocol !== 'https:') {
    throw new TurnoError('subscription_invalid', 'The push endpoint must be an https URL.');
  }
  const host = endpoint.hostname.toLowerCase();
  const allowed = allowedHosts.some((name) => host === name || host.endsWith(`.${name}`));
  if (!allowed) {
    throw new TurnoError('subscription_invalid', 'The push endpoint is not a known push service.');
  }
}

/**
 * The app's language a device sent, one of `appLocales`; absent (an app from before it sent
 * one) leaves the stored one. Anything else is 400 `locale_unsupported`.
 */
export function readLocale(value: unknown): AppLocale | undefined {
  if (value === undefined) return undefined;
  if (isAppLocale(value)) return value;
  throw new TurnoError('locale_unsupported', undefined, { allowed: [...appLocales] });
}
