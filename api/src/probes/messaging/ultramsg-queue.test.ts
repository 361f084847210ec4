import { afterEach, describe, expect, it } from 'vitest';
import { listAlerts } from '../../alerts/alert-store.ts';
import type { TestDeps } from '../../testing/index.ts';
import { listProbeRuns } from '../probe-store.ts';
import { runDueProbes } from '../run-probes.ts';
import { ultraMsgBodies as bodies } from './sandbox.ts';
import { startFakePeer, type FakePeer, type Reply } from './testing/fake-peer.ts';
import { messagingDeps, peerConfig, ultraMsgToken } from './testing/messaging-deps.ts';

const minute = 60_000;
const statusPath = '/instance1/instance/status';
const statsPath = '/instance1/messages/statistics';
let peer: FakePeer | undefined;
let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  await peer?.close();
  deps = undefined;
  peer = undefined;
});

/** A connected instance on a fake UltraMsg, and a clock the test moves. */
async function setUp() {
  const p = await startFakePeer();
  peer = p;
  const start = new Date('2026-03-02T16:00:00Z').getTime();
  let at = start;
  const d = await messagingDeps(['ultramsg'], {
    messaging: peerConfig(p.url, 300), now: () => new Date(at),
  });
  deps = d;
  p.answer(statusPath, { json: bodies.connected });
  const runAt = (afterMs: number) => {
    at = start + afterMs;
    return runDueProbes(d, new Date(at));
  };
  const lastRun = async () => (await listProbeRuns(d.statePool))[0];
  const live = async () => (await listAlerts(d.statePool, d.config.dataSources))
    .filter((alert) => alert.state !== 'resolved');
  return { peer: p, deps: d, runAt, lastRun, live, start };
}

const queue = (n: number): Reply => ({ json: { messages_statistics: { sent: 10, queue: n } } });

describe('the UltraMsg probe when the send queue cannot be read', () => {
  it('says why on Estado, looks again a minute later, and alerts on the second failure',
    async () => {
      const { peer: p, runAt, lastRun, live, start } = await setUp();
      p.answer(statsPath, { status: 502, json: { error: 'bad gateway' } });

      expect(await runAt(0)).toMatchObject({ ran: ['ultramsg'], opened: [] });
      expect(await lastRun()).toMatchObject({
        outcome: 'ok', nextRunAt: new Date(start + minute),
        summary: {
          status: 'authenticated', queue: null, queueFailures: 1,
          queueError: 'UltraMsg messages/statistics answered 502',
        },
      });

      const again = await runAt(minute);
      expect(again.opened).toHaveLength(1);
      const [alert] = await live();
      expect(alert).toMatchObject({
        key: 'probe-failed:ultramsg-queue', category: 'probe-failed', card: 'T.10',
        resources: ['ultramsg'],
        detail: { probe: 'ultramsg', error: 'UltraMsg messages/statistics answered 502' },
      });
      expect(await lastRun()).toMatchObject({ outcome: 'problem', summary: { queueFailures: 2 } });

      p.answer(statsPath, queue(3));
      const back = await runAt(6 * minute);
      expect(back.resolved).toEqual(again.opened);
      const { summary } = await lastRun() ?? {};
      expect(summary).toMatchObject({ queue: 3 });
      expect(summary).not.toHaveProperty('queueError');
    });

  it.each([
    ['answers without a count', { json: { sent: 10 } }, /answered without a queue count$/],
    ['cuts the socket', { reset: true }, /^UltraMsg messages\/statistics did not answer: /],
  ] as const)('counts a read as failed when UltraMsg %s, without the token', async (
    _name, reply, error,
  ) => {
    const { peer: p, runAt, lastRun } = await setUp();
    p.answer(statsPath, reply);

    await runAt(0);

    const queueError = String((await lastRun())?.summary?.queueError);
    expect(queueError).toMatch(error);
    for (const secret of [ultraMsgToken, encodeURIComponent(ultraMsgToken)]) {
      expect(queueError).not.toContain(secret);
    }
  });

  it('keeps a growing-queue warning open while the queue cannot be read', async () => {
    const { peer: p, runAt, live } = await setUp();
    p.answer(statsPath, queue(25));
    await runAt(0);
    p.answer(statsPath, queue(40));
    const growing = await runAt(5 * minute);
    expect(growing.opened).toHaveLength(1);

    p.answer(statsPath, { status: 500, json: { error: 'internal' } });
    const unread = await runAt(10 * minute);

    expect(unread.resolved).toEqual([]);
    expect((await live()).map((alert) => alert.key)).toEqual(['whatsapp-queue-growing']);
  });
});
