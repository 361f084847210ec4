import { TurnoError } from '@turno/shared';

/** AWS-style exception names, as SDK v3 sets them on `error.name`, so callers treat both alike. */
export type CloudErrorName =
  | 'ValidationException'
  | 'ResourceNotFoundException'
  | 'ConflictException'
  | 'ThrottlingException'
  | 'InternalServerException';

/** An error the cloud answered with; the sandbox throws these the way the SDK would. */
export class CloudError extends Error {
  override readonly name: CloudErrorName;

  constructor(name: CloudErrorName, message: string) {
    super(message);
    this.name = name;
  }
}

export function isCloudError(error: unknown, name?: CloudErrorName): error is CloudError {
  if (!(error instanceof Error)) return false;
  const known: readonly string[] = [
    'ValidationException', 'ResourceNotFoundException', 'ConflictException',
    'ThrottlingException', 'InternalServerException',
  ];
  return name === undefined ? known.includes(error.name) : error.name === name;
}

/**
 * Runs a cloud call and turns the cloud's answers into catalogued errors: a missing schedule is
 * `schedule_not_found`, anything else the cloud says is `cloud_unavailable`.
 */
export async function callCloud<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (isCloudError(error, 'ResourceNotFoundException')) {
      throw new TurnoError('schedule_not_found');
    }
    if (isCloudError(error)) {
      throw new TurnoError('cloud_unavailable', undefined, { awsError: error.name });
    }
    throw error;
  }
}
