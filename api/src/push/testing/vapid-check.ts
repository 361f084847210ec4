import { importJWK, jwtVerify } from 'jose';

const MAX_LIFETIME_S = 24 * 60 * 60;

export interface VapidClaims {
  aud: string;
  exp: number;
  sub: string;
  publicKey: string;
}

/**
 * Checks `Authorization: vapid t=<jwt>, k=<key>` as a push service does
 * (https://www.rfc-editor.org/rfc/rfc8292#section-3): ES256 signed by `k`, `aud` is this
 * service's origin, `exp` at most 24 h ahead, `sub` a contact. Throws when any of it fails.
 */
export async function verifyVapid(
  header: string | undefined, origin: string, now = new Date(),
): Promise<VapidClaims> {
  const match = /^vapid\s+t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (!match) throw new Error('Authorization is not a VAPID header');
  const [, token = '', publicKey = ''] = match;

  const raw = Buffer.from(publicKey, 'base64url');
  if (raw.length !== 65 || raw[0] !== 0x04) throw new Error('k is not an uncompressed P-256 key');
  const key = await importJWK({
    kty: 'EC', crv: 'P-256',
    x: raw.subarray(1, 33).toString('base64url'),
    y: raw.subarray(33).toString('base64url'),
  }, 'ES256');

  const { payload } = await jwtVerify(token, key, {
    algorithms: ['ES256'], audience: origin, requiredClaims: ['exp', 'sub'], currentDate: now,
  });
  const exp = payload.exp ?? 0;
  if (exp - now.getTime() / 1000 > MAX_LIFETIME_S) throw new Error('exp is more than 24 h ahead');
  if (typeof payload.sub !== 'string' || !/^(mailto:|https:)/.test(payload.sub)) {
    throw new Error('sub is not a mailto: or https: contact');
  }
  return { aud: origin, exp, sub: payload.sub, publicKey };
}
