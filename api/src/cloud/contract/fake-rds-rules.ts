import {
  InvalidDBInstanceStateFault, RDSServiceException,
  type DBInstance, type Event, type ModifyDBInstanceCommandInput,
} from '@aws-sdk/client-rds';
import { isStorageEvent } from './fake-rds-events.ts';

const metadata = { $metadata: { httpStatusCode: 400 } };

export function invalidDBInstanceState(): InvalidDBInstanceStateFault {
  const message = 'Database instance is not in available state.';
  return new InvalidDBInstanceStateFault({ message, ...metadata });
}

/** Query-protocol errors without a modelled shape reach SDK v3 callers named by their code. */
function queryError(name: string, message: string): RDSServiceException {
  return new RDSServiceException({ name, message, $fault: 'client', ...metadata });
}

/**
 * ModifyDBInstance's storage rules for PostgreSQL, as the API reference states them
 * (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ModifyDBInstance.html):
 * storage only grows; MaxAllocatedStorage stays at least 10 % above it (storage autoscaling's
 * rule, USER_PIOPS.Autoscaling.html); io1/io2, and gp3 from 400 GiB, need Iops with the change;
 * gp3 below 400 GiB and gp2 take none.
 */
export function rejectStorageChange(
  db: DBInstance, input: ModifyDBInstanceCommandInput,
): RDSServiceException | null {
  const target = input.AllocatedStorage;
  if (target === undefined) return null;
  const current = db.AllocatedStorage ?? 0;
  if (target <= current) {
    return queryError('InvalidParameterValue', 'Invalid storage size: storage can only grow.');
  }
  const max = input.MaxAllocatedStorage ?? db.MaxAllocatedStorage;
  if (max !== undefined && max <= target) {
    return queryError('InvalidParameterCombination',
      'Max storage size must be greater than storage size');
  }
  if (max !== undefined && max * 10 < target * 11) {
    return queryError('InvalidParameterCombination',
      'The maximum allocated storage must be increased by at least 10 percent.');
  }
  const type = db.StorageType;
  const iops = input.Iops;
  if (type === 'io1' || type === 'io2') {
    if (iops === undefined) {
      return queryError('InvalidParameterCombination', 'Iops is required to modify io storage.');
    }
    if (iops < target / 2 || iops > target * 50) {
      return queryError('InvalidParameterCombination', 'Iops must be 0.5–50 times the storage.');
    }
    return null;
  }
  if (type === 'gp3' && target >= 400) {
    if (iops === undefined || iops < 12_000) {
      return queryError('InvalidParameterCombination', 'gp3 from 400 GiB needs Iops ≥ 12000.');
    }
    return null;
  }
  if (iops !== undefined) {
    return queryError('InvalidParameterCombination', `Iops is not allowed for ${type} here.`);
  }
  return null;
}

const sixHoursMs = 6 * 3_600_000;

/** RDS refuses a storage change within 6 hours of the last one, whoever made it. */
export function storageChangedRecently(
  events: readonly Event[], db: DBInstance, now: Date,
): RDSServiceException | null {
  const recent = events.some((item) => item.SourceIdentifier === db.DBInstanceIdentifier
    && isStorageEvent(item)
    && now.getTime() - (item.Date?.getTime() ?? 0) < sixHoursMs);
  return recent ? queryError('InvalidParameterCombination',
    'You can\'t modify storage again until 6 hours after the last storage modification.')
    : null;
}
