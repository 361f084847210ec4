import type { LambdaContext, LambdaEvent } from 'hono/aws-lambda';

export interface ApiEventOptions {
  /** What the Lambda authorizer passed on; absent for routes without the authorizer. */
  principal?: { user: string; role: string };
  headers?: Record<string, string>;
  body?: unknown;
}

/** An HTTP API (payload format 2.0) event as API Gateway hands it to the api Lambda. */
export function apiEvent(
  method: string, path: string, options: ApiEventOptions = {},
): LambdaEvent {
  const now = Date.now();
  const body = options.body === undefined ? null : JSON.stringify(options.body);
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: {
      host: 'turno.example.com',
      'user-agent': 'Mozilla/5.0 (Linux; Android 14)',
      ...(body === null ? {} : { 'content-type': 'application/json' }),
      ...options.headers,
    },
    body,
    isBase64Encoded: false,
    requestContext: {
      accountId: '111122223333',
      apiId: 'a1b2c3d4e5',
      authentication: null,
      authorizer: options.principal ? { lambda: options.principal } : {},
      domainName: 'turno.example.com',
      domainPrefix: 'turno',
      http: {
        method, path, protocol: 'HTTP/1.1', sourceIp: '198.51.100.7',
        userAgent: 'Mozilla/5.0 (Linux; Android 14)',
      },
      requestId: `req-${now}`,
      routeKey: '$default',
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
    },
  };
}

/** The Lambda context fields hono's adapter may read. */
export const lambdaContext = {
  callbackWaitsForEmptyEventLoop: true,
  functionName: 'turno-api',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:111122223333:function:turno-api',
  memoryLimitInMB: '512',
  awsRequestId: '6f8e0d2c-0000-4000-8000-000000000001',
  logGroupName: '/aws/lambda/turno-api',
  logStreamName: '2025/01/01/[$LATEST]abc',
  getRemainingTimeInMillis: () => 29_000,
} as unknown as LambdaContext;
