import { afterEach, describe, expect, it } from 'vitest';
import { listAlerts } from '../alerts/alert-store.ts';
import { createTestDeps, type TestDeps } from '../testing/index.ts';
import { insertSyncError } from '../watcher/fixtures.ts';
import { runWatcherOnce } from '../watcher/run.ts';
import { claimProbe, listProbeRuns } from './probe-store.ts';
import { runDueProbes } from './run-probes.ts';
import type { Probe, ProbeResult } from './types.ts';

const second = 1_000;
let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

function probeNamed(name: string, result: ProbeResult = { findings: [], summary: {} }): Probe {
  return { name, intervalSeconds: 60, run: async () => result };
}

async function setUp(probes: Probe[]) {
  const clock = { now: new Date('2026-03-02T16:00:00Z') };
  deps = await createTestDeps({ probes, now: () => clock.now });
  const at = (seconds: number) => {
    clock.now = new Date(Date.UTC(2026, 2, 2, 16) + seconds * second);
    return clock.now;
  };
  return { d: deps, at };
}

async function overdue(d: TestDeps, now: Date) {
  return (await listProbeRuns(d.statePool, now)).filter((run) => run.overdue)
    .map((run) => run.probe);
}

describe('probes that stop finishing their runs', () => {
  it('raise "probe overdue" when killed after their claims, resolved by the next finished run',
    async () => {
      const probe = probeNamed('rds');
      const { d, at } = await setUp([probe]);
      await runDueProbes(d, at(0));
      // Two Lambdas killed mid-run: each claimed its turn and never wrote the result.
      await claimProbe(d.statePool, 'rds', at(60), 60);
      await claimProbe(d.statePool, 'rds', at(120), 60);

      expect(await overdue(d, at(119))).toEqual([]);
      const report = await runDueProbes(d, at(135));

      expect(report.overdue).toEqual(['rds']);
      expect(await overdue(d, at(135))).toEqual(['rds']);
      const [alert] = await listAlerts(d.statePool, d.config.dataSources);
      expect(alert).toMatchObject({
        key: 'probe-overdue:rds', category: 'probe-overdue', card: 'T.10', state: 'open',
        resources: ['rds'], detail: { probe: 'rds', lastRunAt: at(0).toISOString() },
      });

      const back = await runDueProbes(d, at(180));
      expect(back.ran).toEqual(['rds']);
      expect(back.resolved).toEqual([alert?.id]);
      expect(await overdue(d, at(180))).toEqual([]);
    });

  it('shows as overdue while the watcher is stopped, and clears up on its first run back',
    async () => {
      const { d, at } = await setUp([probeNamed('ec2')]);
      await runDueProbes(d, at(0));

      expect(await overdue(d, at(3600))).toEqual(['ec2']);
      const report = await runDueProbes(d, at(3600));

      expect(report).toMatchObject({ ran: ['ec2'], overdue: [], opened: [] });
      expect(await listAlerts(d.statePool, d.config.dataSources)).toEqual([]);
    });

  it('measures overdue in watcher ticks when the probe is due more often than the watcher runs',
    async () => {
      const { d, at } = await setUp([{ ...probeNamed('fast'), intervalSeconds: 20 }]);
      d.config = { ...d.config, watchIntervalSeconds: 60 };
      await runDueProbes(d, at(0));

      expect(await overdue(d, at(119))).toEqual([]);
      expect(await overdue(d, at(121))).toEqual(['fast']);
    });
});

describe('probes that leave the registry', () => {
  const finding = (category: 'gmail-token' | 'whatsapp-unpaid', resources: string[]) => ({
    findings: [{ category, resources }], summary: {},
  });

  it('resolve the alerts only they kept open, and leave Estado', async () => {
    const { d, at } = await setUp([probeNamed('gmail', finding('gmail-token', ['gmail']))]);
    const { opened } = await runDueProbes(d, at(0));
    d.probes = [probeNamed('rds')];

    const report = await runDueProbes(d, at(60));

    expect(report.unregistered).toEqual(['gmail']);
    expect(report.resolved).toEqual(opened);
    const [alert] = await listAlerts(d.statePool, d.config.dataSources);
    expect(alert).toMatchObject({ state: 'resolved', resolvedBy: 'probe-unregistered' });
    expect((await listProbeRuns(d.statePool, at(60))).map((run) => run.probe)).toEqual(['rds']);
  });

  it('leave an alert Sync_error also feeds open, without their name on it', async () => {
    const unpaid = probeNamed('ultramsg', finding('whatsapp-unpaid', ['ultramsg']));
    const { d, at } = await setUp([unpaid]);
    await runWatcherOnce(d);
    await insertSyncError(d.statePool, {
      text: 'Your instance has been Stopped due to non-payment.', at: at(10),
      functionName: 'up-send-whatsapp',
    });
    await runWatcherOnce(d);
    const read = async () => (await d.statePool.query<{ state: string; origins: string[] }>(
      'SELECT state, origins FROM turno.alerts',
    )).rows;
    expect(await read()).toEqual([{ state: 'open', origins: ['probe:ultramsg', 'sync-error'] }]);
    d.probes = [];

    const report = await runDueProbes(d, at(20));

    expect(report.resolved).toEqual([]);
    expect(await read()).toEqual([{ state: 'open', origins: ['sync-error'] }]);
  });
});
