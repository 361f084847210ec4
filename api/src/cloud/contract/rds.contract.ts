import { describe, expect, it } from 'vitest';
import type { DatabaseInstance, RdsPort } from '../rds.ts';
import { sandboxDatabaseSeeds, type SandboxDatabaseSeed } from '../sandbox-rds-inventory.ts';

export interface RdsSeed {
  databases: SandboxDatabaseSeed[];
  now: () => Date;
}

export type MakeRdsPort = (seed: RdsSeed) => RdsPort;

const GiB = 1024 ** 3;
const sixHoursMs = 6 * 3_600_000;
const now = new Date('2025-06-02T18:00:00Z');
const ids = ['flotas-develop', 'flotas-develop-replica'];

/** The runbook's two instances, the primary changed by `primary` and its seed by `seed`. */
function seeds(
  primary: Partial<DatabaseInstance> = {}, seed: Partial<SandboxDatabaseSeed> = {},
): SandboxDatabaseSeed[] {
  const [first, second] = sandboxDatabaseSeeds();
  if (!first || !second) throw new Error('the sandbox has two instances');
  return [{ ...first, ...seed, instance: { ...first.instance, ...primary } }, second];
}

async function failure(promise: Promise<unknown>): Promise<string> {
  return promise.then(() => 'no error', (error: unknown) => (error as Error).name);
}

/**
 * What Turno relies on from RDS and CloudWatch, run against every implementation of RdsPort
 * (the sandbox and the AWS adapter) so they cannot drift apart.
 */
export function describeRdsContract(label: string, makePort: MakeRdsPort): void {
  const start = (databases = seeds()) => makePort({ databases, now: () => now });

  describe(`RdsPort contract: ${label}`, () => {
    it('lists both instances with role, class, engine, zone and storage', async () => {
      const port = start();

      expect(await port.listDatabases()).toEqual(seeds().map((seed) => seed.instance));
    });

    it('reports storage-full as the instance status', async () => {
      const port = start(seeds({ status: 'storage-full' }));

      const [primary] = await port.listDatabases();

      expect(primary?.status).toBe('storage-full');
    });

    it('reads CPU, free storage and connections of both, replica lag of the replica only',
      async () => {
        const port = start();

        const metrics = await port.getMetrics(await port.listDatabases());

        expect(metrics).toEqual([
          {
            id: 'flotas-develop', cpuPercent: 8.38, freeStorageBytes: 18 * GiB, connections: 7,
            replicaLagSeconds: null,
          },
          {
            id: 'flotas-develop-replica', cpuPercent: 6.48, freeStorageBytes: 18.5 * GiB,
            connections: 0, replicaLagSeconds: 0.4,
          },
        ]);
      });

    it('answers null metrics for an instance CloudWatch knows nothing of', async () => {
      const port = start();

      const [metrics] = await port.getMetrics([{ id: 'no-such-db', role: 'primary' }]);

      expect(metrics).toEqual({
        id: 'no-such-db', cpuPercent: null, freeStorageBytes: null, connections: null,
        replicaLagSeconds: null,
      });
    });

    it('starts a storage change: modifying, the new size pending, the old one still shown',
      async () => {
        const port = start();

        await port.modifyStorage({ id: 'flotas-develop', allocatedStorageGiB: 110 });

        const [primary, replica] = await port.listDatabases();
        expect(primary).toMatchObject({
          status: 'modifying', allocatedStorageGiB: 100,
          pendingModifiedValues: { allocatedStorageGiB: 110 },
        });
        expect(replica?.status).toBe('available');
      });

    it('refuses a second change while the first is under way', async () => {
      const port = start();
      await port.modifyStorage({ id: 'flotas-develop', allocatedStorageGiB: 110 });

      const second = port.modifyStorage({ id: 'flotas-develop', allocatedStorageGiB: 121 });

      expect(await failure(second)).toBe('InvalidDBInstanceStateFault');
    });

    it('answers DBInstanceNotFoundFault for an instance that does not exist', async () => {
      const port = start();

      const change = port.modifyStorage({ id: 'no-such-db', allocatedStorageGiB: 110 });

      expect(await failure(change)).toBe('DBInstanceNotFoundFault');
    });

    it('grows a storage-full instance', async () => {
      const port = start(seeds({ status: 'storage-full' }));

      await port.modifyStorage({ id: 'flotas-develop', allocatedStorageGiB: 110 });

      expect((await port.listDatabases())[0]?.status).toBe('modifying');
    });

    it('needs Iops to grow io1 storage', async () => {
      const port = start(seeds({ storageType: 'io1', iops: 1000 }));

      const without = port.modifyStorage({ id: 'flotas-develop', allocatedStorageGiB: 110 });
      expect(await failure(without)).toBe('InvalidParameterCombination');

      await port.modifyStorage({ id: 'flotas-develop', allocatedStorageGiB: 110, iops: 1000 });
      expect((await port.listDatabases())[0]?.pendingModifiedValues)
        .toEqual({ allocatedStorageGiB: 110, iops: 1000 });
    });

    it('refuses gp3 Iops below 400 GiB and needs 12000 or more from 400 GiB', async () => {
      const small = start();
      const big = start(seeds({ allocatedStorageGiB: 380 }));

      const withIops = small.modifyStorage({
        id: 'flotas-develop', allocatedStorageGiB: 110, iops: 3000,
      });
      const withoutIops = big.modifyStorage({ id: 'flotas-develop', allocatedStorageGiB: 418 });

      expect(await failure(withIops)).toBe('InvalidParameterCombination');
      expect(await failure(withoutIops)).toBe('InvalidParameterCombination');
      await big.modifyStorage({ id: 'flotas-develop', allocatedStorageGiB: 418, iops: 12_000 });
      expect((await big.listDatabases())[0]?.pendingModifiedValues)
        .toEqual({ allocatedStorageGiB: 418, iops: 12_000 });
    });

    it('reports the storage change it just started, for that instance only', async () => {
      const port = start();
      const since = new Date(now.getTime() - sixHoursMs);

      expect(await port.recentStorageChanges(ids, since)).toEqual(new Map());
      await port.modifyStorage({ id: 'flotas-develop', allocatedStorageGiB: 110 });

      expect(await port.recentStorageChanges(ids, since))
        .toEqual(new Map([['flotas-develop', now]]));
    });

    it('reports a storage change Turno did not make, such as storage autoscaling', async () => {
      const twoHoursAgo = new Date(now.getTime() - 2 * 3_600_000);
      const port = start(seeds({}, { lastStorageChange: twoHoursAgo }));

      const changes = await port.recentStorageChanges(ids, new Date(now.getTime() - sixHoursMs));

      expect(changes).toEqual(new Map([['flotas-develop', twoHoursAgo]]));
    });

    it('leaves out a storage change older than asked for', async () => {
      const longAgo = new Date(now.getTime() - 7 * 3_600_000);
      const port = start(seeds({}, { lastStorageChange: longAgo }));

      const changes = await port.recentStorageChanges(ids, new Date(now.getTime() - sixHoursMs));

      expect(changes).toEqual(new Map());
    });

    it('refuses a storage change within 6 hours of one made outside Turno', async () => {
      const port = start(seeds({}, { lastStorageChange: new Date(now.getTime() - 3_600_000) }));

      const change = port.modifyStorage({ id: 'flotas-develop', allocatedStorageGiB: 110 });

      expect(await failure(change)).toBe('InvalidParameterCombination');
    });

    it('refuses a storage ceiling below the new size, takes a raised one at once', async () => {
      const port = start(seeds({ maxAllocatedStorageGiB: 105 }));

      const below = port.modifyStorage({ id: 'flotas-develop', allocatedStorageGiB: 110 });
      expect(await failure(below)).toBe('InvalidParameterCombination');

      await port.modifyStorage({
        id: 'flotas-develop', allocatedStorageGiB: 110, maxAllocatedStorageGiB: 121,
      });
      expect((await port.listDatabases())[0]).toMatchObject({
        status: 'modifying', maxAllocatedStorageGiB: 121,
      });
    });

    it.each([110, 115, 120])(
      'refuses a storage ceiling of %i GiB, less than 10 percent above a new size of 110 GiB',
      async (max) => {
        const port = start(seeds({ allocatedStorageGiB: 100, maxAllocatedStorageGiB: max }));

        const change = port.modifyStorage({ id: 'flotas-develop', allocatedStorageGiB: 110 });

        expect(await failure(change)).toBe('InvalidParameterCombination');
        expect((await port.listDatabases())[0]?.status).toBe('available');
      });

    it('takes a new size when the storage ceiling is already 10 % above it', async () => {
      const port = start(seeds({ allocatedStorageGiB: 100, maxAllocatedStorageGiB: 121 }));

      await port.modifyStorage({ id: 'flotas-develop', allocatedStorageGiB: 110 });

      expect((await port.listDatabases())[0]?.status).toBe('modifying');
    });
  });
}
