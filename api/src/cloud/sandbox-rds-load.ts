import type { DatabaseInstance, MetricHistoryQuery, MetricPoint } from './rds.ts';
import type { SandboxDatabaseSeed } from './sandbox-rds-inventory.ts';

const GiB = 1024 ** 3;
const hourMs = 3_600_000;
/** A series of a whole day at one-minute points; more would only be a mistaken query. */
const maxPoints = 1_440;

export interface SandboxRdsChange {
  at: Date;
  before: DatabaseInstance;
  iops: number | undefined;
}

/** One sandbox instance: its seed (changed by storage changes and drills) and the original. */
export interface SandboxRdsState {
  seed: SandboxDatabaseSeed;
  change: SandboxRdsChange | null;
  readonly original: SandboxDatabaseSeed;
}

/** The sandbox's RDS drills: load and storage problems to practise on, then undone. */
export interface SandboxRdsDrills {
  /** CPU at `percent` from `since` on: `since` minutes back makes the spike a sustained one. */
  spikeCpu(id: string, percent: number, since: Date): void;
  /** Free storage set to this share of the allocated storage; 0 fills the disk. */
  setFreeStoragePercent(id: string, percent: number): void;
  /** Free storage falling `gibPerHour` since `since`, ending at today's value now. */
  drainStorage(id: string, gibPerHour: number, since: Date): void;
  /**
   * CloudWatch refuses the metric history (GetMetricData) as it does a role without the
   * permission: the RDS probe fails while the API's own reads still work.
   */
  denyMetricHistory(): void;
  /** Every instance back to its inventory values (storage grown meanwhile stays grown). */
  reset(): void;
}

/** CPU at a moment: the seed's value, or the drill's spike once it began. */
export function cpuAt(seed: SandboxDatabaseSeed, at: number): number {
  const spike = seed.cpuSpike;
  return spike && at >= spike.since.getTime() ? spike.percent : seed.cpuPercent;
}

/** Free storage at a moment: the seed's value, less what a drain took since it began. */
export function freeAt(seed: SandboxDatabaseSeed, at: number): number {
  const drain = seed.storageDrain;
  if (!drain) return seed.freeStorageBytes;
  const hours = Math.max(0, at - drain.since.getTime()) / hourMs;
  return Math.max(0, seed.freeStorageBytes - hours * drain.gibPerHour * GiB);
}

/** Whole periods from `since` to now, each stamped at its start as CloudWatch does. */
export function historyPoints(
  query: MetricHistoryQuery, now: number, valueAt: (at: number) => number,
): MetricPoint[] {
  const period = query.periodSeconds * 1000;
  const first = Math.ceil(query.since.getTime() / period) * period;
  const points: MetricPoint[] = [];
  for (let at = first; at + period <= now && points.length < maxPoints; at += period) {
    points.push({ at: new Date(at), value: valueAt(at + period / 2) });
  }
  return points;
}

/** What the drills change beyond the instances: CloudWatch's answer to the metric history. */
export interface SandboxRdsAccess {
  metricHistoryDenied: boolean;
}

export function createRdsDrills(
  states: Map<string, SandboxRdsState>, now: () => Date, access: SandboxRdsAccess,
): SandboxRdsDrills {
  const seedOf = (id: string) => {
    const state = states.get(id);
    if (!state) throw new Error(`The sandbox has no database ${id}`);
    return state.seed;
  };
  return {
    spikeCpu(id, percent, since) {
      seedOf(id).cpuSpike = { percent, since };
    },
    setFreeStoragePercent(id, percent) {
      const seed = seedOf(id);
      delete seed.storageDrain;
      seed.freeStorageBytes = Math.round(seed.instance.allocatedStorageGiB * GiB * percent / 100);
    },
    drainStorage(id, gibPerHour, since) {
      const seed = seedOf(id);
      const at = now().getTime();
      const current = freeAt(seed, at);
      seed.freeStorageBytes = current + ((at - since.getTime()) / hourMs) * gibPerHour * GiB;
      seed.storageDrain = { gibPerHour, since };
    },
    denyMetricHistory() {
      access.metricHistoryDenied = true;
    },
    reset() {
      access.metricHistoryDenied = false;
      for (const state of states.values()) {
        const { seed, original } = state;
        const grown = seed.instance.allocatedStorageGiB - original.instance.allocatedStorageGiB;
        seed.cpuPercent = original.cpuPercent;
        seed.freeStorageBytes = original.freeStorageBytes + grown * GiB;
        delete seed.cpuSpike;
        delete seed.storageDrain;
      }
    },
  };
}
