import { defaultSandboxSchedules } from '../api/src/cloud/sandbox-schedules.ts';
import { sandboxDatabaseSeeds } from '../api/src/cloud/sandbox-rds-inventory.ts';

/** What one fake AWS operation answers: an HTTP status, a content type and a body. */
export interface FakeAnswer {
  status: number;
  type: string;
  body: string;
  /** REST JSON names its errors in a header. */
  errorType?: string;
}

const json = (type: string, value: unknown, status = 200): FakeAnswer =>
  ({ status, type, body: JSON.stringify(value) });
const epoch = (date: Date | string) => new Date(date).getTime() / 1000;

/** GetSecretValue over JSON 1.1. */
export function secretValue(secrets: Record<string, string>, id: string | undefined): FakeAnswer {
  const type = 'application/x-amz-json-1.1';
  const secret = id === undefined ? undefined : secrets[id];
  if (secret === undefined) {
    return json(type, { __type: 'ResourceNotFoundException', message: 'No such secret.' }, 400);
  }
  return json(type, { ARN: id, Name: id?.split(':secret:')[1], SecretString: secret });
}

/** DescribeDBInstances over the Query protocol: the runbook's primary and replica. */
export function describeDbInstances(id: string | null): FakeAnswer {
  const seeds = sandboxDatabaseSeeds().filter((seed) => id === null || seed.instance.id === id);
  const members = seeds.map(({ instance: db }) => `<DBInstance>
    <DBInstanceIdentifier>${db.id}</DBInstanceIdentifier>
    <DBInstanceClass>${db.instanceClass}</DBInstanceClass><Engine>${db.engine}</Engine>
    <DBInstanceStatus>${db.status}</DBInstanceStatus>
    <AvailabilityZone>${db.zone}</AvailabilityZone>
    <AllocatedStorage>${db.allocatedStorageGiB}</AllocatedStorage>
    <StorageType>${db.storageType}</StorageType><Iops>${db.iops}</Iops>
    ${db.replicaOf ? `<ReadReplicaSourceDBInstanceIdentifier>${db.replicaOf}`
      + '</ReadReplicaSourceDBInstanceIdentifier>' : ''}
    <PendingModifiedValues/></DBInstance>`);
  return {
    status: 200,
    type: 'text/xml',
    body: `<DescribeDBInstancesResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/">
      <DescribeDBInstancesResult><DBInstances>${members.join('')}</DBInstances>
      </DescribeDBInstancesResult>
      <ResponseMetadata><RequestId>bench</RequestId></ResponseMetadata>
    </DescribeDBInstancesResponse>`,
  };
}

interface MetricQuery {
  Id: string;
  MetricStat?: { Metric?: { MetricName?: string } };
}

/** GetMetricData over JSON 1.0: one datapoint per query, a value the sandbox reports. */
export function metricData(queries: MetricQuery[]): FakeAnswer {
  const seed = sandboxDatabaseSeeds()[0];
  const values: Record<string, number> = {
    CPUUtilization: seed?.cpuPercent ?? 0, FreeStorageSpace: seed?.freeStorageBytes ?? 0,
    DatabaseConnections: seed?.connections ?? 0, ReplicaLag: 0.4,
  };
  const at = Math.floor(Date.now() / 300_000) * 300;
  return json('application/x-amz-json-1.0', {
    MetricDataResults: queries.map((query) => ({
      Id: query.Id, StatusCode: 'Complete', Timestamps: [at],
      Values: [values[query.MetricStat?.Metric?.MetricName ?? ''] ?? 0],
    })),
    Messages: [],
  });
}

const schedulerType = 'application/json';

/** Scheduler's REST JSON reads: groups, schedules of group `default`, one schedule. */
export function scheduler(path: string, query: URLSearchParams): FakeAnswer | undefined {
  const schedules = defaultSandboxSchedules();
  if (path === '/schedule-groups') {
    return json(schedulerType, { ScheduleGroups: [{ Name: 'default', State: 'ACTIVE' }] });
  }
  if (path === '/schedules') {
    const group = query.get('ScheduleGroup');
    return json(schedulerType, {
      Schedules: schedules.filter((s) => group === null || s.GroupName === group).map((s) => ({
        Arn: s.Arn, GroupName: s.GroupName, Name: s.Name, State: s.State,
        Target: { Arn: s.Target.Arn },
        ...s.LastModificationDate ? { LastModificationDate: epoch(s.LastModificationDate) } : {},
      })),
    });
  }
  const name = /^\/schedules\/([^/]+)$/.exec(path)?.[1];
  if (name === undefined) return undefined;
  const found = schedules.find((s) => s.Name === decodeURIComponent(name)
    && s.GroupName === (query.get('groupName') ?? 'default'));
  if (!found) {
    const answer = json(schedulerType, { Message: 'Schedule not found.' }, 404);
    return { ...answer, errorType: 'ResourceNotFoundException' };
  }
  const { CreationDate: created, LastModificationDate: modified, ...rest } = found;
  return json(schedulerType, {
    ...rest,
    ...created ? { CreationDate: epoch(created) } : {},
    ...modified ? { LastModificationDate: epoch(modified) } : {},
  });
}
