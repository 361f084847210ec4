import type { Ec2Instance, Ec2Port } from './ec2.ts';

/** The runbook's two instances (docs/runbook/inventory.json). */
export function sandboxEc2Instances(): Ec2Instance[] {
  return [
    {
      id: 'i-0a1b2c3d4e5f60001',
      name: 'flotas-application-develop',
      type: 'c5.xlarge',
      zone: 'us-east-1a',
      state: 'running',
      statusChecks: '2/2',
    },
    {
      id: 'i-0a1b2c3d4e5f60002',
      name: 'flotas-cron-arc',
      type: 't3a.small',
      zone: 'us-east-1b',
      state: 'running',
      statusChecks: '2/2',
    },
  ];
}

/** EC2 for the sandbox: the two instances, running with their checks passed. */
export function createSandboxEc2(instances = sandboxEc2Instances()): Ec2Port {
  return { listInstances: async () => structuredClone(instances) };
}
