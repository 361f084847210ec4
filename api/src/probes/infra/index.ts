import type { AppDeps } from '../../types.ts';
import type { Probe } from '../types.ts';

/** RDS, EC2, pm2 and telematics-provider probes. */
export function infraProbes(_deps: AppDeps): Probe[] {
  return [];
}
