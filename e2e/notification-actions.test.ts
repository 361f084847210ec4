import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { phoneReminderMessage } from '../api/src/probes/messaging/reminder-probe.ts';
import { startPushService, type PushService } from '../api/src/push/testing/push-service.ts';
import { launchBrowser, type PhoneBrowser } from './support/browser.ts';
import { insertDiskFullBurst } from './support/disk-full-burst.ts';
import { clickNotificationAction, waitForWorkerSession } from './support/notification-click.ts';
import { getNotifications } from './support/notifications.ts';
import {
  activeRegistration, deliverPush, serviceWorkerLog,
} from './support/service-worker.ts';
import { signInApi, type TurnoApi } from './support/turno-api.ts';
import { startTurno, type RunningTurno } from './support/turno-server.ts';

const poll = { timeout: 30_000, interval: 250 };
const hour = 3_600_000;

let pushService: PushService;
let turno: RunningTurno;
let phone: PhoneBrowser;
let operator: TurnoApi;
let page: Page;
/** POSTs the browser made, and whether the service worker made them. */
const posts: Array<{ path: string; fromWorker: boolean }> = [];

beforeAll(async () => {
  pushService = await startPushService();
  turno = await startTurno({ trustCa: pushService.ca });
  phone = await launchBrowser(turno.url);
  operator = await signInApi(turno.url, 'operador');
  phone.context.on('request', (request: Request) => {
    if (request.method() !== 'POST') return;
    posts.push({
      path: new URL(request.url()).pathname, fromWorker: request.serviceWorker() !== null,
    });
  });

  page = await phone.newPage();
  await page.goto(`${turno.url}/entrar`);
  await page.getByTestId('sign-in-operador').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/entrar'));
  await activeRegistration(page, turno.url);
  await waitForWorkerSession(phone.context, turno.url);
});
afterAll(async () => {
  await phone?.close();
  await turno?.stop();
  await pushService?.close();
});

/** Where each alert stands in its re-notification and escalation steps. */
async function pendingStep(alertId: string): Promise<Date | null | undefined> {
  const { rows } = await turno.db.query<{ next_at: Date | null }>(
    'SELECT next_at FROM turno.alert_notify WHERE alert_id = $1::uuid', [alertId],
  );
  return rows[0]?.next_at;
}

describe('notification actions, from the service worker without opening Turno', () => {
  beforeEach(({ onTestFailed }) => {
    onTestFailed(() => {
      process.stderr.write(`--- Turno server output (last 4 KB) ---\n${turno.output()}\n`
        + `--- Service workers ---\n${serviceWorkerLog(page)}\n`);
    });
  });

  it('acknowledges an alert from "Reconocer" and stops its re-notifications and escalation',
    async () => {
      const admin = await signInApi(turno.url, 'admin');
      await admin.setRotation({
        members: ['operador', 'admin'], handoffWeekday: 1, handoffHour: 9, repeatMinutes: 5,
        escalateAfter: 1,
      });
      const now = Date.now();
      await admin.addOverride({
        user: 'operador', startsAt: new Date(now - hour).toISOString(),
        endsAt: new Date(now + hour).toISOString(),
      });
      const device = pushService.subscribe();
      await operator.subscribePush(device.json);

      await insertDiskFullBurst(turno.db);
      await expect.poll(async () => (await operator.openAlerts()).length, poll).toBe(1);
      const [alert] = await operator.openAlerts();
      await expect.poll(() => pushService.received.filter((p) => p.id === device.id).length,
        poll).toBe(1);
      const push = pushService.received.find((p) => p.id === device.id)!;
      expect(await pendingStep(alert!.id), 'a re-notification is pending').toBeInstanceOf(Date);

      expect(await deliverPush(page, turno.url, push.payload)).toBe('Success');
      await expect.poll(async () => (await getNotifications(page)).map((n) => n.tag), poll)
        .toEqual([alert!.id]);
      const pageUrl = page.url();

      const click = await clickNotificationAction(phone.context, turno.url, alert!.id, 'ack');

      expect(click).toEqual({ result: 'acknowledged', actions: ['ack', 'guide'] });
      expect(await operator.alert(alert!.id)).toMatchObject({
        state: 'acknowledged', acknowledgedBy: 'operador',
      });
      expect(await pendingStep(alert!.id), 'nothing is pending any more').toBeNull();
      expect(posts.filter((p) => p.path.endsWith('/ack'))).toEqual([
        { path: `/api/alerts/${alert!.id}/ack`, fromWorker: true },
      ]);
      await expect.poll(async () => (await getNotifications(page)).map((n) => n.title), poll)
        .toEqual(['Alerta reconocida']);
      expect(phone.context.pages(), 'no window opened').toEqual([page]);
      expect(page.url(), 'the open page did not move').toBe(pageUrl);
    });

  it('confirms the phone reminder from "Listo" as the signed-in operator', async () => {
    expect((await operator.phoneReminder()).lastConfirmedAt).toBeNull();

    expect(await deliverPush(page, turno.url, phoneReminderMessage['es-MX'])).toBe('Success');
    await expect.poll(async () => (await getNotifications(page)).map((n) => n.tag), poll)
      .toContain('turno-phone-reminder');

    const click = await clickNotificationAction(
      phone.context, turno.url, 'turno-phone-reminder', 'done',
    );

    expect(click).toEqual({ result: 'reminderConfirmed', actions: ['done'] });
    expect(await operator.phoneReminder()).toMatchObject({
      lastConfirmedBy: 'operador', lastConfirmedAt: expect.any(String),
    });
    expect(posts.filter((p) => p.path.startsWith('/api/whatsapp/'))).toEqual([
      { path: '/api/whatsapp/reminder/confirm', fromWorker: true },
    ]);
    await expect.poll(async () => (await getNotifications(page))
      .find((n) => n.tag === 'turno-phone-reminder')?.title, poll)
      .toBe('Listo: quedó anotado');
    expect(phone.context.pages(), 'no window opened').toEqual([page]);
  });
});
