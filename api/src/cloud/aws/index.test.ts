import {
  CloudWatchLogsClient, DescribeLogGroupsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  DescribeInstancesCommand, DescribeInstanceStatusCommand, EC2Client,
} from '@aws-sdk/client-ec2';
import { DescribeDBInstancesCommand, RDSClient } from '@aws-sdk/client-rds';
import { ListScheduleGroupsCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import type { AwsConfig } from '../../config-aws.ts';
import { createAwsCloud, once } from './index.ts';

const config: AwsConfig = {
  region: 'us-east-1',
  rdsInstanceIds: ['flotas-develop', 'flotas-develop-replica'],
  ec2InstanceIds: ['i-0a1b2c3d4e5f60001', 'i-0a1b2c3d4e5f60002'],
  cronInstanceId: 'i-0a1b2c3d4e5f60002',
  logGroupName: 'aws/ec2/flotas-develop-cluster/task-definition/backend-task',
};

const mocks = {
  ec2: mockClient(EC2Client),
  rds: mockClient(RDSClient),
  logs: mockClient(CloudWatchLogsClient),
  scheduler: mockClient(SchedulerClient),
};
afterEach(() => {
  for (const mock of Object.values(mocks)) mock.reset();
});

describe('createAwsCloud', () => {
  it('says it is AWS and names the cron host and log group without calling AWS', () => {
    const cloud = createAwsCloud(config);

    expect(cloud.kind).toBe('aws');
    expect(cloud.cronHost.instanceId).toBe('i-0a1b2c3d4e5f60002');
    expect(cloud.logs.groupName).toBe(config.logGroupName);
    for (const mock of Object.values(mocks)) expect(mock.calls()).toHaveLength(0);
  });

  it('asks EC2 about the configured instances, in the configured region', async () => {
    mocks.ec2.on(DescribeInstancesCommand).resolves({ Reservations: [] });
    mocks.ec2.on(DescribeInstanceStatusCommand).resolves({ InstanceStatuses: [] });

    await createAwsCloud(config).ec2.listInstances();

    const call = mocks.ec2.commandCalls(DescribeInstancesCommand)[0];
    expect(call?.args[0].input).toEqual({ InstanceIds: config.ec2InstanceIds });
    expect(await (call?.thisValue as EC2Client).config.region()).toBe('us-east-1');
  });

  it('asks RDS about the primary and the replica only', async () => {
    mocks.rds.on(DescribeDBInstancesCommand).resolves({ DBInstances: [] });

    await createAwsCloud(config).rds.listDatabases();

    const asked = mocks.rds.commandCalls(DescribeDBInstancesCommand).flatMap(({ args }) => {
      const { DBInstanceIdentifier: id, Filters: filters } = args[0].input;
      return id ? [id] : (filters ?? []).flatMap((filter) => filter.Values ?? []);
    });
    expect(asked.sort()).toEqual([...config.rdsInstanceIds].sort());
  });

  it('reads the retention of the configured log group', async () => {
    mocks.logs.on(DescribeLogGroupsCommand).resolves({
      logGroups: [{ logGroupName: config.logGroupName, retentionInDays: 30 }],
    });

    expect(await createAwsCloud(config).logs.getRetention()).toBe(30);
    expect(mocks.logs.commandCalls(DescribeLogGroupsCommand)[0]?.args[0].input)
      .toMatchObject({ logGroupNamePrefix: config.logGroupName });
  });

  it('lists schedules through EventBridge Scheduler', async () => {
    mocks.scheduler.on(ListScheduleGroupsCommand).resolves({ ScheduleGroups: [] });

    expect(await createAwsCloud(config).scheduler.listSchedules()).toEqual([]);
    expect(mocks.scheduler.commandCalls(ListScheduleGroupsCommand)).toHaveLength(1);
  });
});

describe('once', () => {
  it('loads once for every caller, and again after a failed load', async () => {
    let loads = 0;
    const load = once(async () => {
      loads += 1;
      if (loads === 1) throw new Error('cold network');
      return loads;
    });

    await expect(load()).rejects.toThrow('cold network');
    const [first, second] = await Promise.all([load(), load()]);

    expect([first, second, await load()]).toEqual([2, 2, 2]);
    expect(loads).toBe(2);
  });
});
