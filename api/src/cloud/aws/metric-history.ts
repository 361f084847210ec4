import {
  GetMetricDataCommand, type CloudWatchClient, type MetricDataQuery, type MetricDataResult,
} from '@aws-sdk/client-cloudwatch';
import type { HistoryMetric, MetricHistoryQuery, MetricPoint } from '../rds.ts';

const metricNames: Record<HistoryMetric, string> = {
  cpuPercent: 'CPUUtilization',
  freeStorageBytes: 'FreeStorageSpace',
};

/** A few hours of one-minute points are a few hundred: more pages would mean a wrong query. */
const maxPages = 5;

/**
 * Datapoints of each query in ONE GetMetricData request (pages followed), oldest first and
 * none before the query's own `since`: the request's start is the earliest of them.
 */
export async function readMetricHistory(
  cloudwatch: CloudWatchClient, queries: readonly MetricHistoryQuery[], now: Date,
): Promise<MetricPoint[][]> {
  if (queries.length === 0) return [];
  const dataQueries: MetricDataQuery[] = queries.map((query, index) => ({
    // Query ids must start with a lower-case letter and hold only letters, digits and _.
    Id: `h${index}`,
    MetricStat: {
      Metric: {
        Namespace: 'AWS/RDS',
        MetricName: metricNames[query.metric],
        Dimensions: [{ Name: 'DBInstanceIdentifier', Value: query.id }],
      },
      Period: query.periodSeconds,
      Stat: 'Average',
    },
    ReturnData: true,
  }));
  const start = Math.min(...queries.map((query) => query.since.getTime()));
  const points: MetricPoint[][] = queries.map(() => []);
  let token: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const answer = await cloudwatch.send(new GetMetricDataCommand({
      MetricDataQueries: dataQueries,
      StartTime: new Date(start),
      EndTime: now,
      ScanBy: 'TimestampAscending',
      ...(token ? { NextToken: token } : {}),
    }));
    for (const result of answer.MetricDataResults ?? []) {
      const index = Number(result.Id?.slice(1));
      const list = points[index];
      if (result.Id?.startsWith('h') && list) list.push(...pointsOf(result));
    }
    token = answer.NextToken;
    if (!token) break;
  }
  return points.map((list, index) => {
    const since = queries[index]?.since.getTime() ?? start;
    return list.filter((point) => point.at.getTime() >= since)
      .sort((a, b) => a.at.getTime() - b.at.getTime());
  });
}

function pointsOf(result: MetricDataResult): MetricPoint[] {
  const times = result.Timestamps ?? [];
  return (result.Values ?? []).flatMap((value, i) => {
    const at = times[i];
    return at ? [{ at, value }] : [];
  });
}
