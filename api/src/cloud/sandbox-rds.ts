import { RdsError } from './rds-errors.ts';
import {
  gp3, provisionedIopsMinPerGiB,
  type DatabaseInstance, type DatabaseMetrics, type RdsPort, type StorageModification,
} from './rds.ts';
import { sandboxDatabaseSeeds, type SandboxDatabaseSeed } from './sandbox-rds-inventory.ts';
import {
  cpuAt, createRdsDrills, freeAt, historyPoints,
  type SandboxRdsDrills, type SandboxRdsState as State,
} from './sandbox-rds-load.ts';

export interface SandboxRdsOptions {
  now: () => Date;
  /** Drives the small drift of the metrics; pass a constant 0.5 for fixed numbers. */
  random: () => number;
  /** Replaces the runbook's two instances. */
  databases?: SandboxDatabaseSeed[];
  /** What `snapshot()` returned before a restart; wins over `databases`. */
  restore?: SandboxRdsSnapshot;
}

/** The sandbox RDS as it stands: instances with their changes and drills, and access. */
export interface SandboxRdsSnapshot {
  databases: State[];
  metricHistoryDenied: boolean;
}

/** How long a sandbox storage change stays in each state before the next one. */
export const sandboxStoragePhases = { modifyingMs: 60_000, optimizingMs: 15 * 60_000 } as const;

const GiB = 1024 ** 3;
const hourMs = 3_600_000;

/** CloudWatch's refusal of GetMetricData to a role without it, as the SDK surfaces it. */
function metricHistoryDenied(): Error {
  const error = new Error('User: arn:aws:sts::111122223333:assumed-role/turno-watcher/'
    + 'turno-watcher is not authorized to perform: cloudwatch:GetMetricData because no '
    + 'identity-based policy allows the cloudwatch:GetMetricData action');
  error.name = 'AccessDenied';
  return error;
}

/** The sandbox's RDS, with the drills that break it on purpose. */
export interface SandboxRds extends RdsPort {
  readonly drills: SandboxRdsDrills;
  snapshot(): SandboxRdsSnapshot;
}

/** RDS and its CloudWatch metrics for the sandbox: storage changes go through RDS's states. */
export function createSandboxRds(options: SandboxRdsOptions): SandboxRds {
  const { now, random } = options;
  const states = new Map<string, State>();
  const access = { metricHistoryDenied: options.restore?.metricHistoryDenied ?? false };
  // Cloned one by one: one structuredClone would keep a seed and its original one object.
  const initial = options.restore?.databases ?? (options.databases ?? sandboxDatabaseSeeds())
    .map((seed): State => ({ seed, change: null, original: seed }));
  for (const { seed, change, original } of initial) {
    states.set(seed.instance.id, {
      seed: structuredClone(seed), change: structuredClone(change),
      original: structuredClone(original),
    });
  }

  function view(state: State): DatabaseInstance {
    const { instance } = state.seed;
    const change = state.change;
    if (!change) {
      // A disk drained to nothing is what RDS reports as storage-full.
      const full = instance.status === 'available' && freeAt(state.seed, now().getTime()) <= 0;
      return { ...structuredClone(instance), ...(full ? { status: 'storage-full' } : {}) };
    }
    const elapsed = now().getTime() - change.at.getTime();
    if (elapsed < sandboxStoragePhases.modifyingMs) {
      const pending = {
        allocatedStorageGiB: instance.allocatedStorageGiB,
        ...(change.iops === undefined ? {} : { iops: change.iops }),
      };
      // MaxAllocatedStorage takes effect at once; size and IOPS wait in PendingModifiedValues.
      return {
        ...structuredClone(change.before),
        maxAllocatedStorageGiB: instance.maxAllocatedStorageGiB,
        status: 'modifying',
        pendingModifiedValues: pending,
      };
    }
    const { modifyingMs, optimizingMs } = sandboxStoragePhases;
    const status = elapsed < modifyingMs + optimizingMs ? 'storage-optimization' : 'available';
    return { ...structuredClone(instance), status };
  }

  function drift(value: number, spread: number, digits: number): number {
    const factor = 10 ** digits;
    return Math.max(0, Math.round((value + (random() - 0.5) * spread) * factor) / factor);
  }

  return {
    async listDatabases() {
      return [...states.values()].map(view);
    },

    async getMetrics(databases) {
      return databases.map(({ id, role }): DatabaseMetrics => {
        const seed = states.get(id)?.seed;
        if (!seed) {
          return {
            id, cpuPercent: null, freeStorageBytes: null, connections: null,
            replicaLagSeconds: null,
          };
        }
        const at = now().getTime();
        return {
          id,
          cpuPercent: drift(cpuAt(seed, at), 2, 2),
          freeStorageBytes: Math.round(drift(freeAt(seed, at) / GiB, 0.1, 3) * GiB),
          connections: seed.connections === 0 ? 0 : drift(seed.connections, 2, 0),
          replicaLagSeconds: role === 'replica' && seed.replicaLagSeconds !== null
            ? drift(seed.replicaLagSeconds, 1, 1) : null,
        };
      });
    },

    async getMetricHistory(queries) {
      if (access.metricHistoryDenied) throw metricHistoryDenied();
      const at = now().getTime();
      return queries.map((query) => {
        const seed = states.get(query.id)?.seed;
        if (!seed) return [];
        return historyPoints(query, at, (moment) => (query.metric === 'cpuPercent'
          ? drift(cpuAt(seed, moment), 2, 2)
          : Math.round(drift(freeAt(seed, moment) / GiB, 0.1, 3) * GiB)));
      });
    },

    drills: createRdsDrills(states, now, access),

    snapshot: () => structuredClone({
      databases: [...states.values()], metricHistoryDenied: access.metricHistoryDenied,
    }),

    // The sandbox's own record of its changes, the way RDS keeps its event log.
    async recentStorageChanges(ids, since) {
      const changes = new Map<string, Date>();
      for (const id of ids) {
        const last = states.get(id)?.seed.lastStorageChange;
        if (last && last.getTime() >= since.getTime()) changes.set(id, new Date(last));
      }
      return changes;
    },

    async modifyStorage(change: StorageModification) {
      const state = states.get(change.id);
      if (!state) {
        throw new RdsError('DBInstanceNotFoundFault', `DBInstance ${change.id} not found.`);
      }
      const current = view(state);
      if (current.status !== 'available' && current.status !== 'storage-full') {
        const message = 'Database instance is not in available state.';
        throw new RdsError('InvalidDBInstanceStateFault', message);
      }
      const last = state.seed.lastStorageChange;
      if (last && now().getTime() - last.getTime() < 6 * hourMs) {
        throw new RdsError(
          'InvalidParameterCombination',
          'You can\'t modify storage again until 6 hours after the last storage modification.',
        );
      }
      const allocated = checkStorage(current, change);
      const { instance } = state.seed;
      state.change = { at: now(), before: current, iops: change.iops };
      state.seed.lastStorageChange = now();
      state.seed.freeStorageBytes += (allocated - current.allocatedStorageGiB) * GiB;
      Object.assign(instance, {
        status: 'available',
        allocatedStorageGiB: allocated,
        maxAllocatedStorageGiB: change.maxAllocatedStorageGiB ?? instance.maxAllocatedStorageGiB,
        iops: change.iops ?? instance.iops,
        pendingModifiedValues: {},
      });
    },
  };
}

/** RDS's own checks on a storage change; returns the storage it will allocate. */
function checkStorage(current: DatabaseInstance, change: StorageModification): number {
  const invalid = (message: string) => new RdsError('InvalidParameterCombination', message);
  if (change.allocatedStorageGiB <= current.allocatedStorageGiB) {
    throw new RdsError('InvalidParameterValue', 'Invalid storage size: it can only grow.');
  }
  // ModifyDBInstance rounds a growth below 10 % up to 10 % instead of failing.
  const minimum = Math.ceil((current.allocatedStorageGiB * 11) / 10);
  const allocated = Math.max(change.allocatedStorageGiB, minimum);
  const max = change.maxAllocatedStorageGiB ?? current.maxAllocatedStorageGiB;
  if (max !== null && max <= allocated) {
    throw invalid('Max storage size must be greater than storage size');
  }
  // Storage autoscaling wants its ceiling at least 10 % above the storage.
  if (max !== null && max * 10 < allocated * 11) {
    throw invalid('The maximum allocated storage must be increased by at least 10 percent.');
  }
  const { storageType } = current;
  if (storageType === 'io1' || storageType === 'io2') {
    if (change.iops === undefined) throw invalid('You must specify Iops to change io storage.');
    if (change.iops < allocated * provisionedIopsMinPerGiB) {
      throw invalid('Iops is too low for the storage.');
    }
  } else if (storageType === 'gp3' && allocated >= gp3.provisionedFromGiB) {
    if (change.iops === undefined) throw invalid('You must specify Iops for gp3 from 400 GiB.');
    if (change.iops < gp3.baselineIops) {
      throw invalid(`Iops must be at least ${gp3.baselineIops}.`);
    }
  } else if (change.iops !== undefined) {
    throw invalid(`You can't specify Iops for ${storageType} storage of ${allocated} GiB.`);
  }
  return allocated;
}
