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
