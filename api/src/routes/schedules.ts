import { Hono } from 'hono';
import { requireRole } from '../auth/middleware.ts';
import { runScheduleAction } from '../actions/schedule-action.ts';
import { listScheduleViews } from '../actions/schedule-view.ts';
import { parseIdempotencyKey, TurnoError } from '@turno/shared';
import { callCloud } from '../cloud/errors.ts';
import type { AppDeps, AppEnv } from '../types.ts';

/** EventBridge Scheduler's pattern for schedule and group names. */
const scheduleName = /^[0-9a-zA-Z._-]{1,64}$/;

/** `/api/schedules`: list every schedule; pause or resume a managed one. */
export function schedulesRoutes(deps: AppDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const schedules = await callCloud(
      () => listScheduleViews(deps.cloud.scheduler, deps.config.managedSchedules, deps.now()),
    );
    return c.json(schedules);
  });

  for (const verb of ['pause', 'resume'] as const) {
    app.post(`/:group/:name/${verb}`, requireRole('operator'), async (c) => {
      const group = c.req.param('group');
      const name = c.req.param('name');
      // Names EventBridge could never hold are not looked up, nor written to the audit log.
      if (!scheduleName.test(group) || !scheduleName.test(name)) {
        throw new TurnoError('schedule_not_found');
      }
      const result = await runScheduleAction(deps, {
        principal: c.get('principal'),
        group,
        name,
        verb,
        idempotencyKey: parseIdempotencyKey(c.req.header('idempotency-key')),
      });
      return c.json(result);
    });
  }

  return app;
}
