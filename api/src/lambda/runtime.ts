import type pg from 'pg';
import type { RuntimeConfig } from '../config.ts';
import { createAwsCloud } from '../cloud/aws/index.ts';
import type { Cloud } from '../cloud/types.ts';
import { loadJwtSecret } from '../db/jwt-secret.ts';
import { createStatePool, createUpPool } from '../db/pools.ts';
import { createSubscriptionStore } from '../db/subscriptions.ts';
import type { VapidKeys } from '../push/types.ts';
import type { SecretReader } from '../secrets.ts';
import type { AppDeps, Logger } from '../types.ts';
import { lazyPusher } from './lazy-pusher.ts';
import { migrateIfBehind } from './migrations.ts';
import { fitForLambda, lambdaPoolMax } from './pool.ts';

export interface LambdaDepsOptions {
  /** Brings schema `turno` up to date when behind (node-pg-migrate's lock keeps two apart). */
  migrate: boolean;
  /** Tests hand in a reader over a mocked client; otherwise `openSecretReader` picks one. */
  secrets?: SecretReader;
}

/**
 * AppDeps for one Lambda container: the RDS primary for Turno's schema and the replica for
 * Sync_error, credentials and the VAPID pair from Secrets Manager, small pools fit for a
 * container that is frozen between invocations, and the AWS cloud when configured.
 */
export async function createLambdaDeps(
  config: RuntimeConfig, log: Logger, options: LambdaDepsOptions,
): Promise<AppDeps> {
  const { databaseUrl, secrets: arns } = config;
  if (!databaseUrl) throw new Error('No state database URL');
  const secrets = await openSecrets(config, options.secrets);
  // Asked for beside the database's secret, not after the migrations: one round trip fewer.
  const vapidPair = secrets && arns.vapid ? secrets.vapid(arns.vapid) : undefined;
  // Awaited below; should the start fail before that, this failure is not the one to report.
  vapidPair?.catch(() => undefined);
  const [stateUrl, upUrl] = await Promise.all([
    secrets?.databaseUrl(databaseUrl, arns.database) ?? databaseUrl,
    secrets?.databaseUrl(config.upDatabaseUrl ?? databaseUrl, arns.upDatabase)
      ?? config.upDatabaseUrl ?? databaseUrl,
  ]);
  const statePool = fitForLambda(createStatePool(stateUrl, { max: lambdaPoolMax }), log, 'state');
  const upPool = fitForLambda(createUpPool(upUrl, config.app, lambdaPoolMax), log, 'up');

  const migrated = options.migrate && await migrateIfBehind(statePool, log);
  const subject = config.app.vapidSubject;
  const [jwtSecret, vapid, cloud] = await Promise.all([
    loadJwtSecret(statePool),
    vapidPair
      ? vapidPair.then((pair): VapidKeys => ({ ...pair, subject }))
      : import('../db/vapid.ts').then(({ loadVapidKeys }) => loadVapidKeys(statePool, subject)),
    createCloud(config, log, statePool),
  ]);
  const pusher = lazyPusher({
    store: createSubscriptionStore(statePool), vapid, ttlSeconds: config.app.pushTtlSeconds, log,
  });
  log.info('lambda.ready', { cloud: cloud.kind, migrated });
  return {
    config: config.app, statePool, upPool, cloud, pusher, log, now: () => new Date(),
    keys: { jwtSecret, vapid },
  };
}

interface LambdaSecrets {
  databaseUrl(url: string, arn: string | undefined): Promise<string>;
  vapid(arn: string): Promise<Omit<VapidKeys, 'subject'>>;
}

/** The secrets' reader (extension or SDK client) is loaded only when some secret is set. */
async function openSecrets(
  config: RuntimeConfig, given: SecretReader | undefined,
): Promise<LambdaSecrets | undefined> {
  if (!given && !Object.values(config.secrets).some(Boolean)) return undefined;
  const secrets = await import('../secrets.ts');
  const opened = given ?? await secrets.openSecretReader(config.aws?.region);
  return {
    databaseUrl: (url, arn) => secrets.withDatabaseCredentials(opened, url, arn),
    vapid: (arn) => secrets.loadVapidSecret(opened, arn),
  };
}

/** The AWS cloud when configured; else the sandbox, every change kept in Turno's schema. */
async function createCloud(config: RuntimeConfig, log: Logger, pool: pg.Pool): Promise<Cloud> {
  if (config.aws) return createAwsCloud(config.aws, log);
  const { openPersistedSandbox } = await import('../cloud/sandbox-store.ts');
  return openPersistedSandbox(pool);
}
