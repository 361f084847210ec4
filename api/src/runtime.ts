import { createAwsCloud } from './cloud/aws/index.ts';
import { openPersistedSandbox } from './cloud/sandbox-store.ts';
import type { RuntimeConfig } from './config.ts';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './db/embedded.ts';
import { createConnectionGate } from './db/gated-pool.ts';
import { loadJwtSecret } from './db/jwt-secret.ts';
import { runMigrations } from './db/migrate.ts';
import { createStatePool, createUpPool } from './db/pools.ts';
import { createSubscriptionStore } from './db/subscriptions.ts';
import { loadVapidKeys } from './db/vapid.ts';
import { createWebPushSender } from './push/sender.ts';
import type { AppDeps, Logger } from './types.ts';

export interface Runtime {
  deps: AppDeps;
  /** Ends the pools, then the embedded database when there is one. */
  close(): Promise<void>;
}

const statePoolMax = 8;
const upPoolMax = 2;

/**
 * Builds everything the app and the watcher share, from configuration: the embedded database
 * when no DATABASE_URL is set, migrations, keys, the cloud and the push sender.
 */
export async function createRuntime(config: RuntimeConfig, log: Logger): Promise<Runtime> {
  let embedded: EmbeddedDatabase | undefined;
  if (!config.databaseUrl) {
    embedded = await startEmbeddedDatabase({
      dataDir: config.dataDir, log, maxConnections: statePoolMax + upPoolMax + 8,
      port: config.embeddedDbPort,
    });
  }
  const stateUrl = config.databaseUrl ?? embedded?.url;
  if (!stateUrl) throw new Error('No state database URL');

  // PGlite is one backend: its pools share a gate so only one client at a time talks to it.
  const gate = embedded ? createConnectionGate() : undefined;
  const statePool = createStatePool(stateUrl, { max: embedded ? 1 : statePoolMax, gate });
  const upPool = createUpPool(config.upDatabaseUrl ?? stateUrl, config.app,
    embedded ? 1 : upPoolMax, gate);
  const close = async () => {
    await Promise.allSettled([statePool.end(), upPool.end()]);
    await embedded?.close();
  };
  statePool.on('error', (error) => log.warn('state_pool.idle_error', { error }));
  upPool.on('error', (error) => log.warn('up_pool.idle_error', { error }));

  try {
    await runMigrations(statePool, log);
    const jwtSecret = await loadJwtSecret(statePool);
    const vapid = await loadVapidKeys(statePool, config.app.vapidSubject);
    const cloud = config.aws
      ? createAwsCloud(config.aws, log)
      : await openPersistedSandbox(statePool);
    const pusher = createWebPushSender(createSubscriptionStore(statePool), vapid, {
      ttlSeconds: config.app.pushTtlSeconds, log,
    });
    log.info('runtime.ready', {
      database: config.app.databaseMode, cloud: cloud.kind, devSignIn: config.app.devSignIn,
    });
    const deps: AppDeps = {
      config: config.app, statePool, upPool, cloud, pusher, log, now: () => new Date(),
      keys: { jwtSecret, vapid },
    };
    return { deps, close };
  } catch (error) {
    await close();
    throw error;
  }
}
