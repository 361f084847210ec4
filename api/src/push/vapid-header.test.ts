import { decodeJwt } from 'jose';
import webPush from 'web-push';
import { describe, expect, it } from 'vitest';
import { verifyVapid } from './testing/vapid-check.ts';
import { createVapidHeaderCache } from './vapid-header.ts';

const vapid = { ...webPush.generateVAPIDKeys(), subject: 'mailto:guardia@example.com' };
const fcm = 'https://fcm.googleapis.com';
const mozilla = 'https://updates.push.services.mozilla.com';
const start = new Date('2025-06-01T12:00:00Z');
const hours = (n: number) => n * 3600 * 1000;

/** A cache on a clock the test moves by hand. */
function setUp() {
  let clock = start;
  const cache = createVapidHeaderCache(vapid, { now: () => clock });
  return { cache, setClock: (at: Date) => { clock = at; } };
}

const expiry = (header: string) => decodeJwt(/t=([^,]+)/.exec(header)?.[1] ?? '').exp;
const seconds = (at: Date) => at.getTime() / 1000;

describe('createVapidHeaderCache', () => {
  it('signs a token for the push service origin that expires 12 h later', async () => {
    const { cache } = setUp();

    const header = await cache.authorizationFor(`${fcm}/fcm/send/abc:def`);

    const claims = await verifyVapid(header, fcm, start);
    expect(claims).toMatchObject({ aud: fcm, sub: vapid.subject, publicKey: vapid.publicKey });
    expect(claims.exp).toBe(seconds(start) + 12 * 3600);
  });

  it('reuses the same header for any endpoint of that service while it is valid', async () => {
    const { cache, setClock } = setUp();
    const first = await cache.authorizationFor(`${fcm}/fcm/send/one`);

    setClock(new Date(start.getTime() + hours(11) - 1000));
    const later = await cache.authorizationFor(`${fcm}/fcm/send/two`);

    expect(later).toBe(first);
  });

  it('signs a new header once less than an hour of the old one is left', async () => {
    const { cache, setClock } = setUp();
    const first = await cache.authorizationFor(`${fcm}/fcm/send/one`);

    const renewedAt = new Date(start.getTime() + hours(11));
    setClock(renewedAt);
    const renewed = await cache.authorizationFor(`${fcm}/fcm/send/one`);

    expect(renewed).not.toBe(first);
    expect(expiry(renewed)).toBe(seconds(renewedAt) + 12 * 3600);
    await expect(verifyVapid(renewed, fcm, renewedAt)).resolves.toMatchObject({ aud: fcm });
    setClock(new Date(renewedAt.getTime() + hours(1)));
    expect(await cache.authorizationFor(`${fcm}/fcm/send/two`)).toBe(renewed);
  });

  it('keeps a separate header for each push service', async () => {
    const { cache } = setUp();

    const google = await cache.authorizationFor(`${fcm}/fcm/send/one`);
    const firefox = await cache.authorizationFor(`${mozilla}/wpush/v2/gAAAA`);

    expect(firefox).not.toBe(google);
    await expect(verifyVapid(firefox, mozilla, start)).resolves.toMatchObject({ aud: mozilla });
    await expect(verifyVapid(google, mozilla, start)).rejects.toThrow(/aud/);
    expect(await cache.authorizationFor(`${fcm}/fcm/send/two`)).toBe(google);
  });

  it('treats an explicit default port as the same origin', async () => {
    const { cache } = setUp();

    const plain = await cache.authorizationFor(`${fcm}/fcm/send/one`);

    expect(await cache.authorizationFor('https://fcm.googleapis.com:443/fcm/send/two'))
      .toBe(plain);
  });

  it('signs once for messages to one service that go out at the same moment', async () => {
    const { cache } = setUp();

    const headers = await Promise.all([1, 2, 3].map((n) =>
      cache.authorizationFor(`${fcm}/fcm/send/${n}`)));

    expect(new Set(headers).size).toBe(1);
    await expect(verifyVapid(headers[0], fcm, start)).resolves.toMatchObject({ aud: fcm });
  });

  it('refuses a public key that is not an uncompressed P-256 point', async () => {
    const short = { ...vapid, publicKey: Buffer.alloc(33, 2).toString('base64url') };
    const cache = createVapidHeaderCache(short, { now: () => start });

    await expect(cache.authorizationFor(`${fcm}/fcm/send/one`)).rejects.toThrow(/P-256 point/);
  });
});
