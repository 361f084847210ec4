import { afterEach, describe, expect, it } from 'vitest';
import { listAlerts } from '../../alerts/alert-store.ts';
import type { RecordingPusher, TestDeps } from '../../testing/index.ts';
import { runWatcherOnce } from '../../watcher/run.ts';
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

async function setUp(options: { timeoutMs?: number } = {}) {
  peer = await startFakePeer();
  const clock = { now: new Date('2026-03-02T16:00:00Z') };
  deps = await messagingDeps(['ultramsg'], {
    messaging: peerConfig(peer.url, options.timeoutMs), now: () => clock.now,
  });
  peer.answer(statsPath, { json: { messages_statistics: { sent: 10, queue: 0 } } });
  const later = (minutes: number) => {
    clock.now = new Date(clock.now.getTime() + minutes * minute);
    return clock.now;
  };
  return { peer, deps, clock, later };
}

const queue = (n: number): Reply => ({ json: { messages_statistics: { sent: 10, queue: n } } });

describe('the UltraMsg probe against a server that answers as UltraMsg', () => {
  it('asks for the instance status with the token in the query, and is healthy when connected',
    async () => {
      const { peer: p, deps: d, clock } = await setUp();
      p.answer(statusPath, { json: bodies.connected });

      const report = await runDueProbes(d, clock.now);

      expect(report).toMatchObject({ ran: ['ultramsg'], opened: [] });
      const asked = new URL(p.requests[0]?.url ?? '', p.url);
      expect(asked.pathname).toBe(statusPath);
      expect(asked.searchParams.get('token')).toBe(ultraMsgToken);
      const [run] = await listProbeRuns(d.statePool);
      expect(run).toMatchObject({
        outcome: 'ok',
        summary: {
          status: 'authenticated', substatus: 'connected', queue: 0, queueWarning: false,
        },
      });
    });

  it('opens card 1.1 when the phone is logged out, and resolves it once connected again',
    async () => {
      const { peer: p, deps: d, clock, later } = await setUp();
      p.answer(statusPath, { json: bodies.qr });
      const first = await runDueProbes(d, clock.now);
      const [alert] = await listAlerts(d.statePool, d.config.dataSources);
      expect(alert).toMatchObject({
        key: 'whatsapp-logged-out', category: 'whatsapp-logged-out', card: '1.1',
        detail: { status: 'qr', substatus: 'normal', qr: true }, state: 'open',
      });

      p.answer(statusPath, { json: bodies.connected });
      const back = await runDueProbes(d, later(5));

      expect(back.resolved).toEqual(first.opened);
    });

  it.each([
    ['non-payment', { json: bodies.unpaid }, 'whatsapp-unpaid', '1.2'],
    ['a wrong token', { json: bodies.wrongToken }, 'whatsapp-config', 'T.6'],
    ['an unknown instance', { status: 404, json: bodies.notFound }, 'whatsapp-config', 'T.6'],
    ['standby', { json: bodies.standby }, 'whatsapp-unhealthy', '1.1'],
  ] as const)('opens the right card on %s', async (_name, reply, category, card) => {
    const { peer: p, deps: d, clock } = await setUp();
    p.answer(statusPath, reply);

    await runDueProbes(d, clock.now);

    const alerts = await listAlerts(d.statePool, d.config.dataSources);
    expect(alerts.map((alert) => [alert.category, alert.card])).toEqual([[category, card]]);
  });

  it('does not read the queue of an unpaid instance, whose every call answers the same error',
    async () => {
      const { peer: p, deps: d, clock } = await setUp();
      p.answer(statusPath, { json: bodies.unpaid });
      await runDueProbes(d, clock.now);
      expect(p.requests.map((request) => new URL(request.url, p.url).pathname))
        .toEqual([statusPath]);
    });

  it('warns on a queue that keeps growing past the threshold, and clears when it shrinks',
    async () => {
      const { peer: p, deps: d, clock, later } = await setUp();
      p.answer(statusPath, { json: bodies.connected });
      const seen: number[] = [];
      for (const [n, at] of [[25, clock.now], [40, later(5)], [40, later(5)]] as const) {
        p.answer(statsPath, queue(n));
        const report = await runDueProbes(d, at);
        seen.push(report.opened.length + report.updated.length);
      }
      expect(seen).toEqual([0, 1, 1]);
      const [alert] = await listAlerts(d.statePool, d.config.dataSources);
      expect(alert).toMatchObject({
        category: 'whatsapp-queue-growing', card: 'T.11', severity: 'warning',
        detail: { queue: 40, previous: 40, threshold: 20 },
      });

      p.answer(statsPath, queue(30));
      const shrinking = await runDueProbes(d, later(5));
      expect(shrinking.resolved).toEqual([alert?.id]);
    });

  it('fails the run without the token when UltraMsg answers 500, and alerts on the second',
    async () => {
      const { peer: p, deps: d, clock, later } = await setUp();
      p.answer(statusPath, { status: 500, json: { error: 'internal' } });
      await runDueProbes(d, clock.now);
      const twice = await runDueProbes(d, later(5));

      expect(twice.opened).toHaveLength(1);
      const [run] = await listProbeRuns(d.statePool);
      expect(run).toMatchObject({ outcome: 'failed', failures: 2 });
      expect(run?.lastFailure).toMatch(/answered 500/);
    });

  it.each([
    ['refuses the connection', 'closed'],
    ['cuts the socket', 'reset'],
    ['never answers', 'silent'],
  ] as const)('keeps the token out of the failure when UltraMsg %s', async (_name, mode) => {
    const { peer: p, deps: d, clock } = await setUp({ timeoutMs: 300 });
    if (mode === 'closed') await p.close();
    else p.answer(statusPath, mode === 'reset' ? { reset: true } : { silent: true });

    const report = await runDueProbes(d, clock.now);

    expect(report.failed).toEqual(['ultramsg']);
    const [run] = await listProbeRuns(d.statePool);
    expect(run?.lastFailure).toMatch(/^UltraMsg instance\/status did not answer: /);
    for (const secret of [ultraMsgToken, encodeURIComponent(ultraMsgToken)]) {
      expect(run?.lastFailure).not.toContain(secret);
    }
    if (mode === 'silent') expect(run?.lastFailure).toContain('no answer within 300 ms');
  });

  it('is run by the watcher, which pushes the logged-out alert once', async () => {
    const { peer: p, deps: d, later } = await setUp();
    p.answer(statusPath, { json: bodies.qr });

    const report = await runWatcherOnce(d);
    later(5);
    await runWatcherOnce(d);

    expect(report.probes?.opened).toHaveLength(1);
    const pusher = d.pusher as RecordingPusher;
    const first = pusher.sent.filter((sent) => sent.payload.kind === 'alert');
    expect(first.map((sent) => sent.payload.card)).toEqual(['1.1']);
  });
});
