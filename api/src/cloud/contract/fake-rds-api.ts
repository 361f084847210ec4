import {
  CloudWatchClient, GetMetricDataCommand, type GetMetricDataCommandInput, type MetricDataResult,
} from '@aws-sdk/client-cloudwatch';
import {
  DBInstanceNotFoundFault, DescribeDBInstancesCommand, DescribeEventsCommand,
  ModifyDBInstanceCommand, RDSClient, type DBInstance,
  type DescribeEventsCommandInput as DescribeEventsInput,
  type DescribeDBInstancesCommandInput as DescribeDBInstancesInput,
  type ModifyDBInstanceCommandInput as ModifyDBInstanceInput,
} from '@aws-sdk/client-rds';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import type { SandboxDatabaseSeed } from '../sandbox-rds-inventory.ts';
import { answerDescribeEvents, seedEvents, storageChangeEvent } from './fake-rds-events.ts';
import {
  invalidDBInstanceState, rejectStorageChange, storageChangedRecently,
} from './fake-rds-rules.ts';

export interface FakeRdsApiOptions {
  databases: SandboxDatabaseSeed[];
  now: () => Date;
  /** DBInstances per page, below AWS's 100 so tests see Marker. */
  pageSize?: number;
}

export interface FakeRdsApi {
  rds: RDSClient;
  cloudwatch: CloudWatchClient;
  rdsMock: AwsClientStub<RDSClient>;
  cloudwatchMock: AwsClientStub<CloudWatchClient>;
}

const fault = (message: string) => ({ message, $metadata: { httpStatusCode: 404 } });

/**
 * An RDSClient and a CloudWatchClient answering from memory in the documented shapes:
 * DescribeDBInstances with Filters and Marker, ModifyDBInstance putting the instance in
 * `modifying` with PendingModifiedValues (and an event saying so), DescribeEvents, GetMetricData
 * with one result per query.
 * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DBInstance.html
 */
export function createFakeRdsApi(options: FakeRdsApiOptions): FakeRdsApi {
  const pageSize = options.pageSize ?? 1;
  const store = new Map<string, { db: DBInstance; seed: SandboxDatabaseSeed }>();
  for (const seed of options.databases) {
    store.set(seed.instance.id, { db: toAws(seed), seed: structuredClone(seed) });
  }
  const events = seedEvents(options.databases, options.now());
  const rds = new RDSClient({ region: 'us-east-1' });
  const cloudwatch = new CloudWatchClient({ region: 'us-east-1' });
  const rdsMock = mockClient(rds);
  const cloudwatchMock = mockClient(cloudwatch);

  const notFound = (id: string | undefined) =>
    new DBInstanceNotFoundFault(fault(`DBInstance ${id} not found.`));

  rdsMock.on(DescribeDBInstancesCommand).callsFake(async (input: DescribeDBInstancesInput) => {
    const wanted = input.Filters?.find((f) => f.Name === 'db-instance-id')?.Values;
    let found = [...store.values()].map((entry) => entry.db)
      .filter((db) => !wanted || wanted.includes(db.DBInstanceIdentifier ?? ''));
    if (input.DBInstanceIdentifier) {
      found = found.filter((db) => db.DBInstanceIdentifier === input.DBInstanceIdentifier);
      if (found.length === 0) {
        throw notFound(input.DBInstanceIdentifier);
      }
    }
    const start = input.Marker ? Number(input.Marker) : 0;
    const end = start + pageSize;
    return {
      DBInstances: structuredClone(found.slice(start, end)),
      ...(end < found.length ? { Marker: String(end) } : {}),
    };
  });

  rdsMock.on(ModifyDBInstanceCommand).callsFake(async (input: ModifyDBInstanceInput) => {
    const entry = store.get(input.DBInstanceIdentifier ?? '');
    if (!entry) throw notFound(input.DBInstanceIdentifier);
    const { db } = entry;
    if (db.DBInstanceStatus !== 'available' && db.DBInstanceStatus !== 'storage-full') {
      throw invalidDBInstanceState();
    }
    const rejection = rejectStorageChange(db, input)
      ?? storageChangedRecently(events, db, options.now());
    if (rejection) throw rejection;
    events.push(storageChangeEvent(db, options.now()));
    db.PendingModifiedValues = {
      ...db.PendingModifiedValues,
      ...(input.AllocatedStorage === undefined
        ? {} : { AllocatedStorage: input.AllocatedStorage }),
      ...(input.Iops === undefined ? {} : { Iops: input.Iops }),
    };
    if (input.MaxAllocatedStorage !== undefined) {
      db.MaxAllocatedStorage = input.MaxAllocatedStorage;
    }
    if (input.ApplyImmediately) db.DBInstanceStatus = 'modifying';
    return { DBInstance: structuredClone(db) };
  });

  rdsMock.on(DescribeEventsCommand).callsFake(async (input: DescribeEventsInput) =>
    answerDescribeEvents(events, input, options.now()));

  cloudwatchMock.on(GetMetricDataCommand).callsFake(async (input: GetMetricDataCommandInput) => {
    const end = input.EndTime ?? options.now();
    const results = (input.MetricDataQueries ?? []).map((query): MetricDataResult => {
      const metric = query.MetricStat?.Metric;
      const id = metric?.Dimensions?.find((d) => d.Name === 'DBInstanceIdentifier')?.Value;
      const seed = store.get(id ?? '')?.seed;
      const value = seed && metric?.MetricName ? seedValue(seed, metric.MetricName) : null;
      if (value === null) {
        return {
          Id: query.Id, Label: metric?.MetricName, StatusCode: 'Complete',
          Timestamps: [], Values: [],
        };
      }
      // Two periods, newest first (ScanBy TimestampDescending), the older one a little off.
      const newest = new Date(end.getTime() - 300_000);
      const older = new Date(end.getTime() - 600_000);
      return {
        Id: query.Id, Label: metric?.MetricName, StatusCode: 'Complete',
        Timestamps: [newest, older], Values: [value, value * 0.9],
      };
    });
    return { MetricDataResults: results, Messages: [] };
  });

  return { rds, cloudwatch, rdsMock, cloudwatchMock };
}

function seedValue(seed: SandboxDatabaseSeed, metricName: string): number | null {
  switch (metricName) {
    case 'CPUUtilization': return seed.cpuPercent;
    case 'FreeStorageSpace': return seed.freeStorageBytes;
    case 'DatabaseConnections': return seed.connections;
    case 'ReplicaLag': return seed.replicaLagSeconds;
    default: return null;
  }
}

/** A seed in DescribeDBInstances' shape. */
function toAws(seed: SandboxDatabaseSeed): DBInstance {
  const { instance } = seed;
  return {
    DBInstanceIdentifier: instance.id,
    DBInstanceClass: instance.instanceClass,
    Engine: instance.engine,
    DBInstanceStatus: instance.status,
    AvailabilityZone: instance.zone ?? undefined,
    AllocatedStorage: instance.allocatedStorageGiB,
    ...(instance.maxAllocatedStorageGiB === null
      ? {} : { MaxAllocatedStorage: instance.maxAllocatedStorageGiB }),
    StorageType: instance.storageType,
    ...(instance.iops === null ? {} : { Iops: instance.iops }),
    ...(instance.storageType === 'gp3' ? { StorageThroughput: 125 } : {}),
    PendingModifiedValues: {},
    ...(instance.replicaOf ? { ReadReplicaSourceDBInstanceIdentifier: instance.replicaOf } : {}),
    DBInstanceArn: `arn:aws:rds:us-east-1:111122223333:db:${instance.id}`,
    MultiAZ: false,
  };
}
