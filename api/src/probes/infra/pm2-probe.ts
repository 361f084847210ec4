import type { Pm2Process } from '../../cloud/cron-host.ts';
import type { Probe, ProbeFinding } from '../types.ts';
import type { InfraConfig } from './config.ts';
import { syncInfraDrills } from './drill-sync.ts';
import { pm2ProbeName } from './probe-names.ts';
import { realWait, runCronCommand, type CommandWait } from './cron-command.ts';

/** What both the SSM script and the sandbox say when no pm2 daemon answers. */
const daemonDown = /pm2 daemon .* is not running/i;

/** pm2 on flotas-cron-arc, every five minutes: every process `online`. */
export function pm2Probe(config: InfraConfig['cron'], wait: CommandWait = realWait): Probe {
  return {
    name: pm2ProbeName,
    intervalSeconds: config.intervalSeconds,
    async run(deps) {
      await syncInfraDrills(deps);
      const host = deps.cloud.cronHost;
      const command = await runCronCommand(host, 'pm2-list', wait);
      if (command.status !== 'success' && daemonDown.test(command.error ?? '')) {
        // No daemon, no process: that is the cron down, not Turno unable to look.
        const finding: ProbeFinding = {
          category: 'pm2-process-down', resources: [host.instanceId, 'pm2'],
          subjects: [host.instanceId],
          detail: { process: 'pm2', status: 'daemon-down', error: command.error ?? null },
        };
        return { findings: [finding], summary: { processes: 0, online: 0, daemon: 'down' } };
      }
      if (command.output?.kind !== 'pm2-list') {
        throw new Error(`pm2 list ended ${command.status}: ${command.error ?? 'no output'}`);
      }
      const { processes } = command.output;
      const down = processes.filter((process) => process.status !== 'online');
      return {
        findings: down.map((process) => processFinding(host.instanceId, process)),
        summary: {
          processes: processes.length, online: processes.length - down.length, daemon: 'up',
        },
      };
    },
  };
}

function processFinding(instanceId: string, process: Pm2Process): ProbeFinding {
  return {
    scope: process.name,
    category: 'pm2-process-down',
    // About the cron instance it runs on: a window on that host holds it.
    resources: [instanceId, process.name],
    subjects: [instanceId],
    detail: {
      process: process.name, id: process.id, status: process.status, restarts: process.restarts,
    },
  };
}
