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

type Checks = [system: SummaryStatus, instance: SummaryStatus, attachedEbs: SummaryStatus];

/**
 * The system, instance and attached EBS checks behind the console's "3/3", "2/3" … as
 * DescribeInstanceStatus reports them; an instance without the EBS check has "2/2".
 */
const checks: Record<string, Checks> = {
  '3/3': ['ok', 'ok', 'ok'],
  '2/3': ['ok', 'ok', 'impaired'],
  '1/3': ['ok', 'impaired', 'impaired'],
  '0/3': ['impaired', 'impaired', 'impaired'],
  '2/2': ['ok', 'ok', 'not-applicable'],
  '1/2': ['ok', 'impaired', 'not-applicable'],
  'initializing': ['initializing', 'initializing', 'initializing'],
  'insufficient-data': ['ok', 'insufficient-data', 'ok'],
  '—': ['not-applicable', 'not-applicable', 'not-applicable'],
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
  const [system, own, ebs] = checks[seed.statusChecks] ?? checks['—'] ?? [];
  return {
    InstanceId: seed.id,
    AvailabilityZone: seed.zone,
    InstanceState: { Name: seed.state as InstanceStateName },
    SystemStatus: { Status: system },
    InstanceStatus: { Status: own },
    AttachedEbsStatus: { Status: ebs },
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
