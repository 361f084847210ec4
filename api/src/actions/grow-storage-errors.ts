import { TurnoError } from '@turno/shared';
import { isCloudError } from '../cloud/errors.ts';
import { isRdsError, RdsError } from '../cloud/rds-errors.ts';

/** An SDK v3 service exception carries `$metadata`; the sandbox throws its own named errors. */
function fromCloud(error: unknown): error is Error {
  return error instanceof RdsError || isCloudError(error)
    || (error instanceof Error && '$metadata' in error);
}

/**
 * Runs an RDS or CloudWatch call and turns its answers into catalogued errors: an unknown
 * instance is `database_not_found`, a busy one `database_not_available`, a refused change
 * `cloud_rejected` with AWS's words, anything else `cloud_unavailable`.
 */
export async function callRds<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!fromCloud(error)) throw error;
    if (isRdsError(error, 'DBInstanceNotFoundFault')) throw new TurnoError('database_not_found');
    if (isRdsError(error, 'InvalidDBInstanceStateFault')) {
      throw new TurnoError('database_not_available');
    }
    if (isRdsError(error, 'InvalidParameterCombination')
      || isRdsError(error, 'InvalidParameterValue')
      || isRdsError(error, 'StorageQuotaExceededFault')) {
      throw new TurnoError('cloud_rejected', undefined, {
        awsError: error.name, awsMessage: error.message.slice(0, 300),
      });
    }
    throw new TurnoError('cloud_unavailable', undefined, { awsError: error.name });
  }
}
