import { CloudWatchClient, GetMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { readMetricHistory } from './metric-history.ts';

const now = new Date('2025-06-02T18:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

function setUp() {
  const client = new CloudWatchClient({ region: 'us-east-1' });
  return { client, mock: mockClient(client) };
}

const queries = [
  { id: 'flotas-develop', metric: 'cpuPercent', periodSeconds: 60, since: minutesAgo(15) },
  {
    id: 'flotas-develop', metric: 'freeStorageBytes', periodSeconds: 300, since: minutesAgo(180),
  },
] as const;

describe('readMetricHistory', () => {
  it('asks for every series in one GetMetricData call from the earliest start', async () => {
    const { client, mock } = setUp();
    mock.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });

    await readMetricHistory(client, queries, now);

    const calls = mock.commandCalls(GetMetricDataCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toEqual({
      StartTime: minutesAgo(180), EndTime: now, ScanBy: 'TimestampAscending',
      MetricDataQueries: [
        {
          Id: 'h0',
          MetricStat: {
            Metric: {
              Namespace: 'AWS/RDS', MetricName: 'CPUUtilization',
              Dimensions: [{ Name: 'DBInstanceIdentifier', Value: 'flotas-develop' }],
            },
            Period: 60, Stat: 'Average',
          },
          ReturnData: true,
        },
        {
          Id: 'h1',
          MetricStat: {
            Metric: {
              Namespace: 'AWS/RDS', MetricName: 'FreeStorageSpace',
              Dimensions: [{ Name: 'DBInstanceIdentifier', Value: 'flotas-develop' }],
            },
            Period: 300, Stat: 'Average',
          },
          ReturnData: true,
        },
      ],
    });
  });

  it('gives each series oldest first, without points before its own start', async () => {
    const { client, mock } = setUp();
    mock.on(GetMetricDataCommand).resolves({
      MetricDataResults: [
        {
          Id: 'h0', StatusCode: 'Complete',
          Timestamps: [minutesAgo(2), minutesAgo(30), minutesAgo(3)], Values: [91, 10, 88],
        },
        { Id: 'h1', StatusCode: 'Complete', Timestamps: [minutesAgo(60)], Values: [5e9] },
      ],
    });

    const [cpu, storage] = await readMetricHistory(client, queries, now);

    expect(cpu).toEqual([{ at: minutesAgo(3), value: 88 }, { at: minutesAgo(2), value: 91 }]);
    expect(storage).toEqual([{ at: minutesAgo(60), value: 5e9 }]);
  });

  it('follows NextToken and joins the pages of each series', async () => {
    const { client, mock } = setUp();
    mock.on(GetMetricDataCommand)
      .resolvesOnce({
        MetricDataResults: [{ Id: 'h0', Timestamps: [minutesAgo(5)], Values: [70] }],
        NextToken: 'next',
      })
      .resolvesOnce({
        MetricDataResults: [{ Id: 'h0', Timestamps: [minutesAgo(4)], Values: [75] }],
      });

    const [cpu] = await readMetricHistory(client, [queries[0]], now);

    expect(cpu?.map((point) => point.value)).toEqual([70, 75]);
    const tokens = mock.commandCalls(GetMetricDataCommand)
      .map((call) => call.args[0].input.NextToken);
    expect(tokens).toEqual([undefined, 'next']);
  });

  it('calls nothing when nothing is asked', async () => {
    const { client, mock } = setUp();

    expect(await readMetricHistory(client, [], now)).toEqual([]);
    expect(mock.commandCalls(GetMetricDataCommand)).toHaveLength(0);
  });
});
