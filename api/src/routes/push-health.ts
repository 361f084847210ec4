import { Hono } from 'hono';
import {
  pushResyncRequest, TurnoError, type PushPayload, type PushTestResult,
} from '@turno/shared';
import { devicesOf, resyncDevice } from '../notify/devices.ts';
import { readJson } from '../request.ts';
import type { AppDeps, AppEnv } from '../types.ts';
import { assertPushService } from './push.ts';

/** What a test push says: no alert, and a tap opens Ajustes. */
export const testPushPayload: PushPayload = {
  v: 1, kind: 'test', alertId: '', card: null, title: 'Turno: prueba de notificaciones',
  url: '/ajustes',
};

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
      const devices = (await devicesOf(statePool, user)).length;
      if (devices === 0) throw new TurnoError('push_no_device');
      const report = await deps.pusher.send(testPushPayload, {
        topic: 'turno-test', users: [user],
      });
      c.get('log').info('push.test_sent', { ...report, backedOff: report.backedOff.length });
      const body: PushTestResult = {
        devices, delivered: report.delivered, failed: report.failed, removed: report.removed,
      };
      return c.json(body);
    })
    .put('/subscription', async (c) => {
      const { subscription, previousEndpoint } = await readJson(
        c, pushResyncRequest, 'subscription_invalid',
      );
      assertPushService(new URL(subscription.endpoint), deps.config.pushServiceHosts);
      const result = await resyncDevice(statePool, {
        endpoint: subscription.endpoint, p256dh: subscription.keys.p256dh,
        auth: subscription.keys.auth, user: c.get('principal').user, previousEndpoint,
      });
      c.get('log').info('push.resynced', { subscription: result.id, replaced: result.replaced });
      return c.json(result);
    });
}
