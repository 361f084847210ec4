import { request } from 'node:https';
import webPush from 'web-push';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPushService, type PushService } from './push-service.ts';

let service: PushService;
const contact = 'mailto:guardia@example.com';

beforeAll(async () => {
  service = await startPushService();
});
afterAll(() => service.close());

/** Posts what web-push would send, after letting the test tamper with the headers. */
async function post(
  endpointOf: (sub: { endpoint: string }) => string,
  tamper: (headers: Record<string, string>) => void,
  audience?: string,
): Promise<number> {
  const sub = service.subscribe();
  const keys = webPush.generateVAPIDKeys();
  const details = webPush.generateRequestDetails(sub.json, '{"v":1}', {
    vapidDetails: { subject: contact, ...keys }, contentEncoding: 'aes128gcm', TTL: 60,
  });
  const headers = details.headers as Record<string, string>;
  if (audience) {
    const vapidHeaders = webPush.getVapidHeaders(
      audience, contact, keys.publicKey, keys.privateKey, 'aes128gcm',
    );
    headers.Authorization = vapidHeaders.Authorization;
  }
  tamper(headers);
  return new Promise((resolve, reject) => {
    const req = request(endpointOf(sub.json), {
      method: 'POST', headers, agent: service.agent,
    }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(details.body);
  });
}

describe('startPushService', () => {
  it('accepts what web-push sends and decrypts it', async () => {
    const status = await post((s) => s.endpoint, () => {});

    expect(status).toBe(201);
    expect(service.received.at(-1)?.payload).toEqual({ v: 1 });
  });

  it('refuses a VAPID token whose k is not the key that signed it', async () => {
    const other = webPush.generateVAPIDKeys().publicKey;

    const status = await post((s) => s.endpoint, (h) => {
      h.Authorization = h.Authorization!.replace(/k=[\w-]+$/, `k=${other}`);
    });

    expect(status).toBe(403);
    expect(service.rejected.at(-1)?.reason).toMatch(/VAPID/);
  });

  it('refuses a VAPID token made for another push service', async () => {
    const status = await post((s) => s.endpoint, () => {}, 'https://push.example.net');

    expect(status).toBe(403);
    expect(service.rejected.at(-1)?.reason).toMatch(/aud/);
  });

  it('refuses a body it cannot decrypt with the subscription keys', async () => {
    const someoneElse = service.subscribe().id;

    const status = await post((s) => s.endpoint.replace(/[\w-]+$/, someoneElse), () => {});

    expect(status).toBe(400);
    expect(service.rejected.at(-1)?.reason).toMatch(/decrypt/);
  });

  it('answers 404 for a subscription it never issued', async () => {
    const status = await post((s) => `${new URL(s.endpoint).origin}/push/unknown`, () => {});

    expect(status).toBe(404);
  });
});
