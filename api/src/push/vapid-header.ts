import { importJWK, SignJWT, type JWK } from 'jose';
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
  authorizationFor(endpoint: string): Promise<string>;
}

interface Signed {
  authorization: Promise<string>;
  /** Seconds since the epoch, as in the token's `exp`. */
  expiresAt: number;
}

/** The VAPID pair as a JWK: `publicKey` is the raw uncompressed P-256 point, base64url. */
export function vapidPrivateJwk({ publicKey, privateKey }: VapidKeys): JWK {
  const point = Buffer.from(publicKey, 'base64url');
  if (point.length !== 65 || point[0] !== 0x04) {
    throw new Error('The VAPID public key is not an uncompressed P-256 point');
  }
  const x = point.subarray(1, 33).toString('base64url');
  const y = point.subarray(33).toString('base64url');
  return { kty: 'EC', crv: 'P-256', x, y, d: privateKey };
}

/**
 * Signs one VAPID token (RFC 8292, ES256 with jose) per push service origin, the token's
 * audience, and reuses it while it is valid: signing for every message would be most of the
 * cost of a fan-out. Messages sent at once to one service share the one signature. web-push's
 * own signer is left out of the Lambda bundles (scripts/unreached-imports.ts).
 */
export function createVapidHeaderCache(
  vapid: VapidKeys, options: VapidHeaderOptions = {},
): VapidHeaderCache {
  const now = options.now ?? (() => new Date());
  const lifetime = options.lifetimeSeconds ?? 12 * 3600;
  const renewBefore = options.renewBeforeSeconds ?? 3600;
  const byAudience = new Map<string, Signed>();
  let key: ReturnType<typeof importJWK> | undefined;

  const sign = async (audience: string, expiresAt: number) => {
    key ??= importJWK(vapidPrivateJwk(vapid), 'ES256');
    const token = await new SignJWT({})
      .setProtectedHeader({ typ: 'JWT', alg: 'ES256' })
      .setAudience(audience).setExpirationTime(expiresAt).setSubject(vapid.subject)
      .sign(await key);
    return `vapid t=${token}, k=${vapid.publicKey}`;
  };

  return {
    authorizationFor(endpoint) {
      const audience = new URL(endpoint).origin;
      const at = Math.floor(now().getTime() / 1000);
      const cached = byAudience.get(audience);
      if (cached && at < cached.expiresAt - renewBefore) return cached.authorization;

      const expiresAt = at + lifetime;
      const authorization = sign(audience, expiresAt);
      byAudience.set(audience, { authorization, expiresAt });
      // A failed signature is not kept: the next message signs again.
      authorization.catch(() => {
        if (byAudience.get(audience)?.authorization === authorization) byAudience.delete(audience);
      });
      return authorization;
    },
  };
}
