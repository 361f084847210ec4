import { Hono } from 'hono';
import { requireRole } from '../auth/middleware.ts';
import { runScheduleAction } from '../actions/schedule-action.ts';
import { listScheduleViews } from '../actions/schedule-view.ts';
import { callCloud } from '../cloud/errors.ts';
import type { AppDeps, AppEnv } from '../types.ts';

/** `/api/schedules`: list every schedule; pause or resume a managed one. */
export function schedulesRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const schedules = await callCloud(
      () => listScheduleViews(deps.cloud.scheduler, deps.config.managedSchedules),
    );
    return c.json(schedules);
  });

  for (const verb of ['pause', 'resume'] as const) {
    app.post(`/:group/:name/${verb}`, requireRole('operator'), async (c) => {
      const result = await runScheduleAction(deps, {
        principal: c.get('principal'),
        group: c.req.param('group'),
        name: c.req.param('name'),
        verb,
        idempotencyKey: c.req.header('idempotency-key'),
      });
      return c.json(result);
    });
  }

  return app;
}
