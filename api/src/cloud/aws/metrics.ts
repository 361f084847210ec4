import {
  GetMetricDataCommand, type CloudWatchClient, type MetricDataQuery, type MetricDataResult,
} from '@aws-sdk/client-cloudwatch';
import type { DatabaseInstance, DatabaseMetrics } from '../rds.ts';

type MetricField = Exclude<keyof DatabaseMetrics, 'id'>;

const metrics: ReadonlyArray<{ field: MetricField; name: string; replicaOnly?: true }> = [
  { field: 'cpuPercent', name: 'CPUUtilization' },
  { field: 'freeStorageBytes', name: 'FreeStorageSpace' },
  { field: 'connections', name: 'DatabaseConnections' },
  { field: 'replicaLagSeconds', name: 'ReplicaLag', replicaOnly: true },
];

const periodSeconds = 300;
/** Three periods back: RDS publishes a minute or two late, so the newest one may be empty. */
const lookbackMs = 3 * periodSeconds * 1000;

/**
 * The latest 5-minute average of each metric of each instance, in ONE GetMetricData call
 * (up to 500 queries a call; two instances need seven).
 */
export async function readDatabaseMetrics(
  cloudwatch: CloudWatchClient,
  databases: ReadonlyArray<Pick<DatabaseInstance, 'id' | 'role'>>,
  now: Date,
): Promise<DatabaseMetrics[]> {
  if (databases.length === 0) return [];
  const queries: MetricDataQuery[] = [];
  const wanted = new Map<string, { index: number; field: MetricField }>();
  databases.forEach((database, index) => {
    for (const metric of metrics) {
      if (metric.replicaOnly && database.role !== 'replica') continue;
      // Query ids must start with a lower-case letter and hold only letters, digits and _.
      const id = `m${index}_${metric.field}`;
      wanted.set(id, { index, field: metric.field });
      queries.push({
        Id: id,
        MetricStat: {
          Metric: {
            Namespace: 'AWS/RDS',
            MetricName: metric.name,
            Dimensions: [{ Name: 'DBInstanceIdentifier', Value: database.id }],
          },
          Period: periodSeconds,
          Stat: 'Average',
        },
        ReturnData: true,
      });
    }
  });

  // One request: NextToken only appears past 100,800 datapoints, and these are a dozen.
  const answer = await cloudwatch.send(new GetMetricDataCommand({
    MetricDataQueries: queries,
    StartTime: new Date(now.getTime() - lookbackMs),
    EndTime: now,
    ScanBy: 'TimestampDescending',
  }));
  const out: DatabaseMetrics[] = databases.map(({ id }) => ({
    id, cpuPercent: null, freeStorageBytes: null, connections: null, replicaLagSeconds: null,
  }));
  for (const result of answer.MetricDataResults ?? []) {
    const target = result.Id ? wanted.get(result.Id) : undefined;
    const row = target ? out[target.index] : undefined;
    if (!target || !row) continue;
    row[target.field] = latest(result);
  }
  return out;
}

/** The newest datapoint by timestamp (TimestampDescending puts it first; do not rely on it). */
function latest(result: MetricDataResult): number | null {
  const values = result.Values ?? [];
  const times = result.Timestamps ?? [];
  let newest: number | null = null;
  let newestAt = -Infinity;
  for (const [i, value] of values.entries()) {
    const at = times[i]?.getTime() ?? -Infinity;
    if (newest === null || at > newestAt) {
      newest = value;
      newestAt = at;
    }
  }
  return newest === null ? null : Math.round(newest * 100) / 100;
}
