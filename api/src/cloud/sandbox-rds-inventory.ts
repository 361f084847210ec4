import type { DatabaseInstance } from './rds.ts';

/** One sandbox instance and the CloudWatch values it reports around. */
export interface SandboxDatabaseSeed {
  instance: DatabaseInstance;
  cpuPercent: number;
  connections: number;
  freeStorageBytes: number;
  replicaLagSeconds: number | null;
  /** RDS refuses another storage change within 6 h of this one. */
  lastStorageChange?: Date;
  /** A drill: CPU held at `percent` since `since`. */
  cpuSpike?: { percent: number; since: Date };
  /** A drill: free storage falling since `since`; `freeStorageBytes` is its value then. */
  storageDrain?: { gibPerHour: number; since: Date };
}

const GiB = 1024 ** 3;

/**
 * The runbook's two instances (docs/runbook/inventory.json: ids, classes, zone, CPU and
 * connections). Storage is not in the runbook: 100 GiB gp3 with 18 % free, so card 4.1 has
 * something to do.
 */
export function sandboxDatabaseSeeds(): SandboxDatabaseSeed[] {
  const storage = {
    engine: 'postgres',
    zone: 'us-east-1c',
    status: 'available',
    allocatedStorageGiB: 100,
    maxAllocatedStorageGiB: null,
    storageType: 'gp3',
    iops: 3000,
    pendingModifiedValues: {},
  };
  return [
    {
      instance: {
        ...storage, id: 'flotas-develop', role: 'primary', replicaOf: null,
        instanceClass: 'db.t4g.large',
      },
      cpuPercent: 8.38,
      connections: 7,
      freeStorageBytes: 18 * GiB,
      replicaLagSeconds: null,
    },
    {
      instance: {
        ...storage, id: 'flotas-develop-replica', role: 'replica', replicaOf: 'flotas-develop',
        instanceClass: 'db.t4g.micro',
      },
      cpuPercent: 6.48,
      connections: 0,
      freeStorageBytes: 18.5 * GiB,
      replicaLagSeconds: 0.4,
    },
  ];
}
