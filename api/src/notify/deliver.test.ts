import type { PushPayload } from '@turno/shared';
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
import { readNotifyState } from './notify-store.ts';
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
  const got = (id: string) => service.received.filter((r) => r.id === id)
    .map((r) => r.payload as PushPayload);
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
  const night = { startHour: 22, endHour: 7 };

  /** Ticks the watcher every 5 minutes up to `until`, as the watcher loop would. */
  async function watchUntil(d: TestDeps, until: string): Promise<void> {
    while (clock.getTime() + minutes(5) <= Date.parse(until)) {
      clock = new Date(clock.getTime() + minutes(5));
      await pushNewAlerts(d);
      await runEscalation(d);
    }
  }

  it('pass a warning over the person on call in quiet hours to the next one awake, at once',
    async () => {
      const { d, device, got } = await withLocalPush();
      const [anaPhone, betoPhone] = [await device('ana'), await device('beto')];
      await setRotation(d.statePool, ['ana', 'beto'], clock);
      await saveQuietHours(d.statePool, 'ana', night, clock);
      const id = await openAlert(d.statePool, { at: clock, severity: 'warning' });

      await pushNewAlerts(d);

      expect(got(anaPhone)).toEqual([]);
      expect(got(betoPhone)).toEqual([expect.objectContaining({ alertId: id, kind: 'alert' })]);
      expect(await outcomes(d, id)).toEqual([
        { user_name: 'ana', kind: 'alert', outcome: 'quiet', delivered: 0 },
        { user_name: 'beto', kind: 'alert', outcome: 'sent', delivered: 1 },
      ]);
    });

  it('hold a warning opened at 23:00 with everyone quiet until 7:00, then page as usual',
    async () => {
      const { d, device, got } = await withLocalPush();
      const [anaPhone, betoPhone] = [await device('ana'), await device('beto')];
      await setRotation(d.statePool, ['ana', 'beto'], clock);
      for (const user of ['ana', 'beto']) await saveQuietHours(d.statePool, user, night, clock);
      const id = await openAlert(d.statePool, { at: clock, severity: 'warning' });
      await pushNewAlerts(d);

      // 6:55 in Mexico City: the whole night went by without a push, nor a step used up.
      await watchUntil(d, '2026-01-08T12:55:00Z');
      expect(got(anaPhone)).toEqual([]);
      expect(got(betoPhone)).toEqual([]);
      const notify = await readNotifyState(d.statePool, id);
      expect(notify).toMatchObject({ nextStep: 0, nextAt: new Date('2026-01-08T13:00:00Z') });

      // 7:00, then two re-notifications and the escalation to beto, 5 minutes apart.
      await watchUntil(d, '2026-01-08T13:15:00Z');
      expect(got(anaPhone).map((push) => push.kind)).toEqual(['alert', 'renotify', 'renotify']);
      expect(got(betoPhone).map((push) => push.kind)).toEqual(['escalate']);
      expect((await outcomes(d, id)).slice(0, 2)).toEqual([
        { user_name: 'ana', kind: 'alert', outcome: 'sent', delivered: 1 },
        { user_name: 'ana', kind: 'renotify', outcome: 'sent', delivered: 1 },
      ]);
    });

  it('wait for whoever wakes first when everyone is quiet', async () => {
    const { d, device, got } = await withLocalPush();
    const [anaPhone, betoPhone] = [await device('ana'), await device('beto')];
    await setRotation(d.statePool, ['ana', 'beto'], clock);
    await saveQuietHours(d.statePool, 'ana', { startHour: 22, endHour: 8 }, clock);
    await saveQuietHours(d.statePool, 'beto', { startHour: 21, endHour: 6 }, clock);
    await openAlert(d.statePool, { at: clock, severity: 'warning' });
    await pushNewAlerts(d);

    // 5:55, then 6:00 in Mexico City.
    await watchUntil(d, '2026-01-08T11:55:00Z');
    expect(got(betoPhone)).toEqual([]);
    await watchUntil(d, '2026-01-08T12:00:00Z');

    expect(got(betoPhone)).toEqual([expect.objectContaining({ kind: 'alert' })]);
    expect(got(anaPhone)).toEqual([]);
  });

  it('let a critical alert through', async () => {
    const { d, device, got } = await withLocalPush();
    const anaPhone = await device('ana');
    await setRotation(d.statePool, ['ana', 'beto'], clock);
    await saveQuietHours(d.statePool, 'ana', night, clock);

    const id = await openAlert(d.statePool, { at: clock, severity: 'critical' });
    await pushNewAlerts(d);

    expect(got(anaPhone)).toEqual([expect.objectContaining({ alertId: id })]);
  });

  it('hold a push to every device until 7:00 when no rotation is set and all are quiet',
    async () => {
      const { d, device, got } = await withLocalPush();
      const [anaPhone, betoPhone] = [await device('ana'), await device('beto')];
      for (const user of ['ana', 'beto']) await saveQuietHours(d.statePool, user, night, clock);
      const id = await openAlert(d.statePool, { at: clock });
      await pushNewAlerts(d);

      await watchUntil(d, '2026-01-08T12:55:00Z');
      expect([...got(anaPhone), ...got(betoPhone)]).toEqual([]);
      await watchUntil(d, '2026-01-08T13:00:00Z');

      expect(got(anaPhone)).toEqual([expect.objectContaining({ alertId: id, kind: 'alert' })]);
      expect(got(betoPhone)).toHaveLength(1);
      expect(await outcomes(d, id)).toEqual([
        { user_name: '*', kind: 'alert', outcome: 'sent', delivered: 2 },
      ]);
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
    const warning = await openAlert(d.statePool, { at: clock });
    const critical = await openAlert(d.statePool, { at: clock, severity: 'critical' });

    await pushNewAlerts(d);

    const sent = (d.pusher as RecordingPusher).sent;
    const usersOf = (id: string) => sent.find((s) => s.payload.alertId === id)?.users;
    expect(sent).toHaveLength(2);
    expect(usersOf(warning)).toEqual(['ana']);
    expect(usersOf(critical)).toBeUndefined();
  });
});
