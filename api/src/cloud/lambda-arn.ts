const lambdaArn = /^arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:([A-Za-z0-9_-]+)(?::[^:]+)?$/;

/**
 * The Lambda function a schedule starts, from its target ARN (alias or version dropped);
 * null when the target is not a Lambda function. Schedule names are not function names.
 */
export function functionFromTargetArn(arn: string): string | null {
  return lambdaArn.exec(arn)?.[1] ?? null;
}
