import type { DatabaseInstance, MetricPoint } from '../../cloud/rds.ts';
import type { AppDeps } from '../../types.ts';
import type { Probe, ProbeFinding, ProbeResult } from '../types.ts';
import { busiestFunction } from './busiest-function.ts';
import type { InfraConfig } from './config.ts';
import { syncInfraDrills } from './drill-sync.ts';
import { rdsProbeName } from './probe-names.ts';
import { databaseDown } from './rds-status.ts';
import { hoursToFull, sustainedAbove } from './rds-trends.ts';

const GiB = 1024 ** 3;
const minuteMs = 60_000;
/** RDS publishes every minute; CloudWatch shows a point a minute or two after its period. */
const cpuPeriodSeconds = 60;
const staleMs = 5 * minuteMs;
/** Long enough for a trend, short enough that a grown disk soon stops counting. */
const storageTrendMs = 3 * 60 * minuteMs;
const storagePeriodSeconds = 300;
/** "The function with the most errors right now": Sync_error rows of the last minutes. */
const busiestMinMs = 15 * minuteMs;

type RdsConfig = InfraConfig['rds'];

interface Seen {
  db: DatabaseInstance;
  cpu: MetricPoint[];
  storage: MetricPoint[];
}

/** RDS, every minute: CPU sustained over the red line, free storage low or running out, full. */
export function rdsProbe(config: RdsConfig): Probe {
  return {
    name: rdsProbeName,
    intervalSeconds: config.intervalSeconds,
    async run(deps, now) {
      await syncInfraDrills(deps);
      const { rds } = deps.cloud;
      const databases = await rds.listDatabases();
      const cpuSince = new Date(now.getTime() - config.cpuWindowSeconds * 1000 - staleMs);
      const storageSince = new Date(now.getTime() - storageTrendMs);
      // One CloudWatch request a minute: the newest points are the current values too.
      const history = await rds.getMetricHistory(databases.flatMap((db) => [
        { id: db.id, metric: 'cpuPercent', periodSeconds: cpuPeriodSeconds, since: cpuSince },
        {
          id: db.id, metric: 'freeStorageBytes', periodSeconds: storagePeriodSeconds,
          since: storageSince,
        },
      ] as const));
      const seen: Seen[] = databases.map((db, i) => ({
        db, cpu: history[2 * i] ?? [], storage: history[2 * i + 1] ?? [],
      }));
      return judge(deps, config, seen, now);
    },
  };
}

async function judge(
  deps: AppDeps, config: RdsConfig, seen: Seen[], now: Date,
): Promise<ProbeResult> {
  const findings: ProbeFinding[] = [];
  const cpus: number[] = [];
  const frees: number[] = [];
  const fills: number[] = [];
  for (const { db, cpu, storage } of seen) {
    const load = sustainedAbove(cpu, {
      line: config.cpuRedLinePercent, windowMs: config.cpuWindowSeconds * 1000,
      periodMs: cpuPeriodSeconds * 1000, staleMs, now,
    });
    if (load.latest !== null) cpus.push(load.latest);
    if (load.sustained) {
      findings.push(await cpuFinding(deps, config, db, load.since, load.latest, now));
    }
    if (databaseDown(db.status)) findings.push(unavailableFinding(db));
    const disk = storageFinding(config, db, storage);
    if (disk.freePercent !== null) frees.push(disk.freePercent);
    if (disk.hoursToFull !== null) fills.push(disk.hoursToFull);
    if (disk.finding) findings.push(disk.finding);
  }
  const least = (values: number[]) => (values.length ? Math.min(...values) : null);
  return {
    findings,
    summary: {
      databases: seen.length,
      notAvailable: seen.filter(({ db }) => db.status !== 'available').length,
      maxCpuPercent: cpus.length ? round(Math.max(...cpus)) : null,
      minFreeStoragePercent: least(frees),
      hoursToFull: least(fills),
    },
  };
}

/**
 * The database down: nothing reaches UP's tables, Sync_error included, so only RDS can say
 * it. Critical for the primary (it bypasses quiet hours); a replica down is high.
 */
function unavailableFinding(db: DatabaseInstance): ProbeFinding {
  return {
    category: 'rds-unavailable', resources: [db.id],
    severity: db.role === 'primary' ? 'critical' : 'high',
    detail: { database: db.id, role: db.role, status: db.status },
  };
}

/** Card 4.1 before the disk fills (low, or running out within the hours), critical once full. */
function storageFinding(config: RdsConfig, db: DatabaseInstance, storage: MetricPoint[]) {
  const free = storage.at(-1)?.value ?? null;
  const freePercent = free === null || db.allocatedStorageGiB <= 0
    ? null : round((free / (db.allocatedStorageGiB * GiB)) * 100);
  const hours = hoursToFull(storage);
  const hoursLeft = hours === null ? null : round(hours);
  const detail = {
    database: db.id, status: db.status, freePercent,
    freeGiB: free === null ? null : round(free / GiB), allocatedGiB: db.allocatedStorageGiB,
    hoursToFull: hoursLeft,
  };
  let finding: ProbeFinding | null = null;
  if (db.status === 'storage-full') {
    finding = {
      category: 'rds-storage-full', resources: [db.id], detail,
    };
  } else if ((freePercent !== null && freePercent < config.storageLowPercent)
    || (hours !== null && hours <= config.storageFillHours)) {
    finding = {
      category: 'rds-storage-low', scope: db.id, resources: [db.id],
      detail: { ...detail, lowPercent: config.storageLowPercent },
    };
  }
  return { finding, freePercent, hoursToFull: hoursLeft };
}

async function cpuFinding(
  deps: AppDeps, config: RdsConfig, db: DatabaseInstance, since: Date | null,
  cpuPercent: number | null, now: Date,
): Promise<ProbeFinding> {
  const lookback = Math.max(busiestMinMs, config.cpuWindowSeconds * 1000);
  const busiest = await busiestFunction(deps.statePool, new Date(now.getTime() - lookback));
  return {
    scope: db.id,
    category: 'rds-cpu-high',
    resources: busiest ? [db.id, busiest.name] : [db.id],
    // About the database; the busiest function is a lead, not what a window must cover.
    subjects: [db.id],
    detail: {
      database: db.id, cpuPercent, redLinePercent: config.cpuRedLinePercent,
      aboveSince: since?.toISOString() ?? null,
      function: busiest?.name ?? null, functionErrors: busiest?.errors ?? 0,
    },
  };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
