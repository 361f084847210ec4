import type { Pool } from 'pg';
import type { Database } from '@turno/shared';
import type { DatabaseInstance, DatabaseMetrics, RdsPort } from '../cloud/rds.ts';
import { checkGrowStorage, minimumTargetGiB } from './grow-storage-plan.ts';

export const growStorageAction = 'database.grow-storage';

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

/** When Turno last grew each instance's storage, from the audit log (successful changes only). */
export async function lastStorageChanges(
  pool: Pool, ids: readonly string[],
): Promise<Map<string, Date>> {
  const { rows } = await pool.query<{ target: string; at: Date }>(
    `SELECT target, max(at) AS at FROM turno.audit_log
      WHERE action = $1 AND outcome = 'ok' AND target = ANY($2) GROUP BY target`,
    [growStorageAction, ids],
  );
  return new Map(rows.map((row) => [row.target, row.at]));
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
  rds: RdsPort, pool: Pool, now: Date,
): Promise<Database[]> {
  const readings = await readDatabases(rds);
  const changes = await lastStorageChanges(pool, readings.map((r) => r.instance.id));
  return readings.map((r) => toDatabaseView(r, changes.get(r.instance.id) ?? null, now));
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
