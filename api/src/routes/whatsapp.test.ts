import { afterEach, describe, expect, it } from 'vitest';
import { phoneReminderSchema, whatsappQrResponse } from '@turno/shared';
import { listAudit } from '../audit/audit-log.ts';
import { createApp } from '../app.ts';
import { createSandboxCloud } from '../cloud/sandbox.ts';
import { setDrill, findDrill } from '../probes/drills.ts';
import type { MessagingConfig } from '../probes/messaging/config.ts';
import { startFakePeer, type FakePeer } from '../probes/messaging/testing/fake-peer.ts';
import {
  messagingDeps, peerConfig, ultraMsgToken,
} from '../probes/messaging/testing/messaging-deps.ts';
import { bearer, signIn, type TestDeps } from '../testing/index.ts';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
let deps: TestDeps | undefined;
let peer: FakePeer | undefined;

afterEach(async () => {
  await deps?.close();
  await peer?.close();
  deps = undefined;
  peer = undefined;
});

async function setUp(
  options: { messaging?: MessagingConfig; aws?: boolean; now?: Date } = {},
) {
  const now = options.now ?? new Date('2026-03-02T16:00:00Z');
  const cloud = options.aws ? { ...createSandboxCloud(), kind: 'aws' as const } : undefined;
  deps = await messagingDeps([], {
    now: () => now, ...(cloud ? { cloud } : {}),
    ...(options.messaging ? { messaging: options.messaging } : {}),
  });
  const app = createApp(deps);
  const as = async (user: string) => bearer(await signIn(app, user));
  return { deps, app, as, now };
}

describe('GET /api/whatsapp/qr', () => {
  it('hands an operator UltraMsg\'s PNG as a data URL, without the token, and audits it',
    async () => {
      peer = await startFakePeer();
      peer.answer('/instance1/instance/qr', { contentType: 'image/png', bytes: png });
      const { app, as, deps: d } = await setUp({ messaging: peerConfig(peer.url) });

      const response = await app.request('/api/whatsapp/qr', { headers: await as('operador') });

      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const text = await response.text();
      expect(text).not.toContain(ultraMsgToken);
      const body = whatsappQrResponse.parse(JSON.parse(text));
      expect(body.image).toBe(`data:image/png;base64,${Buffer.from(png).toString('base64')}`);
      expect(new URL(peer.requests[0]?.url ?? '', peer.url).searchParams.get('token'))
        .toBe(ultraMsgToken);
      const [entry] = await listAudit(d.statePool, 1);
      expect(entry).toMatchObject({ action: 'whatsapp.qr.view', actor: 'operador' });
    });

  it('answers 409 when the instance is not waiting for a scan (UltraMsg answers JSON)',
    async () => {
      peer = await startFakePeer();
      peer.answer('/instance1/instance/qr', {
        json: { error: 'instance status is not equal "qr"' },
      });
      const { app, as } = await setUp({ messaging: peerConfig(peer.url) });

      const response = await app.request('/api/whatsapp/qr', { headers: await as('operador') });

      expect(response.status).toBe(409);
      expect(await response.json()).toMatchObject({ error: { code: 'whatsapp_qr_unavailable' } });
    });

  it('answers 502 when UltraMsg does not answer', async () => {
    peer = await startFakePeer();
    const { app, as } = await setUp({ messaging: peerConfig(peer.url) });
    await peer.close();

    const response = await app.request('/api/whatsapp/qr', { headers: await as('operador') });

    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ error: { code: 'ultramsg_unavailable' } });
  });

  it('shows the sandbox\'s QR while the logged-out drill is on', async () => {
    const { app, as, deps: d, now } = await setUp();
    const drill = findDrill('whatsapp-logged-out');
    if (!drill) throw new Error('drill missing');
    const headers = await as('operador');
    expect((await app.request('/api/whatsapp/qr', { headers })).status).toBe(409);

    await setDrill(d, drill, true, now);
    const response = await app.request('/api/whatsapp/qr', { headers });

    expect(response.status).toBe(200);
    const body = whatsappQrResponse.parse(await response.json());
    expect(body.image).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it('refuses a viewer, and answers 409 where no instance is watched', async () => {
    const { app, as } = await setUp({ aws: true });

    const viewer = await app.request('/api/whatsapp/qr', { headers: await as('observador') });
    const operator = await app.request('/api/whatsapp/qr', { headers: await as('operador') });

    expect(viewer.status).toBe(403);
    expect(operator.status).toBe(409);
    expect(await operator.json()).toMatchObject({ error: { code: 'whatsapp_not_watched' } });
  });
});

describe('/api/whatsapp/reminder', () => {
  it('has no due date before Turno first looks, nor a confirmation', async () => {
    const { app, as } = await setUp();

    const headers = await as('observador');
    const response = await app.request('/api/whatsapp/reminder', { headers });

    expect(phoneReminderSchema.parse(await response.json())).toEqual({
      watched: true, everyDays: 12, lastConfirmedAt: null, lastConfirmedBy: null,
      lastSentAt: null, dueAt: null,
    });
  });

  it('records an operator\'s "Listo" once under a double tap, audited before and after',
    async () => {
      const { app, as, deps: d, now } = await setUp();
      const headers = { ...await as('operador'), 'Idempotency-Key': 'listo-1' };
      const confirm = () => app.request('/api/whatsapp/reminder/confirm', {
        method: 'POST', headers,
      });

      const [first, second] = await Promise.all([confirm(), confirm()]);

      expect([first.status, second.status]).toEqual([200, 200]);
      expect(await first.json()).toMatchObject({
        lastConfirmedAt: now.toISOString(), lastConfirmedBy: 'operador',
        dueAt: new Date(now.getTime() + 12 * 86_400_000).toISOString(),
      });
      const entries = (await listAudit(d.statePool, 10))
        .filter((entry) => entry.action === 'whatsapp.reminder.confirm');
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        before: { lastConfirmedAt: null }, after: { lastConfirmedBy: 'operador' },
      });
    });

  it('gives the next reminder within its daytime hours, not at the hour "Listo" was said',
    async () => {
      // 2:14 a.m. in Mexico City: twelve days later the reminder waits for 9:00.
      const { app, as } = await setUp({ now: new Date('2026-12-04T08:14:00Z') });
      await app.request('/api/whatsapp/reminder/confirm', {
        method: 'POST', headers: await as('operador'),
      });

      const response = await app.request('/api/whatsapp/reminder', {
        headers: await as('observador'),
      });

      expect(phoneReminderSchema.parse(await response.json()).dueAt)
        .toBe('2026-12-16T15:00:00.000Z');
    });

  it('refuses a viewer\'s "Listo"', async () => {
    const { app, as } = await setUp();
    const response = await app.request('/api/whatsapp/reminder/confirm', {
      method: 'POST', headers: await as('observador'),
    });
    expect(response.status).toBe(403);
  });
});
