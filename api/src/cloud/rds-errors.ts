/**
 * RDS's error names as SDK v3 sets them on `error.name` (modelled faults keep their shape name,
 * query-protocol codes such as InvalidParameterCombination come through as the code).
 */
export type RdsErrorName =
  | 'DBInstanceNotFoundFault'
  | 'InvalidDBInstanceStateFault'
  | 'InvalidParameterCombination'
  | 'InvalidParameterValue'
  | 'StorageQuotaExceededFault';

/** An error RDS answered with; the sandbox throws these the way the SDK would. */
export class RdsError extends Error {
  override readonly name: RdsErrorName;

  constructor(name: RdsErrorName, message: string) {
    super(message);
    this.name = name;
  }
}

export function isRdsError(error: unknown, name: RdsErrorName): boolean {
  return error instanceof Error && error.name === name;
}
