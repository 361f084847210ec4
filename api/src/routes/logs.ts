import { Hono } from 'hono';
import {
  logErrorsQuery, logRetentionRequest, type LogErrorsResponse, type LogRetention,
} from '@turno/shared';
import { setLogRetention } from '../actions/log-retention.ts';
import { requireRole } from '../auth/middleware.ts';
import { readJson, readQuery } from '../request.ts';
import type { AppDeps, AppEnv } from '../types.ts';

/** `/api/logs`: the app's last error lines and the log group's autolimpieza (retention). */
export function logsRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const logs = deps.cloud.logs;

  app.get('/errors', async (c) => {
    const { limit } = readQuery(c, logErrorsQuery);
    const { lines, windowHours, partial } = await logs.recentErrors(limit);
    const body: LogErrorsResponse = { group: logs.groupName, windowHours, partial, lines };
    return c.json(body);
  });

  app.get('/retention', async (c) => {
    const body: LogRetention = { group: logs.groupName, days: await logs.getRetention() };
    return c.json(body);
  });

  app.put('/retention', requireRole('admin'), async (c) => {
    const { days } = await readJson(c, logRetentionRequest);
    const result = await setLogRetention(deps, {
      principal: c.get('principal'),
      days,
      idempotencyKey: c.req.header('idempotency-key'),
    });
    return c.json(result);
  });

  return app;
}
