import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type PhoneBrowser } from './browser.ts';
import { getNotifications } from './notifications.ts';
import { deliverPush } from './service-worker.ts';
import { serveStatic, type StaticServer } from './static-server.ts';

const fixture = fileURLToPath(new URL('./fixtures/push-page', import.meta.url));

let site: StaticServer;
let phone: PhoneBrowser;

beforeAll(async () => {
  site = await serveStatic(fixture);
  phone = await launchBrowser(site.origin);
});
afterAll(async () => {
  await phone?.close();
  await site?.close();
});

describe('the push harness', () => {
  it('delivers a push through CDP to the service worker, which shows a notification', async () => {
    const page = await phone.newPage();
    await page.goto(site.origin);
    await page.locator('#state', { hasText: 'ready' }).waitFor();

    const payload = { v: 1, alertId: '17', card: '4.1', title: 'Disco lleno', url: '/alertas/17' };
    expect(await deliverPush(page, site.origin, payload)).toBe('Success');

    await expect.poll(() => getNotifications(page), { timeout: 10_000 }).toEqual([
      { title: 'Disco lleno', tag: '17', body: 'tarjeta 4.1', data: { url: '/alertas/17' } },
    ]);
  });

  it('emulates a 390×844 phone in es-MX with notifications granted', async () => {
    const page = await phone.newPage();
    await page.goto(site.origin);

    const seen = await page.evaluate(() => {
      const g = globalThis as unknown as {
        innerWidth: number; innerHeight: number; devicePixelRatio: number;
        navigator: { language: string }; Notification: { permission: string };
      };
      return {
        size: [g.innerWidth, g.innerHeight], ratio: g.devicePixelRatio,
        language: g.navigator.language, permission: g.Notification.permission,
        zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      };
    });

    expect(seen).toEqual({
      size: [390, 844], ratio: 2, language: 'es-MX', permission: 'granted',
      zone: 'America/Mexico_City',
    });
  });
});
