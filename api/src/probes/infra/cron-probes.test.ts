import { cronCommandStarted, statusResponse, TurnoError } from '@turno/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import type { CronHostPort } from '../../cloud/cron-host.ts';
import { bearer, signIn } from '../../testing/index.ts';
import { cronDiskProbe } from './cron-disk-probe.ts';
import { runCronCommand } from './cron-command.ts';
import { pm2Probe } from './pm2-probe.ts';
import { setUpInfra, type InfraTest } from './test-setup.ts';

const minute = 60_000;
let test: InfraTest | undefined;

afterEach(async () => {
  await test?.deps.close();
  test = undefined;
});

async function setUp() {
  test = await setUpInfra((config, wait) => [pm2Probe(config.cron, wait),
    cronDiskProbe(config.cron, wait)]);
  return test;
}

describe('pm2 probe', () => {
  it('sees the three processes online and opens nothing', async () => {
    const t = await setUp();

    const report = await t.run();

    expect(report.ran.sort()).toEqual(['cron-disk', 'pm2']);
    expect(report.opened).toEqual([]);
    expect((await t.lastRun('pm2'))?.summary).toEqual({ processes: 3, online: 3, daemon: 'up' });
  });

  it('opens card T.9 for a stopped process, and resolves it once it is online', async () => {
    const t = await setUp();
    t.cloud.cronHost.drills.setProcessStatus('Linde-Ocurrences', 'stopped');

    const { opened } = await t.run();

    const [alert] = await t.alerts();
    expect(alert).toMatchObject({
      key: 'pm2-process-down:Linde-Ocurrences', category: 'pm2-process-down', card: 'T.9',
      resources: ['i-0a1b2c3d4e5f60002', 'Linde-Ocurrences'],
      detail: { process: 'Linde-Ocurrences', id: 0, status: 'stopped' },
    });
    expect((await t.lastRun('pm2'))?.summary).toMatchObject({ online: 2 });

    t.cloud.cronHost.drills.reset();
    t.advance(5 * minute);
    expect((await t.run()).resolved).toEqual(opened);
  });

  it('calls a pm2 daemon that does not answer the cron down, not a failed look', async () => {
    const t = await setUp();
    t.cloud.cronHost.drills.setDaemonRunning(false);

    const report = await t.run();

    expect(report.failed).toEqual([]);
    const [alert] = await t.alerts();
    expect(alert).toMatchObject({
      key: 'pm2-process-down', category: 'pm2-process-down', detail: { status: 'daemon-down' },
    });
  });
});

describe('cron disk probe', () => {
  it('opens card T.7 above 85 % and resolves it after pm2 flush', async () => {
    const t = await setUp();
    t.cloud.cronHost.drills.fillDisk(90);

    const { opened } = await t.run();

    const [alert] = await t.alerts();
    expect(alert).toMatchObject({
      key: 'cron-disk-full', category: 'cron-disk-full', card: 'T.7',
      resources: ['i-0a1b2c3d4e5f60002'], detail: { usePercent: 90, limitPercent: 85 },
    });
    await runCronCommand(t.cloud.cronHost, 'pm2-flush', {
      sleep: async (ms) => t.advance(ms), pollMs: 1_000, attempts: 5,
    });
    t.advance(5 * minute);
    expect((await t.run()).resolved).toEqual(opened);
    expect((await t.lastRun('cron-disk'))?.summary).toMatchObject({ diskUsePercent: 37 });
  });

  it('leaves 85 % itself alone', async () => {
    const t = await setUp();
    t.cloud.cronHost.drills.fillDisk(85);

    expect((await t.run()).opened).toEqual([]);
  });
});

/** Operador flushes through the API and polls until the flush is done; then once more. */
async function flushThroughTurno(t: InfraTest) {
  const app = createApp(t.deps);
  const headers = bearer(await signIn(app, 'operador'));
  const started = await app.request('/api/cron-host/commands', {
    method: 'POST', headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'pm2-flush' }),
  });
  const { commandId } = cronCommandStarted.parse(await started.json());
  const poll = async () => (await app.request(`/api/cron-host/commands/${commandId}`,
    { headers })).json();
  t.advance(5_000);
  expect(await poll()).toMatchObject({ status: 'success' });
  const status = async () => statusResponse.parse(
    await (await app.request('/api/status', { headers })).json());
  return { poll, status };
}

describe('a pm2 flush through Turno', () => {
  it('has the next probe pass see the freed disk and resolve card T.7 on Estado', async () => {
    const t = await setUp();
    t.cloud.cronHost.drills.fillDisk(90);
    const { opened } = await t.run();
    const { status } = await flushThroughTurno(t);

    t.advance(10_000);
    const report = await t.run();

    expect(report.ran.sort()).toEqual(['cron-disk', 'pm2']);
    expect(report.resolved).toEqual(opened);
    const estado = await status();
    expect(estado.openAlerts).toEqual([]);
    expect(estado.probes.find((p) => p.probe === 'cron-disk')).toMatchObject({
      outcome: 'ok', summary: { diskUsePercent: 37 },
    });
  });

  it('makes the probes due once: a later poll of the same flush leaves them to their turn',
    async () => {
      const t = await setUp();
      await t.run();
      const { poll } = await flushThroughTurno(t);
      t.advance(10_000);
      await t.run();

      await poll();
      t.advance(10_000);

      expect((await t.run()).ran).toEqual([]);
    });
});

describe('a cron host Turno cannot reach', () => {
  it('fails the probes, and the second failure in a row opens card T.10', async () => {
    const t = await setUp();
    t.cloud.cronHost.startCommand = async () => {
      throw new TurnoError('cron_host_unreachable');
    };

    expect((await t.run()).failed.sort()).toEqual(['cron-disk', 'pm2']);
    t.advance(5 * minute);
    const second = await t.run();

    expect(second.opened).toHaveLength(2);
    const alerts = await t.alerts();
    expect(alerts.map((a) => [a.key, a.category, a.card]).sort()).toEqual([
      ['probe-failed:cron-disk', 'probe-failed', 'T.10'],
      ['probe-failed:pm2', 'probe-failed', 'T.10'],
    ]);
  });
});

describe('runCronCommand', () => {
  it('gives up on a command that never ends, so the probe fails instead of hanging', async () => {
    const host: CronHostPort = {
      instanceId: 'i-0a1b2c3d4e5f60002',
      startCommand: async () => ({ commandId: 'c-1' }),
      getCommand: async () => ({ commandId: 'c-1', kind: 'disk', status: 'running' }),
    };
    let slept = 0;

    const failure = runCronCommand(host, 'disk', {
      sleep: async (ms) => { slept += ms; }, pollMs: 1_000, attempts: 15,
    });

    await expect(failure).rejects.toThrow('did not finish disk within 15 s');
    expect(slept).toBe(15_000);
  });
});
