import { generateKeyPairSync } from 'node:crypto';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import webPush from 'web-push';
import { apiEvent } from '../api/src/lambda/testing/api-event.ts';
import type { ColdStartCase } from './cold-start.ts';

const region = 'us-east-1';
const account = '111122223333';
const secretArn = (name: string) => `arn:aws:secretsmanager:${region}:${account}:secret:${name}`;
export const arns = {
  database: secretArn('turno/database-Ab12Cd'), vapid: secretArn('turno/vapid-Ef34Gh'),
};

/** The secrets the fakes serve (Secrets Manager, the extension): a login and a VAPID pair. */
export function benchSecrets(): Record<string, string> {
  const vapid = webPush.generateVAPIDKeys();
  return {
    [arns.database]: JSON.stringify({ username: 'postgres', password: 'bench-not-secret' }),
    [arns.vapid]: JSON.stringify({ publicKey: vapid.publicKey, privateKey: vapid.privateKey }),
  };
}

const userPoolId = `${region}_TurnoBench`;
const clientId = 'turnobenchclient';

/** The authorizer's first request: a Cognito-shaped access token, its JWKS preloaded. */
export async function authorizerCase(dir: string): Promise<ColdStartCase> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = 'bench-key';
  const { n, e } = publicKey.export({ format: 'jwk' });
  const jwks = { keys: [{ kty: 'RSA', n, e, kid, alg: 'RS256', use: 'sig' }] };
  const token = await new SignJWT({
    token_use: 'access', client_id: clientId, username: 'ana.lopez', 'cognito:groups': ['operator'],
  }).setProtectedHeader({ alg: 'RS256', kid })
    .setIssuer(`https://cognito-idp.${region}.amazonaws.com/${userPoolId}`)
    .setIssuedAt().setExpirationTime('2h').sign(privateKey);
  return {
    bundle: join(dir, 'index.mjs'),
    env: { COGNITO_USER_POOL_ID: userPoolId, COGNITO_CLIENT_ID: clientId },
    setUp: `bundle.verifier.cacheJwks(${JSON.stringify(jwks)});`,
    event: JSON.stringify({ type: 'REQUEST', headers: { authorization: `Bearer ${token}` } }),
    outcome: "result.isAuthorized ? 'allowed as ' + result.context.role : 'denied'",
    expect: 'allowed as operator',
  };
}

/** Where the bench's fake Parameters and Secrets extension listens, and the token it wants. */
export interface BenchExtension {
  port: number;
  token: string;
}

/** The AWS_SESSION_TOKEN the bench gives the Lambdas, and its fake extension expects. */
export const benchSessionToken = 'bench-only-session-token';

/**
 * What the api and the watcher read on Lambda: AWS mode, secrets, a database without password;
 * `endpoints` send the SDK's calls to the fake AWS (fake-aws.ts), and `extension`, when the
 * stack gives the function the secrets extension, is where its secrets are read instead.
 */
export function lambdaEnv(
  name: string, databaseUrl: string, endpoints: Record<string, string>,
  extension?: BenchExtension,
): Record<string, string> {
  return {
    AWS_LAMBDA_FUNCTION_NAME: `turno-${name}`,
    AWS_REGION: region,
    AWS_ACCESS_KEY_ID: 'AKIDBENCHONLY',
    AWS_SECRET_ACCESS_KEY: 'bench-only',
    ...endpoints,
    // As the stack's layer and Lambda set them.
    ...extension ? {
      PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: String(extension.port),
      AWS_SESSION_TOKEN: extension.token,
    } : {},
    TURNO_CLOUD: 'aws',
    CRON_INSTANCE_ID: 'i-0a1b2c3d4e5f60002',
    DATABASE_URL: databaseUrl,
    DATABASE_SECRET_ARN: arns.database,
    VAPID_SECRET_ARN: arns.vapid,
    LOG_LEVEL: 'warn',
  };
}

const context = (remainingMs: number) => `{ functionName: 'turno', awsRequestId: 'bench', `
  + `getRemainingTimeInMillis: () => ${remainingMs} }`;

/** How `/api/status` reads in the report: what Estado would show of the cloud. */
const statusOutcome = "'HTTP ' + result.statusCode + ', ' + ((body) => body.databases.length"
  + " + ' databases, ' + body.pausedSchedules.length + ' paused')(JSON.parse(result.body))";

/**
 * The api's first request: `GET /api/status` as a viewer the authorizer let through, the call
 * the PWA's home page (Estado) makes when a technician opens it. It reads the alerts and the
 * watcher from PostgreSQL, the instances from RDS, their metrics from CloudWatch and the
 * schedules from EventBridge Scheduler (served by fake-aws.ts), as on AWS.
 */
export function apiCase(dir: string, env: Record<string, string>): ColdStartCase {
  const principal = { user: 'ana.lopez', role: 'viewer' };
  const event = apiEvent('GET', '/api/status', { principal });
  return {
    bundle: join(dir, 'index.mjs'), env, event: JSON.stringify(event), context: context(29_000),
    outcome: statusOutcome,
    // Estado hides a cloud that fails: the counts show the SDK calls answered.
    expect: 'HTTP 200, 2 databases, 2 paused',
  };
}

/** The watcher's first invocation, cut to one pass over Sync_error by a short deadline. */
export function watcherCase(dir: string, env: Record<string, string>): ColdStartCase {
  return {
    bundle: join(dir, 'index.mjs'), env, context: context(20_001),
    outcome: "'runs ' + result.runs + ', failed ' + result.failed",
    expect: 'runs 1, failed 0',
  };
}
