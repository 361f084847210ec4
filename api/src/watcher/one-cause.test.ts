import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { listAlerts } from '../alerts/alert-store.ts';
import { ultraMsgBodies } from '../probes/messaging/sandbox.ts';
import { startFakePeer, type FakePeer } from '../probes/messaging/testing/fake-peer.ts';
import { messagingDeps, peerConfig } from '../probes/messaging/testing/messaging-deps.ts';
import { bearer, signIn, type RecordingPusher, type TestDeps } from '../testing/index.ts';
import { insertSyncError } from './fixtures.ts';
import { runWatcherOnce } from './run.ts';

const minute = 60_000;
let peer: FakePeer | undefined;
let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  await peer?.close();
  deps = undefined;
  peer = undefined;
});

/** The UltraMsg probe against a peer answering `body`, on a clock the test moves. */
async function setUp(body: unknown) {
  peer = await startFakePeer();
  peer.answer('/instance1/instance/status', { json: body });
  peer.answer('/instance1/messages/statistics', {
    json: { messages_statistics: { sent: 10, queue: 0 } },
  });
  const clock = { now: new Date('2026-03-02T16:00:00Z') };
  deps = await messagingDeps(['ultramsg'], {
    messaging: peerConfig(peer.url), now: () => clock.now,
  });
  const d = deps;
  const later = (minutes: number) => {
    clock.now = new Date(clock.now.getTime() + minutes * minute);
  };
  const failedSend = (text: string) => insertSyncError(d.statePool, {
    text, at: clock.now, functionName: 'up-send-whatsapp',
  });
  const pushes = () => (d.pusher as RecordingPusher).sent.map((s) => `${s.payload.card}`
    + `:${s.payload.kind}`);
  return { d, clock, later, failedSend, pushes };
}

async function origins(d: TestDeps): Promise<string[][]> {
  const { rows } = await d.statePool.query<{ origins: string[] }>(
    'SELECT origins FROM turno.alerts ORDER BY opened_at',
  );
  return rows.map((row) => [...row.origins].sort());
}

describe('one cause seen by Sync_error and by a probe', () => {
  it('is one alert and one push of card 1.2 when UltraMsg is unpaid', async () => {
    const { d, later, failedSend, pushes } = await setUp(ultraMsgBodies.unpaid);
    await failedSend(JSON.stringify(ultraMsgBodies.unpaid));

    const first = await runWatcherOnce(d);
    later(5);
    await runWatcherOnce(d);

    expect(first.opened).toHaveLength(1);
    expect(first.probes?.updated).toEqual(first.opened);

    const alerts = await listAlerts(d.statePool, d.config.dataSources);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      key: 'whatsapp-unpaid', category: 'whatsapp-unpaid', card: '1.2', state: 'open',
      resources: ['ultramsg', 'up-send-whatsapp'], count: 3,
    });
    expect(await origins(d)).toEqual([['probe:ultramsg', 'sync-error']]);
    // One first push; five minutes on, no one has acknowledged it: one reminder.
    expect(pushes()).toEqual(['1.2:alert', '1.2:renotify']);
  });

  it('takes in the Sync_error rows of a cause the probe opened first', async () => {
    const { d, later, failedSend, pushes } = await setUp(ultraMsgBodies.qr);
    await runWatcherOnce(d);
    expect(pushes()).toEqual(['1.1:alert']);
    later(1);
    await failedSend('{"status":{"accountStatus":{"status":"qr","substatus":"normal"}}}');

    const report = await runWatcherOnce(d);

    expect(report.opened).toEqual([]);
    expect(await listAlerts(d.statePool, d.config.dataSources)).toMatchObject([{
      key: 'whatsapp-logged-out', count: 2, resources: ['ultramsg', 'up-send-whatsapp'],
    }]);
    expect(await origins(d)).toEqual([['probe:ultramsg', 'sync-error']]);
    expect(pushes()).toEqual(['1.1:alert']);
  });

  it('stops paging for both once the one alert is acknowledged', async () => {
    const { d, later, failedSend, pushes } = await setUp(ultraMsgBodies.wrongToken);
    await failedSend(JSON.stringify(ultraMsgBodies.wrongToken));
    await runWatcherOnce(d);
    const [alert] = await listAlerts(d.statePool, d.config.dataSources);
    const app = createApp(d);
    const headers = bearer(await signIn(app, 'operador'));

    const ack = await app.request(`/api/alerts/${alert?.id}/ack`, { method: 'POST', headers });
    for (let step = 0; step < 6; step += 1) {
      later(5);
      await failedSend(JSON.stringify(ultraMsgBodies.wrongToken));
      await runWatcherOnce(d);
    }

    expect(ack.status).toBe(200);
    expect(pushes()).toEqual(['T.6:alert']);
    expect(await listAlerts(d.statePool, d.config.dataSources)).toMatchObject([{
      key: 'whatsapp-config', state: 'acknowledged',
    }]);
  });
});
