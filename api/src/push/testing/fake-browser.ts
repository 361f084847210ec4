import { createECDH, randomBytes, type ECDH } from 'node:crypto';

/** What `PushSubscription.toJSON()` gives a page, as the API receives it. */
export interface BrowserSubscriptionJson {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** A subscription plus the secrets only the browser holds, to decrypt what arrives. */
export interface FakeBrowserSubscription {
  json: BrowserSubscriptionJson;
  ecdh: ECDH;
  authSecret: Buffer;
}

/** Makes keys as a browser does: a P-256 ECDH pair and a 16-byte auth secret (RFC 8291). */
export function fakeBrowserSubscription(endpoint: string): FakeBrowserSubscription {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const authSecret = randomBytes(16);
  const keys = {
    p256dh: ecdh.getPublicKey().toString('base64url'),
    auth: authSecret.toString('base64url'),
  };
  return { json: { endpoint, keys }, ecdh, authSecret };
}
