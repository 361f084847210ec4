import type { PoolClient } from 'pg';
import { TurnoError, type AuditEntry, type Database, type ErrorCode } from '@turno/shared';
import { writeAudit } from '../audit/audit-log.ts';
import { runIdempotent } from '../audit/idempotency.ts';
import type { StorageModification } from '../cloud/rds.ts';
import { errorFields } from '../log.ts';
import { rdsProbeName } from '../probes/infra/probe-names.ts';
import { makeProbeDue } from '../probes/probe-store.ts';
import type { AppDeps, Logger, Principal } from '../types.ts';
import { withActionLock } from './action-lock.ts';
import { callRds } from './grow-storage-errors.ts';
import { checkGrowStorage, minimumTargetGiB, planStorageChange } from './grow-storage-plan.ts';
import {
  growStorageAction, lastStorageChanges, metricFields, readDatabases, toDatabaseView,
  type DatabaseReading, type Queryable,
} from './grow-storage-view.ts';

export interface GrowStorageActionRequest {
  principal: Principal;
  id: string;
  /** Whole GiB; the smallest growth RDS accepts when left out. */
  targetGiB: number | undefined;
  /** What the user typed: it must be the instance id. */
  confirm: string;
  idempotencyKey: string | undefined;
}

export interface GrowStorageResult {
  database: Database;
  audit: AuditEntry;
  replayed: boolean;
}

/**
 * Runbook 4.1.4–4.1.8 in one step: ModifyDBInstance with the new allocated storage, applied
 * immediately. Confirmed by the typed id, idempotent per key, audited with before and after.
 */
export async function runGrowStorage(
  deps: AppDeps, request: GrowStorageActionRequest,
): Promise<GrowStorageResult> {
  const { principal, id, idempotencyKey } = request;
  if (request.confirm !== id) throw new TurnoError('confirmation_mismatch');
  const { body, replayed } = await runIdempotent(
    deps.statePool,
    { actor: principal.user, key: idempotencyKey, action: growStorageAction, target: id },
    // Both phones read the instance and the 6-hour rule after any change the other made.
    () => withActionLock(deps.statePool, `rds-storage:${id}`, (db) => act(deps, db, request)),
  );
  return { ...body, replayed };
}

async function act(
  deps: AppDeps, db: PoolClient, request: GrowStorageActionRequest,
): Promise<Omit<GrowStorageResult, 'replayed'>> {
  const { principal, id } = request;
  const log = deps.log.child('actions', { action: growStorageAction, target: id });
  const audit = (outcome: 'ok' | 'failed', before: unknown, after: unknown, detail?: string) =>
    writeAudit(db, {
      actor: principal.user, role: principal.role, action: growStorageAction, target: id,
      before, after, outcome, detail,
    }, deps.now());

  let before: DatabaseReading | undefined;
  let changed: { before: DatabaseReading; plan: StorageModification };
  try {
    before = await readOne(deps, id);
    const plan = await planFor(deps, db, before, request.targetGiB, log);
    await callRds(() => deps.cloud.rds.modifyStorage(plan));
    changed = { before, plan };
  } catch (error) {
    const code: ErrorCode = error instanceof TurnoError ? error.code : 'internal';
    if (before) await audit('failed', snapshot(before), null, code);
    log.warn('database.grow_storage_refused', { code });
    throw error;
  }

  const { plan } = changed;
  const after = await readOne(deps, id).catch((error: unknown) => {
    log.warn('database.reread_failed', { code: error instanceof TurnoError ? error.code : null });
    return undefined;
  });
  const entry = await audit('ok', snapshot(changed.before), {
    requested: plan,
    ...(after ? snapshot(after) : {}),
  });
  // The probe's next pass, seconds away, shows the instance modifying (no longer storage-full)
  // rather than its next turn; failing, Estado lags as before, and the disk still grows.
  await makeProbeDue(db, rdsProbeName).catch((error: unknown) => {
    log.warn('database.rds_probe_not_due', errorFields(error));
  });
  log.info('database.storage_grown', {
    from: changed.before.instance.allocatedStorageGiB, to: plan.allocatedStorageGiB,
    ...(plan.iops === undefined ? {} : { iops: plan.iops }),
  });
  const view = toDatabaseView(after ?? changed.before, deps.now(), deps.now());
  return { database: view, audit: entry };
}

/** Refuses while RDS or the 6-hour rule would, and a target under RDS's 10 % minimum. */
async function planFor(
  deps: AppDeps, db: Queryable, before: DatabaseReading, targetGiB: number | undefined,
  log: Logger,
): Promise<StorageModification> {
  const { instance } = before;
  const changes = await lastStorageChanges(db, deps.cloud.rds, [instance.id], deps.now(), log);
  const lastChange = changes.get(instance.id);
  const check = checkGrowStorage(instance, lastChange ?? null, deps.now());
  if (check.reason) {
    const allowedFrom = check.allowedFrom?.toISOString();
    throw new TurnoError(check.reason, undefined, allowedFrom ? { allowedFrom } : undefined);
  }
  const minimum = minimumTargetGiB(instance.allocatedStorageGiB);
  const target = targetGiB ?? minimum;
  if (target < minimum) {
    throw new TurnoError('storage_target_too_small', undefined, { minimumGiB: minimum });
  }
  return planStorageChange(instance, target);
}

async function readOne(deps: AppDeps, id: string): Promise<DatabaseReading> {
  const readings = await callRds(() => readDatabases(deps.cloud.rds));
  const reading = readings.find((r) => r.instance.id === id);
  if (!reading) throw new TurnoError('database_not_found');
  return reading;
}

/** What the audit keeps of an instance: its storage and how full it was. */
function snapshot(reading: DatabaseReading) {
  const { instance } = reading;
  const metrics = metricFields(reading);
  return {
    status: instance.status,
    allocatedStorageGiB: instance.allocatedStorageGiB,
    maxAllocatedStorageGiB: instance.maxAllocatedStorageGiB,
    storageType: instance.storageType,
    iops: instance.iops,
    pendingModifiedValues: instance.pendingModifiedValues,
    freeStorageGiB: metrics.freeStorageGiB,
    freeStoragePercent: metrics.freeStoragePercent,
  };
}
