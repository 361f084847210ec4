import type { GrowStorageRefusal } from '@turno/shared';
import {
  gp3, provisionedIopsMinPerGiB, type DatabaseInstance, type StorageModification,
} from '../cloud/rds.ts';

/** RDS refuses another storage change for 6 h after one (or until optimisation ends). */
export const storageChangeGapMs = 6 * 3_600_000;

/**
 * Statuses a storage change may start from. `storage-full` is the very case of card 4.1: RDS
 * asks to scale storage up to leave it
 * (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/accessing-monitoring.html).
 */
const growableStatuses: readonly string[] = ['available', 'storage-full'];

export interface GrowStorageCheck {
  allowed: boolean;
  reason: GrowStorageRefusal | null;
  /** When the 6-hour wait ends, when that wait is what holds the change back. */
  allowedFrom: Date | null;
}

/** The smallest growth RDS accepts: 10 % above the current allocation, in whole GiB. */
export function minimumTargetGiB(allocatedGiB: number): number {
  return Math.ceil((allocatedGiB * 11) / 10);
}

/** Whether storage may grow now, and why not, from RDS's state and the last change Turno made. */
export function checkGrowStorage(
  db: DatabaseInstance, lastChange: Date | null, now: Date,
): GrowStorageCheck {
  const refuse = (reason: GrowStorageRefusal, allowedFrom: Date | null = null) =>
    ({ allowed: false, reason, allowedFrom });
  if (db.status === 'storage-optimization') return refuse('storage_optimizing');
  if (!growableStatuses.includes(db.status)) return refuse('database_not_available');
  if (db.pendingModifiedValues.allocatedStorageGiB !== undefined) {
    return refuse('storage_change_pending');
  }
  if (lastChange && now.getTime() - lastChange.getTime() < storageChangeGapMs) {
    return refuse('storage_changed_recently', new Date(lastChange.getTime() + storageChangeGapMs));
  }
  return { allowed: true, reason: null, allowedFrom: null };
}

/**
 * With storage autoscaling on, RDS wants its ceiling at least 10 % above the allocated storage
 * (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_PIOPS.Autoscaling.html).
 */
export function ceilingFitsStorage(maxGiB: number, allocatedGiB: number): boolean {
  return maxGiB * 10 >= allocatedGiB * 11;
}

/**
 * The ModifyDBInstance for a growth to `targetGiB`: MaxAllocatedStorage raised when autoscaling's
 * ceiling would sit less than 10 % above the new size, IOPS only where the storage type needs them.
 */
export function planStorageChange(db: DatabaseInstance, targetGiB: number): StorageModification {
  const max = db.maxAllocatedStorageGiB;
  const iops = iopsFor(db, targetGiB);
  return {
    id: db.id,
    allocatedStorageGiB: targetGiB,
    ...(max !== null && !ceilingFitsStorage(max, targetGiB)
      ? { maxAllocatedStorageGiB: minimumTargetGiB(targetGiB) } : {}),
    ...(iops === undefined ? {} : { iops }),
  };
}

/**
 * io1/io2 always send IOPS (current value, at least 0.5 per GiB); gp3 from 400 GiB provisions
 * IOPS with a 12,000 baseline, below that they cannot be set; gp2 and magnetic never take them.
 */
function iopsFor(db: DatabaseInstance, targetGiB: number): number | undefined {
  const current = db.iops ?? 0;
  if (db.storageType === 'io1' || db.storageType === 'io2') {
    return Math.max(current, Math.ceil(targetGiB * provisionedIopsMinPerGiB));
  }
  // https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Storage.html#gp3-storage
  if (db.storageType === 'gp3' && targetGiB >= gp3.provisionedFromGiB) {
    return Math.max(current, gp3.baselineIops);
  }
  return undefined;
}
