import { Hono } from 'hono';
import { growStorageRequest } from '@turno/shared';
import { runGrowStorage } from '../actions/grow-storage.ts';
import { callRds } from '../actions/grow-storage-errors.ts';
import { listDatabaseViews } from '../actions/grow-storage-view.ts';
import { requireRole } from '../auth/middleware.ts';
import { databaseThresholds } from '../probes/infra/config.ts';
import { readJson } from '../request.ts';
import type { AppDeps, AppEnv } from '../types.ts';

/**
 * `/api/databases`: both RDS instances with their metrics, the thresholds that flag them, and
 * growing one's storage (admin).
 */
export function databasesRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const databases = await callRds(
      () => listDatabaseViews(deps.cloud.rds, deps.statePool, deps.now(), c.var.log),
    );
    return c.json(databases);
  });

  // The list stays a bare array, as other tools read it; the thresholds come apart, once.
  app.get('/thresholds', (c) => c.json(databaseThresholds(deps.config.infra.rds)));

  app.post('/:id/grow-storage', requireRole('admin'), async (c) => {
    const { targetGiB, confirm } = await readJson(c, growStorageRequest);
    const result = await runGrowStorage(deps, {
      principal: c.get('principal'),
      id: c.req.param('id'),
      targetGiB,
      confirm,
      idempotencyKey: c.req.header('idempotency-key'),
    });
    return c.json(result);
  });

  return app;
}
