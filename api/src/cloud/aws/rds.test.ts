import { GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeDBInstancesCommand, ModifyDBInstanceCommand } from '@aws-sdk/client-rds';
import { describe, expect, it } from 'vitest';
import { planStorageChange } from '../../actions/grow-storage-plan.ts';
import { createFakeRdsApi } from '../contract/fake-rds-api.ts';
import type { DatabaseInstance } from '../rds.ts';
import { sandboxDatabaseSeeds, type SandboxDatabaseSeed } from '../sandbox-rds-inventory.ts';
import { createAwsRds } from './rds.ts';

const now = new Date('2025-06-02T18:00:00Z');
const ids = ['flotas-develop', 'flotas-develop-replica'];

function setUp(primary: Partial<DatabaseInstance> = {}) {
  const [first, second] = sandboxDatabaseSeeds();
  if (!first || !second) throw new Error('two seeds');
  const databases: SandboxDatabaseSeed[] = [
    { ...first, instance: { ...first.instance, ...primary } }, second,
  ];
  const api = createFakeRdsApi({ databases, now: () => now });
  const port = createAwsRds({
    rds: api.rds, cloudwatch: api.cloudwatch, instanceIds: ids, now: () => now,
  });
  const modifyInputs = () => api.rdsMock.commandCalls(ModifyDBInstanceCommand)
    .map((call) => call.args[0].input);
  return { api, port, modifyInputs };
}

describe('createAwsRds', () => {
  it('describes each configured instance by its identifier, so IAM can scope it', async () => {
    const { api, port } = setUp();

    const databases = await port.listDatabases();

    const inputs = api.rdsMock.commandCalls(DescribeDBInstancesCommand)
      .map((call) => call.args[0].input);
    expect(inputs).toEqual(ids.map((id) => ({ DBInstanceIdentifier: id })));
    expect(databases.map((db) => [db.id, db.role, db.replicaOf])).toEqual([
      ['flotas-develop', 'primary', null],
      ['flotas-develop-replica', 'replica', 'flotas-develop'],
    ]);
    expect(databases[0]).toMatchObject({
      instanceClass: 'db.t4g.large', engine: 'postgres', zone: 'us-east-1c',
      allocatedStorageGiB: 100, maxAllocatedStorageGiB: null, storageType: 'gp3', iops: 3000,
    });
  });

  it('shows storage-full and storage-optimization as RDS reports them', async () => {
    const full = setUp({ status: 'storage-full' });
    const optimizing = setUp({ status: 'storage-optimization' });

    expect((await full.port.listDatabases())[0]?.status).toBe('storage-full');
    expect((await optimizing.port.listDatabases())[0]?.status).toBe('storage-optimization');
  });

  it('reads every metric of both instances in one GetMetricData call', async () => {
    const { api, port } = setUp();

    const metrics = await port.getMetrics(await port.listDatabases());

    const calls = api.cloudwatchMock.commandCalls(GetMetricDataCommand);
    expect(calls).toHaveLength(1);
    const input = calls[0]?.args[0].input;
    expect(input).toMatchObject({
      StartTime: new Date('2025-06-02T17:45:00Z'), EndTime: now, ScanBy: 'TimestampDescending',
    });
    const query = (id: string, metric: string) => ({
      Id: expect.any(String) as string,
      MetricStat: {
        Metric: {
          Namespace: 'AWS/RDS', MetricName: metric,
          Dimensions: [{ Name: 'DBInstanceIdentifier', Value: id }],
        },
        Period: 300,
        Stat: 'Average',
      },
      ReturnData: true,
    });
    expect(input?.MetricDataQueries).toEqual([
      query('flotas-develop', 'CPUUtilization'),
      query('flotas-develop', 'FreeStorageSpace'),
      query('flotas-develop', 'DatabaseConnections'),
      query('flotas-develop-replica', 'CPUUtilization'),
      query('flotas-develop-replica', 'FreeStorageSpace'),
      query('flotas-develop-replica', 'DatabaseConnections'),
      query('flotas-develop-replica', 'ReplicaLag'),
    ]);
    for (const q of input?.MetricDataQueries ?? []) expect(q.Id).toMatch(/^[a-z][A-Za-z0-9_]*$/);
    expect(metrics[0]).toMatchObject({
      cpuPercent: 8.38, connections: 7, replicaLagSeconds: null,
    });
  });

  it('takes the newest datapoint whatever order CloudWatch returns them in', async () => {
    const { api, port } = setUp();
    api.cloudwatchMock.on(GetMetricDataCommand).resolves({
      MetricDataResults: [{
        Id: 'm0_cpuPercent', StatusCode: 'Complete',
        Timestamps: [new Date('2025-06-02T17:50:00Z'), new Date('2025-06-02T17:55:00Z')],
        Values: [40, 91.234],
      }],
    });

    const [metrics] = await port.getMetrics([{ id: 'flotas-develop', role: 'primary' }]);

    expect(metrics).toEqual({
      id: 'flotas-develop', cpuPercent: 91.23, freeStorageBytes: null, connections: null,
      replicaLagSeconds: null,
    });
  });

  it('reads a series of CPU datapoints, oldest first, through the same CloudWatch client',
    async () => {
      const { api, port } = setUp();

      const [cpu] = await port.getMetricHistory([{
        id: 'flotas-develop', metric: 'cpuPercent', periodSeconds: 60,
        since: new Date('2025-06-02T17:45:00Z'),
      }]);

      expect(api.cloudwatchMock.commandCalls(GetMetricDataCommand)).toHaveLength(1);
      expect(cpu?.map((point) => point.at.toISOString())).toEqual([
        '2025-06-02T17:50:00.000Z', '2025-06-02T17:55:00.000Z',
      ]);
    });

  it('sends ModifyDBInstance with the new storage, applied immediately, and no IOPS on small gp3',
    async () => {
      const { port, modifyInputs } = setUp();
      const [primary] = await port.listDatabases();
      if (!primary) throw new Error('no primary');

      await port.modifyStorage(planStorageChange(primary, 110));

      expect(modifyInputs()).toEqual([
        { DBInstanceIdentifier: 'flotas-develop', AllocatedStorage: 110, ApplyImmediately: true },
      ]);
    });

  it.each([
    ['io1 always, at its current rate', { storageType: 'io1', iops: 3000 }, 110, 3000],
    ['io2 raised to 0.5 per GiB', { storageType: 'io2', iops: 1000 }, 2200, 1100],
    ['gp3 from 400 GiB at the 12,000 baseline', { allocatedStorageGiB: 380 }, 418, 12_000],
    ['gp3 above 400 GiB at its provisioned rate', { allocatedStorageGiB: 500, iops: 15_000 },
      550, 15_000],
  ] as const)('sends Iops for %s', async (_name, primary, target, iops) => {
    const { port, modifyInputs } = setUp(primary);
    const [db] = await port.listDatabases();
    if (!db) throw new Error('no primary');

    await port.modifyStorage(planStorageChange(db, target));

    expect(modifyInputs()).toEqual([{
      DBInstanceIdentifier: 'flotas-develop', AllocatedStorage: target, Iops: iops,
      ApplyImmediately: true,
    }]);
  });

  it('raises MaxAllocatedStorage in the same call when it would fall below the target',
    async () => {
      const { port, modifyInputs } = setUp({ maxAllocatedStorageGiB: 105 });
      const [db] = await port.listDatabases();
      if (!db) throw new Error('no primary');

      await port.modifyStorage(planStorageChange(db, 110));

      expect(modifyInputs()).toEqual([{
        DBInstanceIdentifier: 'flotas-develop', AllocatedStorage: 110, MaxAllocatedStorage: 121,
        ApplyImmediately: true,
      }]);
      expect((await port.listDatabases())[0]?.status).toBe('modifying');
    });

  it('raises MaxAllocatedStorage when it equals the target, which RDS would refuse', async () => {
    const { port, modifyInputs } = setUp({ maxAllocatedStorageGiB: 110 });
    const [db] = await port.listDatabases();
    if (!db) throw new Error('no primary');

    await port.modifyStorage(planStorageChange(db, 110));

    expect(modifyInputs()[0]).toMatchObject({ AllocatedStorage: 110, MaxAllocatedStorage: 121 });
    expect((await port.listDatabases())[0]?.status).toBe('modifying');
  });

  it('leaves MaxAllocatedStorage out when autoscaling has room', async () => {
    const { port, modifyInputs } = setUp({ maxAllocatedStorageGiB: 1000 });
    const [db] = await port.listDatabases();
    if (!db) throw new Error('no primary');

    await port.modifyStorage(planStorageChange(db, 110));

    expect(modifyInputs()[0]).not.toHaveProperty('MaxAllocatedStorage');
  });
});
