import type { Hono } from 'hono';
import { createSandboxCloud } from '../cloud/sandbox.ts';
import type { Cloud } from '../cloud/types.ts';
import { loadConfig } from '../config.ts';
import { loadJwtSecret } from '../db/jwt-secret.ts';
import { runMigrations } from '../db/migrate.ts';
import { createStatePool, createUpPool } from '../db/pools.ts';
import { loadVapidKeys } from '../db/vapid.ts';
import { createLogger, type LogLevel } from '../log.ts';
import type { Probe } from '../probes/types.ts';
import type { AlertPusher } from '../push/types.ts';
import type { AppConfig, AppDeps, AppEnv, Logger } from '../types.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';
import { createRecordingPusher } from './recording-pusher.ts';

export interface TestDepsOptions {
  config?: Partial<AppConfig>;
  cloud?: Cloud;
  pusher?: AlertPusher;
  log?: Logger;
  now?: () => Date;
  probes?: Probe[];
  /** Use this database instead of creating one (its Sync_error table must exist). */
  databaseUrl?: string;
}

export interface TestDeps extends AppDeps {
  /** The fresh database behind both pools, or undefined when `databaseUrl` was given. */
  database: TestDatabase | undefined;
  /** Ends both pools and drops the database this call created. */
  close(): Promise<void>;
}

/** The configuration a fresh local start would have, with dev sign-in on. */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return { ...loadConfig({ DEV_SIGN_IN: 'on' }).app, ...overrides };
}

/**
 * AppDeps over a new database on the real PostgreSQL server: migrated, with the runbook's
 * Sync_error rows, keys generated, a sandbox cloud and a recording pusher.
 */
export async function createTestDeps(options: TestDepsOptions = {}): Promise<TestDeps> {
  const database = options.databaseUrl ? undefined : await createTestDatabase();
  const url = options.databaseUrl ?? database?.url;
  if (!url) throw new Error('No test database');

  const config = testConfig(options.config);
  const log = options.log ?? createLogger({
    level: (process.env.LOG_LEVEL as LogLevel | undefined) ?? 'silent',
  });
  const statePool = createStatePool(url, { max: 4 });
  const upPool = createUpPool(url, config);
  // The database is dropped WITH (FORCE) right after pool.end(): a client still closing then
  // reports its terminated connection here instead of as an uncaught error.
  for (const pool of [statePool, upPool]) {
    pool.on('error', (error) => log.debug('test_pool.idle_error', { message: error.message }));
  }
  const close = async () => {
    await Promise.allSettled([statePool.end(), upPool.end()]);
    await database?.drop();
  };
  try {
    await runMigrations(statePool, log);
    const keys = {
      jwtSecret: await loadJwtSecret(statePool),
      vapid: await loadVapidKeys(statePool, config.vapidSubject),
    };
    return {
      config, statePool, upPool, log, keys, database, close,
      cloud: options.cloud ?? createSandboxCloud(),
      pusher: options.pusher ?? createRecordingPusher(),
      now: options.now ?? (() => new Date()),
      // Each test names the probes it exercises; the rest run none.
      probes: options.probes ?? [],
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Signs in through the dev sign-in route and returns the bearer token. */
export async function signIn(app: Hono<AppEnv>, user = 'operador'): Promise<string> {
  const response = await app.request('/api/session/dev', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${user}: ${response.status}`);
  const body = (await response.json()) as { token: string };
  return body.token;
}

/** `{ authorization: "Bearer …" }`, ready to spread into request headers. */
export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}
