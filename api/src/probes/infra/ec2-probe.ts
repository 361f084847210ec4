import type { Ec2Instance } from '../../cloud/ec2.ts';
import type { Probe, ProbeFinding } from '../types.ts';
import type { InfraConfig } from './config.ts';
import { syncInfraDrills } from './drill-sync.ts';

/** States in which an instance is on its way up; every other one but running is a problem. */
const startingStates = ['pending'];

/** EC2, every five minutes: each instance running with its status checks passed. */
export function ec2Probe(config: InfraConfig['ec2']): Probe {
  return {
    name: 'ec2',
    intervalSeconds: config.intervalSeconds,
    async run(deps) {
      await syncInfraDrills(deps);
      const instances = await deps.cloud.ec2.listInstances();
      const findings = instances.flatMap((instance) => {
        const finding = instanceFinding(instance);
        return finding ? [finding] : [];
      });
      return {
        findings,
        summary: {
          instances: instances.length,
          running: instances.filter((i) => i.state === 'running').length,
          checksPassing: instances.filter((i) => failedChecks(i.statusChecks) === 0
            && i.state === 'running').length,
        },
      };
    },
  };
}

/** One alert per instance: stopped, or running with a check that does not pass. */
export function instanceFinding(instance: Ec2Instance): ProbeFinding | null {
  const running = instance.state === 'running';
  if (startingStates.includes(instance.state)) return null;
  const failed = failedChecks(instance.statusChecks);
  if (running && failed === 0) return null;
  return {
    scope: instance.id,
    category: 'ec2-status-failed',
    resources: [instance.name, instance.id],
    subjects: [instance.id],
    detail: {
      instance: instance.name, id: instance.id, state: instance.state,
      statusChecks: instance.statusChecks, failedChecks: failed,
    },
  };
}

/** "2/3" → 1 failed; "3/3", the pending "initializing" and "insufficient-data", and "—" → 0. */
export function failedChecks(statusChecks: string): number {
  const match = /^(\d+)\/(\d+)$/.exec(statusChecks);
  if (!match) return 0;
  return Math.max(0, Number(match[2]) - Number(match[1]));
}
