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
