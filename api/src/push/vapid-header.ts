import webPush from 'web-push';
import type { VapidKeys } from './types.ts';

export interface VapidHeaderOptions {
  /** The real clock by default: push services check the token's `exp` against theirs. */
  now?: () => Date;
  /** How long each signed token is valid; RFC 8292 allows at most 24 h. */
  lifetimeSeconds?: number;
  /** Sign a new token this long before the old one expires, so none goes out about to lapse. */
  renewBeforeSeconds?: number;
}

export interface VapidHeaderCache {
  /** `Authorization: vapid t=…, k=…` for the push service that hosts `endpoint`. */
  authorizationFor(endpoint: string): string;
}

interface Signed {
  authorization: string;
  /** Seconds since the epoch, as in the token's `exp`. */
  expiresAt: number;
}

/**
 * Signs one VAPID token per push service origin (the token's audience) and reuses it while
 * it is valid: web-push alone signs again for every message, most of the cost of a fan-out.
 */
export function createVapidHeaderCache(
  vapid: VapidKeys, options: VapidHeaderOptions = {},
): VapidHeaderCache {
  const now = options.now ?? (() => new Date());
  const lifetime = options.lifetimeSeconds ?? 12 * 3600;
  const renewBefore = options.renewBeforeSeconds ?? 3600;
  const byAudience = new Map<string, Signed>();

  return {
    authorizationFor(endpoint) {
      const audience = new URL(endpoint).origin;
      const at = Math.floor(now().getTime() / 1000);
      const cached = byAudience.get(audience);
      if (cached && at < cached.expiresAt - renewBefore) return cached.authorization;

      const expiresAt = at + lifetime;
      const { Authorization: authorization } = webPush.getVapidHeaders(
        audience, vapid.subject, vapid.publicKey, vapid.privateKey, 'aes128gcm', expiresAt,
      );
      byAudience.set(audience, { authorization, expiresAt });
      return authorization;
    },
  };
}
