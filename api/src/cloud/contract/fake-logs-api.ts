import {
  CloudWatchLogsClient, DeleteRetentionPolicyCommand, DescribeLogGroupsCommand,
  FilterLogEventsCommand, InvalidParameterException, PutRetentionPolicyCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { isLogRetentionDays } from '@turno/shared';

export interface FakeLogEvent {
  minutesAgo: number;
  message: string;
}

/**
 * CloudWatch Logs at the SDK boundary: one group (and a longer-named neighbour), events
 * answered oldest first two to a page, the error filter applied as `?ERROR ?Error ?error`.
 */
export function createFakeLogsApi(options: {
  now: () => Date; groupName: string; events: FakeLogEvent[];
}) {
  const { groupName } = options;
  let retention: number | undefined;
  const mock = mockClient(CloudWatchLogsClient);

  mock.on(FilterLogEventsCommand).callsFake((input) => {
    const end = options.now().getTime();
    const matching = options.events
      .map((e) => ({ timestamp: end - e.minutesAgo * 60_000, message: e.message }))
      .filter((e) => /ERROR|Error|error/.test(e.message))
      .filter((e) => e.timestamp >= (input.startTime ?? 0) && e.timestamp <= (input.endTime ?? end))
      .sort((a, b) => a.timestamp - b.timestamp)
      .map((e) => ({ ...e, logStreamName: 'ecs/backend/1', eventId: String(e.timestamp) }));
    const from = Number(input.nextToken ?? 0);
    const page = matching.slice(from, from + 2);
    const more = from + 2 < matching.length;
    return { events: page, ...(more ? { nextToken: String(from + 2) } : {}) };
  });
  mock.on(DescribeLogGroupsCommand).callsFake(() => ({
    logGroups: [
      { logGroupName: `${groupName}-old`, retentionInDays: 1 },
      { logGroupName: groupName, ...(retention ? { retentionInDays: retention } : {}) },
    ],
  }));
  mock.on(PutRetentionPolicyCommand).callsFake((input) => {
    if (!isLogRetentionDays(input.retentionInDays)) {
      throw new InvalidParameterException({ $metadata: {}, message: 'retentionInDays' });
    }
    retention = input.retentionInDays;
    return {};
  });
  mock.on(DeleteRetentionPolicyCommand).callsFake(() => {
    retention = undefined;
    return {};
  });

  return {
    logs: new CloudWatchLogsClient({ region: 'us-east-1' }), restore: () => mock.restore(),
  };
}
