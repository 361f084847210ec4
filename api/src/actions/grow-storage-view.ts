import type { Pool, PoolClient } from 'pg';
import type { AuditAction, Database } from '@turno/shared';
import type { DatabaseInstance, DatabaseMetrics, RdsPort } from '../cloud/rds.ts';
import { errorFields } from '../log.ts';
import type { Logger } from '../types.ts';
import { checkGrowStorage, minimumTargetGiB, storageChangeGapMs } from './grow-storage-plan.ts';

export const growStorageAction: AuditAction = 'database.grow-storage';

const GiB = 1024 ** 3;

export interface DatabaseReading {
  instance: DatabaseInstance;
  metrics: DatabaseMetrics | undefined;
}

/** Both instances and their metrics: one DescribeDBInstances and one GetMetricData. */
export async function readDatabases(rds: RdsPort): Promise<DatabaseReading[]> {
  const instances = await rds.listDatabases();
  const metrics = await rds.getMetrics(instances);
  return instances.map((instance) => ({
    instance, metrics: metrics.find((m) => m.id === instance.id),
  }));
}

/** Where the audit log is read: the pool, or the client holding an action's lock. */
export type Queryable = Pool | PoolClient;

/** When Turno last grew each instance's storage, from the audit log (successful changes only). */
async function auditedStorageChanges(
  db: Queryable, ids: readonly string[],
): Promise<Map<string, Date>> {
  const { rows } = await db.query<{ target: string; at: Date }>(
    `SELECT target, max(at) AS at FROM turno.audit_log
      WHERE action = $1 AND outcome = 'ok' AND target = ANY($2) GROUP BY target`,
    [growStorageAction, ids],
  );
  return new Map(rows.map((row) => [row.target, row.at]));
}

/**
 * When each instance's storage last changed within the 6-hour wait: Turno's audit log, or RDS's
 * own events for a change made in the console or by storage autoscaling, whichever is later.
 * Without the events (RDS unreachable, no permission yet) the audit log alone answers.
 */
export async function lastStorageChanges(
  db: Queryable, rds: RdsPort, ids: readonly string[], now: Date, log: Logger,
): Promise<Map<string, Date>> {
  const since = new Date(now.getTime() - storageChangeGapMs);
  const [audited, recorded] = await Promise.all([
    auditedStorageChanges(db, ids),
    rds.recentStorageChanges(ids, since).catch((error: unknown) => {
      log.warn('database.storage_events_unread', errorFields(error));
      return new Map<string, Date>();
    }),
  ]);
  const latest = new Map(audited);
  for (const [id, at] of recorded) {
    if ((latest.get(id)?.getTime() ?? -Infinity) < at.getTime()) latest.set(id, at);
  }
  return latest;
}

/** The metrics Estado shows beside CPU: free storage in GiB and as a share, replica lag. */
export function metricFields(reading: DatabaseReading) {
  const { instance, metrics } = reading;
  const free = metrics?.freeStorageBytes ?? null;
  const freeGiB = free === null ? null : round(free / GiB, 1);
  const allocated = instance.allocatedStorageGiB;
  return {
    id: instance.id,
    role: instance.role,
    status: instance.status,
    cpuPercent: metrics?.cpuPercent ?? null,
    connections: metrics?.connections ?? null,
    allocatedStorageGiB: allocated,
    freeStorageGiB: freeGiB,
    freeStoragePercent: free === null || allocated <= 0
      ? null : round((free / GiB / allocated) * 100, 1),
    replicaLagSeconds: metrics?.replicaLagSeconds ?? null,
  };
}

/** A database as `GET /api/databases` answers it, with whether storage may grow now. */
export function toDatabaseView(
  reading: DatabaseReading, lastChange: Date | null, now: Date,
): Database {
  const { instance } = reading;
  const check = checkGrowStorage(instance, lastChange, now);
  return {
    ...metricFields(reading),
    replicaOf: instance.replicaOf,
    instanceClass: instance.instanceClass,
    engine: instance.engine,
    zone: instance.zone,
    maxAllocatedStorageGiB: instance.maxAllocatedStorageGiB,
    storageType: instance.storageType,
    iops: instance.iops,
    pendingModifiedValues: instance.pendingModifiedValues,
    growStorage: {
      allowed: check.allowed,
      reason: check.reason,
      suggestedGiB: minimumTargetGiB(instance.allocatedStorageGiB),
      allowedFrom: check.allowedFrom?.toISOString() ?? null,
    },
  };
}

/** Every watched instance as the Infraestructura page shows it. */
export async function listDatabaseViews(
  rds: RdsPort, pool: Pool, now: Date, log: Logger,
): Promise<Database[]> {
  const readings = await readDatabases(rds);
  const ids = readings.map((r) => r.instance.id);
  const changes = await lastStorageChanges(pool, rds, ids, now, log);
  return readings.map((r) => toDatabaseView(r, changes.get(r.instance.id) ?? null, now));
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
