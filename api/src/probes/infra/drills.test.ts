import { afterEach, describe, expect, it } from 'vitest';
import { createSandboxCloud } from '../../cloud/sandbox.ts';
import { createTestDeps } from '../../testing/index.ts';
import { findDrill, setDrill, type Drill } from '../drills.ts';
import { runDueProbes } from '../run-probes.ts';
import { defaultInfraConfig } from './config.ts';
import { cronDiskProbe } from './cron-disk-probe.ts';
import { runCronCommand } from './cron-command.ts';
import { infraDrills } from './drills.ts';
import { ec2Probe } from './ec2-probe.ts';
import { pm2Probe } from './pm2-probe.ts';
import { rdsProbe } from './rds-probe.ts';
import { setUpInfra, type InfraTest } from './test-setup.ts';

const minute = 60_000;
let test: InfraTest | undefined;

afterEach(async () => {
  await test?.deps.close();
  test = undefined;
});

async function setUp() {
  test = await setUpInfra((config, wait) => [
    rdsProbe(config.rds), ec2Probe(config.ec2), pm2Probe(config.cron, wait),
    cronDiskProbe(config.cron, wait),
  ]);
  await test.run();
  return test;
}

function drill(name: string): Drill {
  const found = findDrill(name);
  if (!found) throw new Error(`no drill ${name}`);
  return found;
}

async function turn(t: InfraTest, name: string, on: boolean) {
  await setDrill(t.deps, drill(name), on, t.clock.now);
  t.advance(1_000);
  return t.run();
}

describe('infra drills', () => {
  it('are in the registry, each breaking a probe of this area', () => {
    expect(infraDrills.map((d) => [d.name, d.probe])).toEqual([
      ['rds-cpu-high', 'rds'], ['rds-storage-low', 'rds'], ['rds-storage-filling', 'rds'],
      ['rds-storage-full', 'rds'], ['rds-probe-denied', 'rds'], ['ec2-status-check-failed', 'ec2'],
      ['pm2-process-stopped', 'pm2'], ['cron-disk-full', 'cron-disk'],
    ]);
    for (const d of infraDrills) expect(findDrill(d.name)).toBe(d);
  });

  it.each([
    ['rds-cpu-high', 'rds-cpu-high', '5.1'],
    ['rds-storage-low', 'rds-storage-low', '4.1'],
    ['rds-storage-filling', 'rds-storage-low', '4.1'],
    ['rds-storage-full', 'rds-storage-full', '4.1'],
    ['ec2-status-check-failed', 'ec2-status-failed', 'T.8'],
    ['pm2-process-stopped', 'pm2-process-down', 'T.9'],
    ['cron-disk-full', 'cron-disk-full', 'T.7'],
  ])('%s opens %s with card %s at once, and turning it off resolves it',
    async (name, category, card) => {
      const t = await setUp();

      const on = await turn(t, name, true);

      expect(on.opened).toHaveLength(1);
      const [alert] = await t.alerts();
      expect(alert).toMatchObject({ category, card, state: 'open' });

      const off = await turn(t, name, false);
      expect(off.resolved).toEqual(on.opened);
    });

  it('rds-probe-denied fails the RDS check, opens card T.10 on the second failure in a row, '
    + 'and turning it off resolves it', async () => {
    const t = await setUp();

    const first = await turn(t, 'rds-probe-denied', true);
    t.advance(minute);
    const second = await t.run();

    expect(first.failed).toEqual(['rds']);
    expect(first.opened).toEqual([]);
    expect(second.failed).toEqual(['rds']);
    expect(second.opened).toHaveLength(1);
    const [alert] = await t.alerts();
    expect(alert).toMatchObject({
      category: 'probe-failed', card: 'T.10', state: 'open', detail: { probe: 'rds' },
    });
    expect(alert?.detail?.error).toMatch(/not authorized to perform: cloudwatch:GetMetricData/);
    // Only the watcher's role lost it: the API's own reads of RDS still work.
    expect(await t.cloud.rds.getMetrics([{ id: 'flotas-develop', role: 'primary' }]))
      .toMatchObject([{ id: 'flotas-develop', cpuPercent: expect.any(Number) }]);

    const off = await turn(t, 'rds-probe-denied', false);
    expect(off.ran).toEqual(['rds']);
    expect(off.resolved).toEqual(second.opened);
  });

  it('keeps what the technician fixed while the drill stays on', async () => {
    const t = await setUp();
    const { opened } = await turn(t, 'cron-disk-full', true);

    await runCronCommand(t.cloud.cronHost, 'pm2-flush', {
      sleep: async (ms) => t.advance(ms), pollMs: 1_000, attempts: 5,
    });
    t.advance(5 * minute);

    expect((await t.run()).resolved).toEqual(opened);
  });

  it('keeps one drill on when another of the same service is turned off', async () => {
    const t = await setUp();
    await turn(t, 'rds-storage-low', true);
    await turn(t, 'rds-cpu-high', true);

    t.advance(minute);
    await turn(t, 'rds-cpu-high', false);

    const open = (await t.alerts()).filter((a) => a.state !== 'resolved');
    expect(open.map((a) => a.category)).toEqual(['rds-storage-low']);
  });

  it('reaches a sandbox in another process through the stored drill, on its next run',
    async () => {
      const t = await setUp();
      const url = t.deps.database?.url;
      const cloud = createSandboxCloud({ now: () => t.clock.now, random: () => 0.5 });
      const watcher = await createTestDeps({
        databaseUrl: url, cloud, now: () => t.clock.now,
        probes: [ec2Probe(defaultInfraConfig().ec2)],
      });
      try {
        await setDrill(t.deps, drill('ec2-status-check-failed'), true, t.clock.now);
        const report = await runDueProbes(watcher, t.clock.now);

        expect(report.opened).toHaveLength(1);
        expect((await cloud.ec2.listInstances())[0]?.statusChecks).toBe('2/3');
      } finally {
        await watcher.close();
      }
    });

  it('breaks the sandbox in the process that turned it on before any probe runs', async () => {
    const t = await setUp();

    await setDrill(t.deps, drill('ec2-status-check-failed'), true, t.clock.now);

    const instances = await t.cloud.ec2.listInstances();
    expect(instances[0]?.statusChecks).toBe('2/3');
  });
});
