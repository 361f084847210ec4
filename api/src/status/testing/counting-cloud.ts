import type { SandboxCloud } from '../../cloud/sandbox.ts';
import type { Cloud } from '../../cloud/types.ts';

/** How often Estado asked RDS and Scheduler; `failRds` makes RDS fail until set back. */
export interface CloudReads {
  rds: number;
  scheduler: number;
  failRds: boolean;
}

/**
 * The sandbox with its RDS and Scheduler lists counted, as `kind` (dressing it as AWS makes
 * Estado keep its snapshot): what tests of Estado's cloud reads watch.
 */
export function countingCloud(
  sandbox: SandboxCloud, kind: Cloud['kind'] = sandbox.kind,
): { cloud: Cloud; reads: CloudReads } {
  const reads: CloudReads = { rds: 0, scheduler: 0, failRds: false };
  const cloud: Cloud = {
    ...sandbox,
    kind,
    rds: {
      ...sandbox.rds,
      async listDatabases() {
        reads.rds += 1;
        if (reads.failRds) throw new Error('RDS did not answer');
        return sandbox.rds.listDatabases();
      },
    },
    scheduler: {
      ...sandbox.scheduler,
      async listSchedules() {
        reads.scheduler += 1;
        return sandbox.scheduler.listSchedules();
      },
    },
  };
  return { cloud, reads };
}
