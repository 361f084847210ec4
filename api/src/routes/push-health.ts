import { Hono } from 'hono';
import {
  inLocale, pushFailureKind, pushResyncRequest, TurnoError, type PushDevice,
  type PushTestDevice, type PushTestResult,
} from '@turno/shared';
import { pushMessage } from '../push/payload.ts';
import type { SubscriptionOutcome } from '../push/types.ts';
import { devicesOf, resyncDevice } from '../notify/devices.ts';
import { readJson } from '../request.ts';
import type { AppDeps, AppEnv } from '../types.ts';
import { assertPushService, readLocale } from './push.ts';

const testTitle = { es: 'Turno: prueba de notificaciones', en: 'Turno: notification test' };

/** What a test push says, in each device's language: no alert, and a tap opens Ajustes. */
export const testPushMessage = pushMessage((locale) => ({
  v: 1, kind: 'test', alertId: '', card: null, title: inLocale(testTitle, locale),
  url: '/ajustes',
}));

/**
 * `/api/push/devices`, `/test` and `/subscription`: the caller's own devices and how their
 * pushes went, a test push to them only, and the re-sync the app does each time it opens.
 */
export function pushHealthRoutes(deps: AppDeps): Hono<AppEnv> {
  const { statePool } = deps;

  return new Hono<AppEnv>()
    .get('/devices', async (c) => c.json(await devicesOf(statePool, c.get('principal').user)))
    .post('/test', async (c) => {
      const { user } = c.get('principal');
      const devices = await devicesOf(statePool, user);
      if (devices.length === 0) throw new TurnoError('push_no_device');
      const report = await deps.pusher.send(testPushMessage, {
        topic: 'turno-test', users: [user],
      });
      c.get('log').info('push.test_sent', {
        delivered: report.delivered, removed: report.removed, failed: report.failed,
        backedOff: report.backedOff.length,
      });
      const body: PushTestResult = {
        devices: devices.length, delivered: report.delivered, failed: report.failed,
        removed: report.removed, results: report.outcomes.map((o) => testResult(o, devices)),
      };
      return c.json(body);
    })
    .put('/subscription', async (c) => {
      const { subscription, previousEndpoint, locale } = await readJson(
        c, pushResyncRequest, 'subscription_invalid',
      );
      assertPushService(new URL(subscription.endpoint), deps.config.pushServiceHosts);
      const result = await resyncDevice(statePool, {
        endpoint: subscription.endpoint, p256dh: subscription.keys.p256dh,
        auth: subscription.keys.auth, user: c.get('principal').user, previousEndpoint,
        locale: readLocale(locale),
      });
      c.get('log').info('push.resynced', {
        subscription: result.id, replaced: result.replaced, locale: result.locale,
      });
      return c.json(result);
    });
}

/** One device's test result in the PWA's terms: no stored reason text, only its kind. */
function testResult(outcome: SubscriptionOutcome, devices: PushDevice[]): PushTestDevice {
  const service = devices.find((device) => device.id === outcome.id)?.service ?? '—';
  const base = { id: outcome.id, service, failure: null, until: null };
  switch (outcome.result) {
    case 'delivered':
      return { ...base, result: 'delivered' };
    case 'removed':
      return { ...base, result: 'removed', failure: 'expired' };
    case 'backed-off':
      return { ...base, result: 'backed-off', failure: 'rate-limited', until: outcome.until };
    case 'failed':
      return { ...base, result: 'failed', failure: pushFailureKind(outcome.reason) };
  }
}
