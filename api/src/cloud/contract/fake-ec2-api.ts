import {
  DescribeInstancesCommand, DescribeInstanceStatusCommand, EC2Client,
  type DescribeInstancesCommandInput, type DescribeInstanceStatusCommandInput,
  type Instance, type InstanceStateName, type InstanceStatus, type SummaryStatus,
  type _InstanceType,
} from '@aws-sdk/client-ec2';
import { mockClient, type AwsClientStub } from 'aws-sdk-client-mock';
import type { Ec2Instance } from '../ec2.ts';

export interface FakeEc2Api {
  ec2: EC2Client;
  mock: AwsClientStub<EC2Client>;
}

/** The two checks behind the console's "2/2", "1/2" … as DescribeInstanceStatus reports them. */
const checks: Record<string, [SummaryStatus, SummaryStatus]> = {
  '2/2': ['ok', 'ok'],
  '1/2': ['ok', 'impaired'],
  '0/2': ['impaired', 'impaired'],
  'initializing': ['initializing', 'initializing'],
  '—': ['not-applicable', 'not-applicable'],
};

function toInstance(seed: Ec2Instance): Instance {
  return {
    InstanceId: seed.id,
    InstanceType: seed.type as _InstanceType,
    Placement: { AvailabilityZone: seed.zone },
    State: { Name: seed.state as InstanceStateName },
    // An instance named by its id has no Name tag at all.
    Tags: [
      { Key: 'env', Value: 'develop' },
      ...(seed.name === seed.id ? [] : [{ Key: 'Name', Value: seed.name }]),
    ],
  };
}

function toStatus(seed: Ec2Instance): InstanceStatus {
  const [system, own] = checks[seed.statusChecks] ?? ['not-applicable', 'not-applicable'];
  return {
    InstanceId: seed.id,
    AvailabilityZone: seed.zone,
    InstanceState: { Name: seed.state as InstanceStateName },
    SystemStatus: { Status: system },
    InstanceStatus: { Status: own },
  };
}

/**
 * EC2 at the SDK boundary in its documented shapes: DescribeInstances groups instances by
 * reservation in no promised order, DescribeInstanceStatus leaves out instances that are not
 * running unless IncludeAllInstances is set.
 * https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_DescribeInstanceStatus.html
 */
export function createFakeEc2Api(instances: readonly Ec2Instance[]): FakeEc2Api {
  const ec2 = new EC2Client({ region: 'us-east-1' });
  const mock = mockClient(ec2);
  const wanted = (ids: string[] | undefined) =>
    instances.filter((seed) => !ids || ids.includes(seed.id));

  mock.on(DescribeInstancesCommand).callsFake(async (input: DescribeInstancesCommandInput) => ({
    Reservations: wanted(input.InstanceIds).reverse()
      .map((seed) => ({ ReservationId: `r-${seed.id.slice(2)}`, Instances: [toInstance(seed)] })),
  }));
  mock.on(DescribeInstanceStatusCommand)
    .callsFake(async (input: DescribeInstanceStatusCommandInput) => ({
      InstanceStatuses: wanted(input.InstanceIds)
        .filter((seed) => input.IncludeAllInstances || seed.state === 'running')
        .map(toStatus),
    }));
  return { ec2, mock };
}
