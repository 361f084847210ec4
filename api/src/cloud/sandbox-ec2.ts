import type { Ec2Instance, Ec2Port } from './ec2.ts';

/**
 * The runbook's two instances (docs/runbook/inventory.json). Its "2/2" predates the attached
 * EBS status check, which these EBS-backed instances now pass as a third one.
 */
export function sandboxEc2Instances(): Ec2Instance[] {
  return [
    {
      id: 'i-0a1b2c3d4e5f60001',
      name: 'flotas-application-develop',
      type: 'c5.xlarge',
      zone: 'us-east-1a',
      state: 'running',
      statusChecks: '3/3',
    },
    {
      id: 'i-0a1b2c3d4e5f60002',
      name: 'flotas-cron-arc',
      type: 't3a.small',
      zone: 'us-east-1b',
      state: 'running',
      statusChecks: '3/3',
    },
  ];
}

/** The sandbox's EC2 drills. */
export interface SandboxEc2Drills {
  /** Status checks as the console counts them: "2/3" for one failing, "0/3" for all. */
  setStatusChecks(name: string, checks: string): void;
  /** The instance state: stopped, stopping, running … */
  setState(name: string, state: string): void;
  reset(): void;
}

export interface SandboxEc2 extends Ec2Port {
  readonly drills: SandboxEc2Drills;
  /** The instances as they stand, drills included. */
  snapshot(): Ec2Instance[];
}

/**
 * EC2 for the sandbox: the two instances, running with their checks passed until a drill.
 * `restore` is what `snapshot()` returned before a restart.
 */
export function createSandboxEc2(
  instances = sandboxEc2Instances(), restore?: Ec2Instance[],
): SandboxEc2 {
  const original = structuredClone(instances);
  const current = structuredClone(restore ?? instances);
  const byName = (name: string) => {
    const instance = current.find((candidate) => candidate.name === name || candidate.id === name);
    if (!instance) throw new Error(`The sandbox has no instance ${name}`);
    return instance;
  };
  return {
    listInstances: async () => structuredClone(current),
    snapshot: () => structuredClone(current),
    drills: {
      setStatusChecks(name, checks) {
        byName(name).statusChecks = checks;
      },
      setState(name, state) {
        const instance = byName(name);
        instance.state = state;
        // EC2 runs no status checks on an instance that is not running.
        instance.statusChecks = state === 'running' ? '3/3' : '—';
      },
      reset() {
        current.splice(0, current.length, ...structuredClone(original));
      },
    },
  };
}
