import webPush from 'web-push';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSubscriptionStore } from '../db/subscriptions.ts';
import { createLogger } from '../log.ts';
import { createWebPushSender } from '../push/sender.ts';
import { startPushService, type PushService } from '../push/testing/push-service.ts';
import { createTestDeps, type RecordingPusher, type TestDeps } from '../testing/index.ts';
import { pushNewAlerts } from '../watcher/push-alerts.ts';
import { runEscalation } from './escalate.ts';
import { addDevice, minutes, openAlert, setRotation } from './fixtures.ts';
import { saveQuietHours } from './quiet-store.ts';

let service: PushService;
let deps: TestDeps | undefined;
// Wednesday 23:00 in Mexico City.
let clock = new Date('2026-01-08T05:00:00Z');

beforeAll(async () => {
  service = await startPushService();
});
afterAll(() => service.close());
afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

/** Deps whose pusher is the real web-push sender, aimed at the local push service. */
async function withLocalPush() {
  clock = new Date('2026-01-08T05:00:00Z');
  deps = await createTestDeps({ now: () => clock });
  const d = deps;
  const vapid = { ...webPush.generateVAPIDKeys(), subject: 'mailto:guardia@example.com' };
  d.pusher = createWebPushSender(createSubscriptionStore(d.statePool), vapid, {
    ttlSeconds: 60, log: createLogger({ level: 'silent' }), agent: service.agent,
  });
  const device = async (user: string) => {
    const sub = service.subscribe();
    await addDevice(d.statePool, user, sub.json);
    return sub.id;
  };
  const got = (id: string) => service.received.filter((r) => r.id === id).map((r) => r.payload);
  return { d, device, got };
}

async function outcomes(d: TestDeps, alertId: string) {
  const { rows } = await d.statePool.query<{ user_name: string; outcome: string; kind: string }>(
    `SELECT user_name, kind, outcome, delivered FROM turno.notifications WHERE alert_id = $1
      ORDER BY step`,
    [alertId],
  );
  return rows;
}

describe('delivery to people', () => {
  it('pushes to every device of the person on call and to no one else', async () => {
    const { d, device, got } = await withLocalPush();
    const [anaPhone, anaTablet, betoPhone] = [
      await device('ana'), await device('ana'), await device('beto'),
    ];
    await setRotation(d.statePool, ['ana', 'beto'], clock);
    const id = await openAlert(d.statePool, { at: clock });

    await pushNewAlerts(d);

    expect(got(anaPhone)).toEqual([expect.objectContaining({ alertId: id, kind: 'alert' })]);
    expect(got(anaTablet)).toHaveLength(1);
    expect(got(betoPhone)).toEqual([]);
    expect(await outcomes(d, id)).toEqual([
      { user_name: 'ana', kind: 'alert', outcome: 'sent', delivered: 2 },
    ]);
  });

  it('escalates to the next person’s devices with an escalation payload', async () => {
    const { d, device, got } = await withLocalPush();
    const betoPhone = await device('beto');
    await device('ana');
    await setRotation(d.statePool, ['ana', 'beto'], clock, { escalateAfter: 0 });
    const id = await openAlert(d.statePool, { at: clock });
    await pushNewAlerts(d);

    clock = new Date(clock.getTime() + minutes(5));
    await runEscalation(d);

    expect(got(betoPhone)).toEqual([expect.objectContaining({ alertId: id, kind: 'escalate' })]);
  });

  it('records a person without a device as no-device, and goes on to escalate', async () => {
    const { d, device, got } = await withLocalPush();
    const betoPhone = await device('beto');
    await setRotation(d.statePool, ['ana', 'beto'], clock, { escalateAfter: 0 });
    const id = await openAlert(d.statePool, { at: clock });

    await pushNewAlerts(d);
    clock = new Date(clock.getTime() + minutes(5));
    await runEscalation(d);

    expect((await outcomes(d, id)).map((row) => row.outcome)).toEqual(['no-device', 'sent']);
    expect(got(betoPhone)).toHaveLength(1);
  });
});

describe('quiet hours', () => {
  it('keep a warning from the person on call at 23:00, recorded as quiet', async () => {
    const { d, device, got } = await withLocalPush();
    const anaPhone = await device('ana');
    await setRotation(d.statePool, ['ana', 'beto'], clock);
    await saveQuietHours(d.statePool, 'ana', { startHour: 22, endHour: 7 }, clock);
    const id = await openAlert(d.statePool, { at: clock, severity: 'warning' });

    await pushNewAlerts(d);

    expect(got(anaPhone)).toEqual([]);
    expect(await outcomes(d, id)).toEqual([
      { user_name: 'ana', kind: 'alert', outcome: 'quiet', delivered: 0 },
    ]);
  });

  it('let a critical alert through', async () => {
    const { d, device, got } = await withLocalPush();
    const anaPhone = await device('ana');
    await setRotation(d.statePool, ['ana', 'beto'], clock);
    await saveQuietHours(d.statePool, 'ana', { startHour: 22, endHour: 7 }, clock);

    const id = await openAlert(d.statePool, { at: clock, severity: 'critical' });
    await pushNewAlerts(d);

    expect(got(anaPhone)).toEqual([expect.objectContaining({ alertId: id })]);
  });

  it('end at their end hour', async () => {
    const { d, device, got } = await withLocalPush();
    const anaPhone = await device('ana');
    await setRotation(d.statePool, ['ana', 'beto'], clock, { escalateAfter: 20 });
    await saveQuietHours(d.statePool, 'ana', { startHour: 22, endHour: 7 }, clock);
    await openAlert(d.statePool, { at: clock });
    await pushNewAlerts(d);

    // 6:55 and 7:00 in Mexico City.
    clock = new Date('2026-01-08T12:55:00Z');
    await runEscalation(d);
    expect(got(anaPhone)).toEqual([]);
    clock = new Date('2026-01-08T13:00:00Z');
    await runEscalation(d);
    expect(got(anaPhone)).toEqual([expect.objectContaining({ kind: 'renotify' })]);
  });

  it('leave a person out of a push to everyone when no rotation is set', async () => {
    clock = new Date('2026-01-08T05:00:00Z');
    deps = await createTestDeps({ now: () => clock });
    const d = deps;
    for (const user of ['ana', 'beto']) {
      await addDevice(d.statePool, user, {
        endpoint: `https://fcm.googleapis.com/fcm/send/${user}`, keys: { p256dh: 'k', auth: 'a' },
      });
    }
    await saveQuietHours(d.statePool, 'beto', { startHour: 22, endHour: 7 }, clock);
    await openAlert(d.statePool, { at: clock });
    await openAlert(d.statePool, { at: clock, severity: 'critical' });

    await pushNewAlerts(d);

    const sent = (d.pusher as RecordingPusher).sent;
    expect(sent.map((s) => s.users)).toEqual([['ana'], undefined]);
  });
});
