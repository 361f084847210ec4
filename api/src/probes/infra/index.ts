import type { AppDeps } from '../../types.ts';
import type { Probe } from '../types.ts';
import { allFunctionsProbe } from './all-functions-probe.ts';
import { cronDiskProbe } from './cron-disk-probe.ts';
import { ec2Probe } from './ec2-probe.ts';
import { pm2Probe } from './pm2-probe.ts';
import { rdsProbe } from './rds-probe.ts';

/**
 * RDS, EC2, pm2, the cron disk and every function failing at once, each on its own
 * interval. Telematics providers need no probe: their credential failures come from
 * Sync_error, one alert per provider (watcher).
 */
export function infraProbes(deps: AppDeps): Probe[] {
  const { infra } = deps.config;
  return [
    rdsProbe(infra.rds), ec2Probe(infra.ec2), pm2Probe(infra.cron), cronDiskProbe(infra.cron),
    allFunctionsProbe(infra.allFunctions),
  ];
}
