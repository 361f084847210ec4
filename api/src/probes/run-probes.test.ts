import { afterEach, describe, expect, it } from 'vitest';
import { acknowledgeAlert, listAlerts, resolveAlert } from '../alerts/alert-store.ts';
import { createTestDeps, type RecordingPusher, type TestDeps } from '../testing/index.ts';
import { runWatcherOnce } from '../watcher/run.ts';
import { listProbeRuns } from './probe-store.ts';
import { runDueProbes } from './run-probes.ts';
import { scriptedProbe } from './testing/scripted-probe.ts';
import type { Probe, ProbeResult } from './types.ts';

const minute = 60_000;
let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

const loggedOut: ProbeResult = {
  findings: [{
    category: 'whatsapp-logged-out', resources: ['ultramsg'],
    detail: {
      status: 'qr', url: 'https://api.ultramsg.com/instance1/messages?token=abc123secret',
    },
  }],
  summary: { status: 'qr' },
};

async function setUp(probe: Probe, clock: { now: Date }) {
  deps = await createTestDeps({ probes: [probe], now: () => clock.now });
  return deps;
}

describe('runDueProbes', () => {
  it('opens one alert for a finding, with the card of its category and a redacted detail',
    async () => {
      const clock = { now: new Date() };
      const scripted = scriptedProbe();
      const d = await setUp(scripted.probe, clock);
      scripted.answer(loggedOut);

      const report = await runDueProbes(d, clock.now);

      expect(report.opened).toHaveLength(1);
      const [alert] = await listAlerts(d.statePool, d.config.dataSources);
      expect(alert).toMatchObject({
        key: 'whatsapp-logged-out', origin: 'probe', probe: 'ultramsg',
        category: 'whatsapp-logged-out', card: '1.1', severity: 'high', state: 'open',
        resources: ['ultramsg'], count: 1,
      });
      expect(JSON.stringify(alert?.detail)).not.toContain('abc123secret');
    });

  it('waits for the probe interval before running it again', async () => {
    const clock = { now: new Date() };
    const scripted = scriptedProbe('gmail', 900);
    const d = await setUp(scripted.probe, clock);

    await runDueProbes(d, clock.now);
    clock.now = new Date(clock.now.getTime() + 14 * minute);
    await runDueProbes(d, clock.now);
    expect(scripted.probe.runs).toBe(1);

    clock.now = new Date(clock.now.getTime() + 2 * minute);
    await runDueProbes(d, clock.now);
    expect(scripted.probe.runs).toBe(2);
  });

  it('runs a due probe once when two watchers look at the same time', async () => {
    const clock = { now: new Date() };
    const scripted = scriptedProbe();
    const d = await setUp(scripted.probe, clock);
    scripted.answer(loggedOut);

    const reports = await Promise.all([runDueProbes(d, clock.now), runDueProbes(d, clock.now)]);

    expect(scripted.probe.runs).toBe(1);
    expect(reports.flatMap((report) => report.opened)).toHaveLength(1);
  });

  it('keeps one alert counting while the problem lasts and resolves it once healthy',
    async () => {
      const clock = { now: new Date() };
      const scripted = scriptedProbe();
      const d = await setUp(scripted.probe, clock);
      scripted.answer(loggedOut);
      const first = await runDueProbes(d, clock.now);
      clock.now = new Date(clock.now.getTime() + 5 * minute);
      const second = await runDueProbes(d, clock.now);
      expect(second.updated).toEqual(first.opened);

      scripted.answer({ findings: [], summary: { status: 'authenticated' } });
      clock.now = new Date(clock.now.getTime() + 5 * minute);
      const healthy = await runDueProbes(d, clock.now);

      expect(healthy.resolved).toEqual(first.opened);
      const [alert] = await listAlerts(d.statePool, d.config.dataSources);
      expect(alert).toMatchObject({ state: 'resolved', resolvedBy: 'probe:ultramsg', count: 2 });
      const [run] = await listProbeRuns(d.statePool);
      expect(run).toMatchObject({ outcome: 'ok', summary: { status: 'authenticated' } });
    });

  it('reopens the same alert when the problem comes back within the flap window', async () => {
    const clock = { now: new Date() };
    const scripted = scriptedProbe();
    const d = await setUp(scripted.probe, clock);
    scripted.answer(loggedOut);
    const { opened } = await runDueProbes(d, clock.now);
    scripted.answer({ findings: [], summary: {} });
    clock.now = new Date(clock.now.getTime() + 5 * minute);
    await runDueProbes(d, clock.now);

    scripted.answer(loggedOut);
    clock.now = new Date(clock.now.getTime() + 5 * minute);
    const back = await runDueProbes(d, clock.now);

    expect(back.opened).toEqual([]);
    expect(back.updated).toEqual(opened);
    const alerts = await listAlerts(d.statePool, d.config.dataSources);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ state: 'open', reopened: 1 });
  });

  it('reopens open and pushes again an alert resolved by hand while the probe still sees it',
    async () => {
      const clock = { now: new Date() };
      const scripted = scriptedProbe();
      const d = await setUp(scripted.probe, clock);
      scripted.answer(loggedOut);
      await runWatcherOnce(d);
      const [opened] = await listAlerts(d.statePool, d.config.dataSources);
      const id = opened?.id ?? '';
      await acknowledgeAlert(d.statePool, d.config.dataSources, id, 'operador', clock.now);
      await resolveAlert(d.statePool, d.config.dataSources, id, 'operador', clock.now,
        async () => undefined);

      clock.now = new Date(clock.now.getTime() + 5 * minute);
      await runWatcherOnce(d);

      const [alert] = await listAlerts(d.statePool, d.config.dataSources);
      expect(alert).toMatchObject({
        id, state: 'open', acknowledgedBy: null, reopened: 1, reopenedAfterBy: 'operador',
      });
      const kinds = (d.pusher as RecordingPusher).sent.map((push) => push.payload.kind);
      expect(kinds).toEqual(['alert', 'reopened']);
    });

  it('opens a probe-failed alert on the second failed run in a row, and clears it after',
    async () => {
      const clock = { now: new Date() };
      const scripted = scriptedProbe();
      const d = await setUp(scripted.probe, clock);
      scripted.fail('connect ECONNREFUSED https://api.ultramsg.com/x?token=abc123secret');

      const once = await runDueProbes(d, clock.now);
      expect(once).toMatchObject({ failed: ['ultramsg'], opened: [] });
      clock.now = new Date(clock.now.getTime() + 5 * minute);
      const twice = await runDueProbes(d, clock.now);
      expect(twice.opened).toHaveLength(1);
      const [alert] = await listAlerts(d.statePool, d.config.dataSources);
      expect(alert).toMatchObject({ category: 'probe-failed', key: 'probe-failed:ultramsg' });
      const [run] = await listProbeRuns(d.statePool);
      expect(run).toMatchObject({ outcome: 'failed', failures: 2 });
      expect(run?.lastFailure).not.toContain('abc123secret');

      scripted.answer({ findings: [], summary: {} });
      clock.now = new Date(clock.now.getTime() + 5 * minute);
      const back = await runDueProbes(d, clock.now);
      expect(back.resolved).toEqual(twice.opened);
    });

  it('is run by the watcher, which pushes the new alert once', async () => {
    const clock = { now: new Date() };
    const scripted = scriptedProbe();
    const d = await setUp(scripted.probe, clock);
    scripted.answer(loggedOut);

    const report = await runWatcherOnce(d);
    clock.now = new Date(clock.now.getTime() + 5 * minute);
    await runWatcherOnce(d);

    expect(report.probes?.opened).toHaveLength(1);
    const pusher = d.pusher as RecordingPusher;
    const first = pusher.sent.filter((push) => push.payload.kind === 'alert');
    expect(first).toHaveLength(1);
    expect(first[0]?.payload).toMatchObject({ alertId: report.probes?.opened[0] });
  });
});
