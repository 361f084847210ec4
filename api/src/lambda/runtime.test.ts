import {
  GetSecretValueCommand, SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { recordingLogger } from '../push/testing/recording-logger.ts';
import { sdkSecretReader } from '../secrets-sdk.ts';
import { createTestDatabase } from '../testing/index.ts';
import type { AppDeps } from '../types.ts';
import { createLambdaDeps } from './runtime.ts';

const arn = (name: string) => `arn:aws:secretsmanager:us-east-1:111122223333:secret:${name}`;
const vapid = { publicKey: 'BPublicFromSecretsManager', privateKey: 'privateFromSecretsManager' };

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function setUp() {
  const database = await createTestDatabase();
  const url = new URL(database.url);
  url.password = '';
  const config = loadConfig({
    AWS_LAMBDA_FUNCTION_NAME: 'turno-api', DATABASE_URL: url.toString(), TURNO_CLOUD: 'sandbox',
    DATABASE_SECRET_ARN: arn('turno/database'), VAPID_SECRET_ARN: arn('turno/vapid'),
  });
  const client = new SecretsManagerClient({ region: 'us-east-1' });
  const mock = mockClient(client);
  mock.on(GetSecretValueCommand, { SecretId: arn('turno/database') })
    .resolves({ SecretString: JSON.stringify({ username: 'postgres', password: 'from-secret' }) });
  mock.on(GetSecretValueCommand, { SecretId: arn('turno/vapid') })
    .resolves({ SecretString: JSON.stringify(vapid) });
  const secrets = sdkSecretReader(client);
  const built: AppDeps[] = [];
  cleanups.push(async () => {
    await Promise.allSettled(built.flatMap((deps) => [deps.statePool.end(), deps.upPool.end()]));
    await database.drop();
  });
  const start = async () => {
    const log = recordingLogger();
    const deps = await createLambdaDeps(config, log, { migrate: true, secrets });
    built.push(deps);
    return { deps, log };
  };
  return { start, mock };
}

describe('a Lambda container', () => {
  it('logs in with the database secret and pushes with the secret VAPID pair', async () => {
    const { start, mock } = await setUp();

    const { deps } = await start();

    const { connectionString } = deps.statePool.options;
    expect(new URL(connectionString ?? '').password).toBe('from-secret');
    const { rows } = await deps.statePool.query<{ user: string }>('SELECT current_user AS user');
    expect(rows[0]?.user).toBe('postgres');
    expect(deps.keys.vapid).toEqual({ ...vapid, subject: deps.config.vapidSubject });
    expect(mock.commandCalls(GetSecretValueCommand)).toHaveLength(2);
    expect(deps.statePool.options.max).toBe(2);
    expect(deps.cloud.kind).toBe('sandbox');
  });

  it('migrates a new database once, and leaves a current one alone', async () => {
    const { start } = await setUp();

    const first = await start();
    const second = await start();

    const ready = (lines: typeof first.log.lines) =>
      lines.find((line) => line.event === 'lambda.ready')?.context;
    expect(ready(first.log.lines)).toMatchObject({ migrated: true });
    expect(ready(second.log.lines)).toMatchObject({ migrated: false });
    const { rows } = await second.deps.statePool.query('SELECT name FROM turno.pgmigrations');
    expect(rows.length).toBeGreaterThan(0);
  });
});
