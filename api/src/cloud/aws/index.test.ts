import {
  CloudWatchLogsClient, DescribeLogGroupsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import {
  DescribeInstancesCommand, DescribeInstanceStatusCommand, EC2Client,
} from '@aws-sdk/client-ec2';
import {
  DescribeDBInstancesCommand, DescribeEventsCommand, ModifyDBInstanceCommand, RDSClient,
} from '@aws-sdk/client-rds';
import { ListScheduleGroupsCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { SendCommandCommand, SSMClient } from '@aws-sdk/client-ssm';
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
  pm2: {
    user: 'flotas', home: '/home/flotas/.pm2',
    pm2Bin: '/home/flotas/.nvm/versions/node/v20.11.1/bin/pm2',
  },
};

const mocks = {
  ec2: mockClient(EC2Client),
  rds: mockClient(RDSClient),
  logs: mockClient(CloudWatchLogsClient),
  scheduler: mockClient(SchedulerClient),
  ssm: mockClient(SSMClient),
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

describe('createAwsCloud retries', () => {
  const throttled = () => Object.assign(new Error('Rate exceeded'), {
    name: 'Throttling', $metadata: { httpStatusCode: 400 },
  });

  it('leaves retries of Scheduler calls to Turno: one SDK attempt each', async () => {
    mocks.scheduler.on(ListScheduleGroupsCommand).resolves({ ScheduleGroups: [] });

    await createAwsCloud(config).scheduler.listSchedules();

    const client = mocks.scheduler.commandCalls(ListScheduleGroupsCommand)[0]?.thisValue;
    expect(await (client as SchedulerClient).config.maxAttempts()).toBe(1);
  });

  it('builds the RDS and SSM clients with one attempt too, as Turno retries their calls',
    async () => {
      mocks.rds.on(DescribeDBInstancesCommand).resolves({ DBInstances: [] });
      mocks.ssm.on(SendCommandCommand).resolves({ Command: { CommandId: 'c-1' } });
      const cloud = createAwsCloud(config);

      await cloud.rds.listDatabases();
      await cloud.cronHost.startCommand('disk');

      const rds = mocks.rds.commandCalls(DescribeDBInstancesCommand)[0]?.thisValue;
      const ssm = mocks.ssm.commandCalls(SendCommandCommand)[0]?.thisValue;
      expect(await (rds as RDSClient).config.maxAttempts()).toBe(1);
      expect(await (ssm as SSMClient).config.maxAttempts()).toBe(1);
    });

  it('sends a throttled ModifyDBInstance at most four times in all', async () => {
    mocks.rds.on(ModifyDBInstanceCommand).rejects(throttled());

    const change = createAwsCloud(config).rds.modifyStorage({
      id: 'flotas-develop', allocatedStorageGiB: 110,
    });

    await expect(change).rejects.toMatchObject({ name: 'Throttling' });
    expect(mocks.rds.commandCalls(ModifyDBInstanceCommand)).toHaveLength(4);
  });

  it('writes the configured pm2 user, home and binary into the cron scripts', async () => {
    mocks.ssm.on(SendCommandCommand).resolves({ Command: { CommandId: 'c-1' } });

    await createAwsCloud(config).cronHost.startCommand('pm2-flush');

    const commands = mocks.ssm.commandCalls(SendCommandCommand)[0]?.args[0].input
      .Parameters?.commands ?? [];
    expect(commands).toContain("app_user='flotas'");
    expect(commands).toContain("PM2_HOME='/home/flotas/.pm2'");
    expect(commands).toContain("pm2_bin='/home/flotas/.nvm/versions/node/v20.11.1/bin/pm2'");
  });

  it('asks RDS for the storage events of each instance in the last six hours', async () => {
    mocks.rds.on(DescribeEventsCommand).resolves({ Events: [] });
    const since = new Date('2025-06-02T12:00:00Z');

    await createAwsCloud(config).rds.recentStorageChanges(['flotas-develop'], since);

    expect(mocks.rds.commandCalls(DescribeEventsCommand)[0]?.args[0].input).toMatchObject({
      SourceType: 'db-instance', SourceIdentifier: 'flotas-develop', StartTime: since,
      EventCategories: ['configuration change'],
    });
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
