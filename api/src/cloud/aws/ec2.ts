import {
  DescribeInstancesCommand, DescribeInstanceStatusCommand, EC2Client,
  type Instance, type InstanceStatus,
} from '@aws-sdk/client-ec2';
import type { Ec2Instance, Ec2Port } from '../ec2.ts';

export interface AwsEc2Options {
  ec2: EC2Client;
  /** The runbook's ECS host and pm2 cron. */
  instanceIds: string[];
}

/** The port over a new client, made here so a bundle keeps only the commands sent below. */
export function openAwsEc2(region: string, instanceIds: string[]): Ec2Port {
  return createAwsEc2({ ec2: new EC2Client({ region }), instanceIds });
}

/** EC2 through SDK v3: DescribeInstances for state and type, DescribeInstanceStatus for checks. */
export function createAwsEc2(options: AwsEc2Options): Ec2Port {
  const { ec2, instanceIds } = options;

  return {
    async listInstances() {
      if (instanceIds.length === 0) return [];
      // With InstanceIds neither call paginates (MaxResults cannot be combined with them).
      const [described, statuses] = await Promise.all([
        ec2.send(new DescribeInstancesCommand({ InstanceIds: instanceIds })),
        // Without IncludeAllInstances a stopped instance has no status entry at all.
        ec2.send(new DescribeInstanceStatusCommand({
          InstanceIds: instanceIds, IncludeAllInstances: true,
        })),
      ]);
      const checks = new Map<string, InstanceStatus>();
      for (const status of statuses.InstanceStatuses ?? []) {
        if (status.InstanceId) checks.set(status.InstanceId, status);
      }
      const instances = (described.Reservations ?? []).flatMap((r) => r.Instances ?? []);
      const order = (i: Ec2Instance) => instanceIds.indexOf(i.id);
      return instances
        .map((instance) => toInstance(instance, checks.get(instance.InstanceId ?? '')))
        .sort((a, b) => order(a) - order(b));
    },
  };
}

function toInstance(instance: Instance, status: InstanceStatus | undefined): Ec2Instance {
  const id = instance.InstanceId ?? '';
  return {
    id,
    name: instance.Tags?.find((tag) => tag.Key === 'Name')?.Value ?? id,
    type: instance.InstanceType ?? '',
    zone: instance.Placement?.AvailabilityZone ?? '',
    state: instance.State?.Name ?? 'unknown',
    statusChecks: statusChecks(status),
  };
}

/**
 * As the console counts them: passed over checks with a result, the attached EBS check included
 * where the instance has one ("3/3", "2/3"; "2/2" without it). A check with no result yet
 * (initializing, insufficient-data) is pending, not failed: while one is and none failed, the
 * answer is "initializing" or "insufficient-data"; "—" when no check runs (stopped).
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/monitoring-system-instance-status-check.html
 */
export function statusChecks(status: InstanceStatus | undefined): string {
  const results = [
    status?.SystemStatus?.Status, status?.InstanceStatus?.Status,
    status?.AttachedEbsStatus?.Status,
  ].filter((s): s is NonNullable<typeof s> => s !== undefined && s !== 'not-applicable');
  if (results.length === 0) return '—';
  const passed = results.filter((s) => s === 'ok').length;
  const failed = results.filter((s) => s === 'impaired').length;
  if (failed === 0 && passed < results.length) {
    return results.includes('initializing') ? 'initializing' : 'insufficient-data';
  }
  return `${passed}/${passed + failed}`;
}
