import { Hono } from 'hono';
import type { HealthResponse } from '@turno/shared';
import type { AppDeps, AppEnv } from '../types.ts';
import { errorFields } from '../log.ts';

const pingTimeoutMs = 2000;

/** GET /api/health, public: whether Turno can reach its own database, and what it runs on. */
export function healthRoutes(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/', async (c) => {
    const ok = await ping(deps).then(() => true, (error: unknown) => {
      c.var.log.warn('health.database_unreachable', errorFields(error));
      return false;
    });
    const body: HealthResponse = {
      ok,
      cloud: deps.cloud.kind,
      database: deps.config.databaseMode,
      version: deps.config.version,
    };
    return c.json(body, ok ? 200 : 503);
  });
}

async function ping(deps: AppDeps): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('ping timed out')), pingTimeoutMs);
  });
  try {
    await Promise.race([deps.statePool.query('SELECT 1'), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
