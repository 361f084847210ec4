import {
  CloudWatchLogsClient, DeleteRetentionPolicyCommand, DescribeLogGroupsCommand,
  FilterLogEventsCommand, PutRetentionPolicyCommand, ResourceNotFoundException,
} from '@aws-sdk/client-cloudwatch-logs';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createAwsLogs, errorFilterPattern } from './logs.ts';

const logsMock = mockClient(CloudWatchLogsClient);
const groupName = 'aws/ec2/flotas-develop-cluster/task-definition/backend-task';
const now = Date.parse('2024-03-27T15:00:00Z');
const hour = 3_600_000;
const port = () => createAwsLogs({
  logs: new CloudWatchLogsClient({ region: 'us-east-1' }), groupName, now: () => new Date(now),
});
const event = (minutesAgo: number, message: string) => ({
  timestamp: now - minutesAgo * 60_000, logStreamName: 'ecs/backend/1', message,
});

afterEach(() => logsMock.reset());

describe('createAwsLogs', () => {
  it('searches the last hour for error lines and answers newest first, redacted', async () => {
    logsMock.on(FilterLogEventsCommand).resolves({
      events: [
        event(30, 'Error: 401 GET https://api.ultramsg.com/i/messages?token=abc123'),
        event(5, 'getOccurrencesRules Error: Connection terminated unexpectedly'),
      ],
    });

    const { lines, windowHours } = await port().recentErrors(2);

    expect(logsMock.commandCalls(FilterLogEventsCommand)[0]?.args[0].input).toEqual({
      logGroupName: groupName, filterPattern: '?ERROR ?Error ?error',
      startTime: now - hour, endTime: now,
    });
    expect(windowHours).toBe(1);
    expect(lines.map((l) => l.message)).toEqual([
      'getOccurrencesRules Error: Connection terminated unexpectedly',
      'Error: 401 GET https://api.ultramsg.com/i/messages?token=[redacted]',
    ]);
    expect(lines[0]?.at).toBe('2024-03-27T14:55:00.000Z');
  });

  it('stops at its deadline with the lines found by then, marked partial', async () => {
    let clock = 0;
    logsMock.on(FilterLogEventsCommand).callsFake(() => {
      clock += 3_000;
      return { events: clock === 3_000 ? [event(10, 'ERROR first page')] : [], nextToken: 'more' };
    });
    const logs = createAwsLogs({
      logs: new CloudWatchLogsClient({ region: 'us-east-1' }), groupName,
      now: () => new Date(now), clock: () => clock, deadlineMs: 8_000,
    });

    const result = await logs.recentErrors(20);

    expect(logsMock.commandCalls(FilterLogEventsCommand)).toHaveLength(3);
    expect(result).toMatchObject({ partial: true, windowHours: 1 });
    expect(result.lines.map((l) => l.message)).toEqual(['ERROR first page']);
  });

  it('gives up on a page that does not answer before the deadline', async () => {
    logsMock.on(FilterLogEventsCommand).callsFake(() => new Promise(() => {}));
    const logs = createAwsLogs({
      logs: new CloudWatchLogsClient({ region: 'us-east-1' }), groupName,
      now: () => new Date(now), deadlineMs: 50,
    });

    expect(await logs.recentErrors(5)).toEqual({ lines: [], windowHours: 1, partial: true });
  });

  it('is not partial when it searched every window it meant to', async () => {
    logsMock.on(FilterLogEventsCommand).resolves({ events: [] });

    expect(await port().recentErrors(5)).toMatchObject({ windowHours: 72, partial: false });
  });

  it('follows nextToken through empty pages and widens the window when it is quiet', async () => {
    logsMock.on(FilterLogEventsCommand)
      .resolvesOnce({ events: [], nextToken: 't1' })
      .resolvesOnce({ events: [event(50, 'ERROR one')] })
      .resolvesOnce({ events: [event(200, 'ERROR two')] });

    const { lines, windowHours } = await port().recentErrors(2);

    const inputs = logsMock.commandCalls(FilterLogEventsCommand).map((c) => c.args[0].input);
    expect(inputs[1]).toMatchObject({ nextToken: 't1', startTime: now - hour });
    expect(inputs[2]).toMatchObject({ startTime: now - 6 * hour, endTime: now - hour });
    expect(lines.map((l) => l.message)).toEqual(['ERROR one', 'ERROR two']);
    expect(windowHours).toBe(6);
    expect(errorFilterPattern).toBe('?ERROR ?Error ?error');
  });

  it('reads the retention of the group with exactly that name, not a longer one', async () => {
    logsMock.on(DescribeLogGroupsCommand).resolves({
      logGroups: [
        { logGroupName: `${groupName}-old`, retentionInDays: 1 },
        { logGroupName: groupName, retentionInDays: 30 },
      ],
    });

    expect(await port().getRetention()).toBe(30);
    expect(logsMock.commandCalls(DescribeLogGroupsCommand)[0]?.args[0].input)
      .toEqual({ logGroupNamePrefix: groupName });
  });

  it('answers null when the group keeps its events forever', async () => {
    logsMock.on(DescribeLogGroupsCommand).resolves({ logGroups: [{ logGroupName: groupName }] });

    expect(await port().getRetention()).toBeNull();
  });

  it('says the log group does not exist when no name matches exactly', async () => {
    logsMock.on(DescribeLogGroupsCommand).resolves({
      logGroups: [{ logGroupName: `${groupName}-old` }],
    });

    await expect(port().getRetention()).rejects.toMatchObject({ code: 'log_group_not_found' });
  });

  it('sets a retention CloudWatch accepts with PutRetentionPolicy', async () => {
    logsMock.on(PutRetentionPolicyCommand).resolves({});

    await port().setRetention(30);

    expect(logsMock.commandCalls(PutRetentionPolicyCommand)[0]?.args[0].input)
      .toEqual({ logGroupName: groupName, retentionInDays: 30 });
  });

  it('removes the policy for "never expire"', async () => {
    logsMock.on(DeleteRetentionPolicyCommand).resolves({});

    await port().setRetention(null);

    expect(logsMock.commandCalls(DeleteRetentionPolicyCommand)[0]?.args[0].input)
      .toEqual({ logGroupName: groupName });
  });

  it('refuses a period CloudWatch does not accept without calling it', async () => {
    await expect(port().setRetention(31 as never)).rejects.toMatchObject({
      code: 'validation_failed',
    });
    expect(logsMock.calls()).toHaveLength(0);
  });

  it('maps a missing group on PutRetentionPolicy to log_group_not_found', async () => {
    logsMock.on(PutRetentionPolicyCommand)
      .rejects(new ResourceNotFoundException({ $metadata: {}, message: 'gone' }));

    await expect(port().setRetention(7)).rejects.toMatchObject({ code: 'log_group_not_found' });
  });
});
