import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { startPushService, type PushService } from '../api/src/push/testing/push-service.ts';
import { launchBrowser, type PhoneBrowser } from './support/browser.ts';
import { insertDiskFullBurst } from './support/disk-full-burst.ts';
import { getNotifications } from './support/notifications.ts';
import {
  activeRegistration, deliverPush, serviceWorkerLog,
} from './support/service-worker.ts';
import { signInApi, type TurnoApi } from './support/turno-api.ts';
import { startTurno, type RunningTurno } from './support/turno-server.ts';

// The README shows docs/screenshots; a plain run writes beside the tests, not over them.
const screenshots = fileURLToPath(new URL(
  process.env.UPDATE_SCREENSHOTS ? '../docs/screenshots/' : './artifacts/', import.meta.url,
));
const schedule = 'linde-mix-get-events';
const poll = { timeout: 30_000, interval: 250 };

let pushService: PushService;
let turno: RunningTurno;
let phone: PhoneBrowser;
let api: TurnoApi;

beforeAll(async () => {
  pushService = await startPushService();
  turno = await startTurno({ trustCa: pushService.ca });
  phone = await launchBrowser(turno.url);
  api = await signInApi(turno.url, 'operador');
  await mkdir(screenshots, { recursive: true });
});
afterAll(async () => {
  await phone?.close();
  await turno?.stop();
  await pushService?.close();
});

async function signIn(page: Page): Promise<void> {
  await page.goto(`${turno.url}/entrar`);
  await page.getByTestId('sign-in-operador').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/entrar'));
  await activeRegistration(page, turno.url);
}

/** Waits for a watcher run recorded after `since`. */
async function nextWatcherRun(since: Date): Promise<void> {
  await expect.poll(async () => {
    const lastRunAt = (await api.status()).watcher.lastRunAt;
    return lastRunAt !== null && new Date(lastRunAt) > since;
  }, poll).toBe(true);
}

/** Two runs: the first may have begun before the caller's moment, the second surely after. */
async function twoWatcherRuns(): Promise<void> {
  await nextWatcherRun(new Date());
  await nextWatcherRun(new Date());
}

describe('the walking skeleton', () => {
  it('turns a disk-full burst into one alert, one push, card 4.1, a pause and an audit row, '
    + 'keeps the cards readable offline and shows the alert once back online', async () => {
    const page = await phone.newPage();
    onTestFailed(() => {
      process.stderr.write(`--- Turno server output (last 4 KB) ---\n${turno.output()}\n`
        + `--- Service workers ---\n${serviceWorkerLog(page)}\n`);
    });
    await signIn(page);
    // The phone's subscription lives on a local push service (Chromium's own needs FCM).
    const device = pushService.subscribe();
    await api.subscribePush(device.json);
    await twoWatcherRuns();
    expect(await api.openAlerts(), 'history older than the window pages nobody').toEqual([]);

    await insertDiskFullBurst(turno.db);

    await expect.poll(async () => (await api.openAlerts()).length, poll).toBe(1);
    const items = page.getByTestId('alert-item');
    await expect.poll(() => items.count(), poll).toBe(1);
    await twoWatcherRuns();
    await page.reload();
    await items.first().waitFor();
    expect(await items.count()).toBe(1);
    const open = await api.openAlerts();
    expect(open).toHaveLength(1);
    const alert = open[0]!;
    expect(await items.first().getAttribute('data-alert-id')).toBe(alert.id);
    expect(alert).toMatchObject({ card: '4.1', count: 15 });
    expect(alert.functions.map((f) => f.name).sort()).toEqual([
      'linde-guardian-positions', 'linde-mix-get-active-events',
      'linde-mix-get-events', 'linde-mix-get-positions',
    ]);
    expect(alert.sources.map((s) => s.name).sort()).toEqual(['Guardian', 'MIX']);
    await page.screenshot({ path: `${screenshots}estado.png` });

    const pushes = pushService.received.filter((push) => push.id === device.id);
    expect(pushes, 'one push, however many watcher runs').toHaveLength(1);
    const push = pushes[0]!;
    expect(push.payload).toEqual({
      v: 1, kind: 'alert', alertId: alert.id, card: '4.1',
      title: expect.stringMatching(/^4\.1 · /), url: `/alertas/${alert.id}`, lang: 'es-MX',
    });
    expect(push.headers).toMatchObject({ urgency: 'high', topic: expect.any(String) });
    expect(JSON.stringify(push.payload)).not.toMatch(/No space|could not extend|base\/16398/);

    expect(await deliverPush(page, turno.url, push.payload)).toBe('Success');
    await expect.poll(() => getNotifications(page), poll).toEqual([
      expect.objectContaining({ tag: alert.id, title: (push.payload as { title: string }).title }),
    ]);

    await page.goto(`${turno.url}/alertas/${alert.id}`);
    const cardNumber = page.getByTestId('alert-card-number').first();
    await expect.poll(() => cardNumber.textContent(), poll).toBe('4.1');
    await page.screenshot({ path: `${screenshots}alerta.png` });

    // Card 4.1 grows storage (an admin's button) and pauses nothing: the pause lives on
    // Programaciones, where an operator stops a Lambda whatever the alert.
    await page.getByTestId('btn-alert-grow').waitFor();
    expect(await page.getByTestId('btn-pause-schedule').count()).toBe(0);
    await page.goto(`${turno.url}/programaciones`);
    const row = page.locator(`[data-testid="schedule-row"][data-name="${schedule}"]`);
    await row.getByTestId('btn-toggle-schedule').click();
    const sheet = page.getByTestId('confirm-sheet');
    await sheet.waitFor();
    expect(await sheet.textContent()).toContain(schedule);
    expect(await sheet.getByTestId('action-sandbox').textContent()).toContain('Sandbox');
    await sheet.getByTestId('confirm-accept').click();
    await sheet.waitFor({ state: 'hidden' });
    await expect.poll(async () => {
      const found = (await api.schedules()).find((s) => s.name === schedule);
      return found?.state;
    }, poll).toBe('DISABLED');

    await page.goto(`${turno.url}/auditoria`);
    const pauseRows = page.locator('[data-testid="audit-row"][data-action="schedule.pause"]')
      .filter({ hasText: schedule });
    await pauseRows.first().waitFor();
    expect(await pauseRows.evaluateAll((rows) => rows.map((row) => row.dataset.outcome)),
      'one pause, audited as done').toEqual(['ok']);

    // A push may open its alert before the phone is back online: the guides stay one tap away.
    await phone.context.setOffline(true);
    await page.goto(`${turno.url}/alertas/${alert.id}`);
    await page.getByTestId('alert-unavailable').waitFor();
    await page.getByTestId('btn-alert-retry').waitFor();
    await page.getByTestId('link-alert-guides').click();
    await expect.poll(() => page.getByTestId('guide-card').count(), poll).toBeGreaterThan(8);
    await page.goto(`${turno.url}/guias/4.1`);
    await page.locator('[data-testid="guide-card"][data-card="4.1"]').waitFor();

    await page.goto(`${turno.url}/alertas/${alert.id}`);
    await page.getByTestId('alert-unavailable').waitFor();
    await phone.context.setOffline(false);
    await expect.poll(() => cardNumber.textContent(), poll).toBe('4.1');
    expect(await page.getByTestId('alert-unavailable').count()).toBe(0);
  });
});
