import {
  DescribeInstancesCommand, DescribeInstanceStatusCommand, EC2Client,
  type Instance, type InstanceStateName, type InstanceStatus, type _InstanceType,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { createAwsEc2, statusChecks } from './ec2.ts';

const app = 'i-0a1b2c3d4e5f60001';
const cron = 'i-0a1b2c3d4e5f60002';

function instance(
  id: string, name: string, type: _InstanceType, zone: string, state: InstanceStateName,
): Instance {
  return {
    InstanceId: id, InstanceType: type, Placement: { AvailabilityZone: zone },
    State: { Name: state }, Tags: [{ Key: 'env', Value: 'develop' }, { Key: 'Name', Value: name }],
  };
}

function checks(id: string, system: string, own: string, ebs?: string): InstanceStatus {
  return {
    InstanceId: id,
    SystemStatus: { Status: system } as InstanceStatus['SystemStatus'],
    InstanceStatus: { Status: own } as InstanceStatus['InstanceStatus'],
    ...(ebs ? { AttachedEbsStatus: { Status: ebs } as InstanceStatus['AttachedEbsStatus'] } : {}),
  };
}

function setUp() {
  const client = new EC2Client({ region: 'us-east-1' });
  const mock = mockClient(client);
  // DescribeInstances groups instances by reservation; the cron is listed first on purpose.
  mock.on(DescribeInstancesCommand).resolves({
    Reservations: [
      { Instances: [instance(cron, 'flotas-cron-arc', 't3a.small', 'us-east-1b', 'stopped')] },
      {
        Instances: [
          instance(app, 'flotas-application-develop', 'c5.xlarge', 'us-east-1a', 'running'),
        ],
      },
    ],
  });
  mock.on(DescribeInstanceStatusCommand).resolves({
    InstanceStatuses: [
      checks(app, 'ok', 'ok', 'ok'),
      checks(cron, 'not-applicable', 'not-applicable', 'not-applicable'),
    ],
  });
  return { mock, ec2: createAwsEc2({ ec2: client, instanceIds: [app, cron] }) };
}

describe('createAwsEc2', () => {
  it('lists the configured instances in order with state, type, zone and checks', async () => {
    const { ec2 } = setUp();

    expect(await ec2.listInstances()).toEqual([
      {
        id: app, name: 'flotas-application-develop', type: 'c5.xlarge', zone: 'us-east-1a',
        state: 'running', statusChecks: '3/3',
      },
      {
        id: cron, name: 'flotas-cron-arc', type: 't3a.small', zone: 'us-east-1b',
        state: 'stopped', statusChecks: '—',
      },
    ]);
  });

  it('asks for the configured ids, and for stopped instances too', async () => {
    const { mock, ec2 } = setUp();

    await ec2.listInstances();

    expect(mock.commandCalls(DescribeInstancesCommand)[0]?.args[0].input)
      .toEqual({ InstanceIds: [app, cron] });
    expect(mock.commandCalls(DescribeInstanceStatusCommand)[0]?.args[0].input)
      .toEqual({ InstanceIds: [app, cron], IncludeAllInstances: true });
  });

  it.each([
    ['ok', 'ok', '2/2'],
    ['ok', 'impaired', '1/2'],
    ['impaired', 'impaired', '0/2'],
    ['ok', 'initializing', 'initializing'],
    ['ok', 'insufficient-data', 'insufficient-data'],
  ])('counts system %s and instance %s as %s', (system, own, shown) => {
    expect(statusChecks(checks(app, system, own))).toBe(shown);
  });

  it.each([
    ['ok', 'ok', 'ok', '3/3'],
    ['ok', 'ok', 'impaired', '2/3'],
    ['ok', 'ok', 'not-applicable', '2/2'],
    ['ok', 'ok', 'insufficient-data', 'insufficient-data'],
    ['initializing', 'insufficient-data', 'initializing', 'initializing'],
    ['impaired', 'ok', 'insufficient-data', '1/2'],
  ])('counts system %s, instance %s and attached EBS %s as %s', (system, own, ebs, shown) => {
    expect(statusChecks(checks(app, system, own, ebs))).toBe(shown);
  });
});
