import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findDrill, setDrill } from '../probes/drills.ts';
import { syncInfraDrills } from '../probes/infra/drill-sync.ts';
import { createTestDeps, type TestDeps } from '../testing/index.ts';
import { sandboxCommandMs } from './sandbox-cron-host.ts';
import { sandboxStoragePhases } from './sandbox-rds.ts';
import { loadSandboxState, openPersistedSandbox, persistingSandbox } from './sandbox-store.ts';
import { createSandboxCloud, type SandboxCloud } from './sandbox.ts';

const GiB = 1024 ** 3;
const primary = 'flotas-develop';

describe('the sandbox across a restart', () => {
  let deps: TestDeps;
  let clock: number;
  const now = () => new Date(clock);
  beforeEach(async () => {
    clock = new Date('2025-06-02T18:00:00Z').getTime();
    deps = await createTestDeps({ now });
  });
  afterEach(async () => {
    await deps.close();
  });

  /** A new sandbox from what the database holds, as `npm start` opens it. */
  const open = () => openPersistedSandbox(deps.statePool, { now, random: () => 0.5 });
  const on = (cloud: SandboxCloud) => ({ ...deps, cloud });
  const drill = async (cloud: SandboxCloud, name: string, turnOn: boolean) => {
    const found = findDrill(name);
    if (!found) throw new Error(`no drill ${name}`);
    await setDrill(on(cloud), found, turnOn, now());
  };
  const primaryOf = async (cloud: SandboxCloud) =>
    (await cloud.rds.listDatabases()).find((database) => database.id === primary);
  const freeGiB = async (cloud: SandboxCloud) => {
    const [metrics] = await cloud.rds.getMetrics([{ id: primary, role: 'primary' }]);
    return Math.round((metrics?.freeStorageBytes ?? 0) / GiB);
  };

  it('starts from the inventory when nothing was stored', async () => {
    expect(await loadSandboxState(deps.statePool)).toBeUndefined();
    expect((await primaryOf(await open()))?.allocatedStorageGiB).toBe(100);
  });

  it('keeps grown storage through its modifying and optimising states', async () => {
    const first = await open();
    await first.rds.modifyStorage({ id: primary, allocatedStorageGiB: 120 });

    const second = await open();
    const modifying = await primaryOf(second);
    clock += sandboxStoragePhases.modifyingMs;
    const optimising = await primaryOf(await open());

    expect(modifying).toMatchObject({
      status: 'modifying', allocatedStorageGiB: 100,
      pendingModifiedValues: { allocatedStorageGiB: 120 },
    });
    expect(optimising).toMatchObject({ status: 'storage-optimization', allocatedStorageGiB: 120 });
    expect(await freeGiB(second)).toBe(38);
    const changes = await second.rds.recentStorageChanges([primary], new Date(clock - 3_600_000));
    expect(changes.get(primary)).toEqual(new Date('2025-06-02T18:00:00Z'));
  });

  it('does not play a stored drill again on a restart, so grown storage stays free', async () => {
    const first = await open();
    await drill(first, 'rds-storage-low', true);
    const drilled = await freeGiB(first);
    await first.rds.modifyStorage({ id: primary, allocatedStorageGiB: 120 });

    const second = await open();
    await syncInfraDrills(on(second));

    expect(drilled).toBe(7);
    expect((await primaryOf(second))?.pendingModifiedValues).toEqual({ allocatedStorageGiB: 120 });
    expect(await freeGiB(second)).toBe(27);
  });

  it('finishes a pm2 flush polled after the restart and keeps its logs flushed', async () => {
    const first = await open();
    const { commandId: diskBefore } = await first.cronHost.startCommand('disk');
    const { commandId } = await first.cronHost.startCommand('pm2-flush');
    clock += sandboxCommandMs;

    const flush = await (await open()).cronHost.getCommand(commandId);
    const third = await open();
    const { commandId: diskAfter } = await third.cronHost.startCommand('disk');
    clock += sandboxCommandMs;
    const [before, after] = await Promise.all(
      [diskBefore, diskAfter].map((id) => third.cronHost.getCommand(id)),
    );

    expect(flush?.status).toBe('success');
    const use = (command: typeof before) =>
      (command?.output?.kind === 'disk' ? command.output.disk.usePercent : null);
    expect(use(before)).toBe(66);
    expect(use(after)).toBe(37);
  });

  it('keeps the log retention an admin set', async () => {
    await (await open()).logs.setRetention(30);

    expect(await (await open()).logs.getRetention()).toBe(30);
  });

  it('keeps an EC2 drill until it is turned off, then the healthy instance', async () => {
    const first = await open();
    await drill(first, 'ec2-status-check-failed', true);
    const second = await open();
    const drilled = (await second.ec2.listInstances())[0]?.statusChecks;
    await drill(second, 'ec2-status-check-failed', false);

    expect(drilled).toBe('2/3');
    expect((await (await open()).ec2.listInstances())[0]?.statusChecks).toBe('3/3');
  });

  it('never lets a write that was overtaken put older state back', async () => {
    const current = await open();
    await current.logs.setRetention(30);
    await current.logs.setRetention(60);
    const stale = persistingSandbox(createSandboxCloud({ now }), deps.statePool,
      { revision: 1, snapshot: createSandboxCloud({ now }).snapshot() });

    await stale.logs.setRetention(7);

    expect(await (await open()).logs.getRetention()).toBe(60);
  });
});
