import { describe, expect, it } from 'vitest';
import { createSandboxRds, sandboxStoragePhases } from './sandbox-rds.ts';

const GiB = 1024 ** 3;

function setUp(random = () => 0.5) {
  let clock = new Date('2025-06-02T18:00:00Z').getTime();
  const rds = createSandboxRds({ now: () => new Date(clock), random });
  const advance = (ms: number) => { clock += ms; };
  const primary = async () => (await rds.listDatabases())[0];
  return { rds, advance, primary };
}

describe('createSandboxRds', () => {
  it('reports both instances with metrics near the runbook values', async () => {
    const { rds } = setUp(() => 1);

    const [primary, replica] = await rds.getMetrics(await rds.listDatabases());

    expect(primary?.cpuPercent).toBeCloseTo(9.38, 2);
    expect(primary?.connections).toBe(8);
    expect(primary?.replicaLagSeconds).toBeNull();
    expect(replica?.connections).toBe(0);
    expect(replica?.replicaLagSeconds).toBeCloseTo(0.9, 1);
  });

  it('walks a storage change through modifying and storage-optimization to available',
    async () => {
      const { rds, advance, primary } = setUp();
      const { modifyingMs, optimizingMs } = sandboxStoragePhases;

      await rds.modifyStorage({ id: 'flotas-develop', allocatedStorageGiB: 150 });

      expect(await primary()).toMatchObject({
        status: 'modifying', allocatedStorageGiB: 100,
        pendingModifiedValues: { allocatedStorageGiB: 150 },
      });
      advance(modifyingMs);
      expect(await primary()).toMatchObject({
        status: 'storage-optimization', allocatedStorageGiB: 150, pendingModifiedValues: {},
      });
      advance(optimizingMs);
      expect((await primary())?.status).toBe('available');
    });

  it('adds the new space to the free storage it reports', async () => {
    const { rds } = setUp();

    await rds.modifyStorage({ id: 'flotas-develop', allocatedStorageGiB: 150 });

    const [metrics] = await rds.getMetrics([{ id: 'flotas-develop', role: 'primary' }]);
    expect(metrics?.freeStorageBytes).toBe(68 * GiB);
  });

  it('refuses another storage change within 6 hours, even once optimization is over',
    async () => {
      const { rds, advance } = setUp();
      await rds.modifyStorage({ id: 'flotas-develop', allocatedStorageGiB: 110 });
      advance(sandboxStoragePhases.modifyingMs + sandboxStoragePhases.optimizingMs);

      await expect(rds.modifyStorage({ id: 'flotas-develop', allocatedStorageGiB: 121 }))
        .rejects.toMatchObject({ name: 'InvalidParameterCombination' });
      advance(6 * 3_600_000);
      await expect(rds.modifyStorage({ id: 'flotas-develop', allocatedStorageGiB: 121 }))
        .resolves.toBeUndefined();
    });

  it('rounds a growth under 10 % up to 10 %, as ModifyDBInstance does', async () => {
    const { rds, advance, primary } = setUp();

    await rds.modifyStorage({ id: 'flotas-develop', allocatedStorageGiB: 101 });
    advance(sandboxStoragePhases.modifyingMs);

    expect((await primary())?.allocatedStorageGiB).toBe(110);
  });
});

describe('sandbox RDS drills', () => {
  const minute = 60_000;

  it('gives a CPU series of whole one-minute periods, the spike from the minute it began',
    async () => {
      const { rds } = setUp();
      const now = new Date('2025-06-02T18:00:00Z').getTime();
      rds.drills.spikeCpu('flotas-develop', 95, new Date(now - 3 * minute));

      const [cpu] = await rds.getMetricHistory([{
        id: 'flotas-develop', metric: 'cpuPercent', periodSeconds: 60,
        since: new Date(now - 6 * minute),
      }]);

      expect(cpu?.map((point) => (now - point.at.getTime()) / minute)).toEqual([6, 5, 4, 3, 2, 1]);
      expect(cpu?.map((point) => point.value)).toEqual([8.38, 8.38, 8.38, 95, 95, 95]);
      const [metrics] = await rds.getMetrics([{ id: 'flotas-develop', role: 'primary' }]);
      expect(metrics?.cpuPercent).toBe(95);
    });

  it('drains free storage hour by hour and reports storage-full once none is left',
    async () => {
      const { rds, advance, primary } = setUp();
      const now = new Date('2025-06-02T18:00:00Z').getTime();
      rds.drills.drainStorage('flotas-develop', 2, new Date(now - 2 * 60 * minute));

      const [storage] = await rds.getMetricHistory([{
        id: 'flotas-develop', metric: 'freeStorageBytes', periodSeconds: 3600,
        since: new Date(now - 2 * 60 * minute),
      }]);
      expect(storage?.map((point) => point.value / GiB)).toEqual([21, 19]);
      expect((await primary())?.status).toBe('available');

      advance(9 * 60 * minute);
      expect((await primary())?.status).toBe('storage-full');
    });

  it('sets free storage as a share of the allocated storage, 0 being a full disk', async () => {
    const { rds, primary } = setUp();

    rds.drills.setFreeStoragePercent('flotas-develop', 7);
    const [metrics] = await rds.getMetrics([{ id: 'flotas-develop', role: 'primary' }]);
    expect(metrics?.freeStorageBytes).toBe(7 * GiB);

    rds.drills.setFreeStoragePercent('flotas-develop', 0);
    expect((await primary())?.status).toBe('storage-full');
  });

  it('lets storage grow out of a full disk, and reset keeps the growth', async () => {
    const { rds, primary } = setUp();
    rds.drills.setFreeStoragePercent('flotas-develop', 0);

    await rds.modifyStorage({ id: 'flotas-develop', allocatedStorageGiB: 110 });
    expect((await primary())?.status).toBe('modifying');
    rds.drills.reset();

    const [metrics] = await rds.getMetrics([{ id: 'flotas-develop', role: 'primary' }]);
    expect(metrics?.freeStorageBytes).toBe(28 * GiB);
  });
});
