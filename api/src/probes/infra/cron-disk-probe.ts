import type { Probe } from '../types.ts';
import type { InfraConfig } from './config.ts';
import { syncInfraDrills } from './drill-sync.ts';
import { cronDiskProbeName } from './probe-names.ts';
import { realWait, runCronCommand, type CommandWait } from './cron-command.ts';

/** The disk of flotas-cron-arc, every five minutes: pm2 logs fill it until someone flushes. */
export function cronDiskProbe(config: InfraConfig['cron'], wait: CommandWait = realWait): Probe {
  return {
    name: cronDiskProbeName,
    intervalSeconds: config.intervalSeconds,
    async run(deps) {
      await syncInfraDrills(deps);
      const host = deps.cloud.cronHost;
      const command = await runCronCommand(host, 'disk', wait);
      if (command.output?.kind !== 'disk') {
        throw new Error(`df ended ${command.status}: ${command.error ?? 'no output'}`);
      }
      const { disk } = command.output;
      const full = disk.usePercent > config.diskFullPercent;
      return {
        findings: full ? [{
          category: 'cron-disk-full', resources: [host.instanceId],
          detail: {
            usePercent: disk.usePercent, availableGiB: disk.availableGiB, sizeGiB: disk.sizeGiB,
            limitPercent: config.diskFullPercent,
          },
        }] : [],
        summary: { diskUsePercent: disk.usePercent, availableGiB: disk.availableGiB },
      };
    },
  };
}
