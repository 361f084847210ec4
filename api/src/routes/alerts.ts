import { Hono } from 'hono';
import { alertsQuery } from '@turno/shared';
import {
  acknowledgeAlert, getAlert, listAlerts, resolveAlert,
} from '../alerts/alert-store.ts';
import { writeAudit } from '../audit/audit-log.ts';
import { runIdempotent } from '../audit/idempotency.ts';
import { cancelSteps } from '../notify/notify-store.ts';
import { requireRole } from '../auth/middleware.ts';
import { readQuery } from '../request.ts';
import type { AppDeps, AppEnv } from '../types.ts';

/** `/api/alerts`: list (optionally by state), one alert, acknowledge, resolve by hand. */
export function alertsRoutes(deps: AppDeps): Hono<AppEnv> {
  const { statePool, config } = deps;
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const { state } = readQuery(c, alertsQuery);
    const alerts = await listAlerts(statePool, config.dataSources, state && [state]);
    return c.json(alerts);
  });

  app.get('/:id', async (c) => {
    return c.json(await getAlert(statePool, config.dataSources, c.req.param('id')));
  });

  app.post('/:id/ack', requireRole('operator'), async (c) => {
    const { user, role } = c.get('principal');
    const id = c.req.param('id');
    const now = deps.now();
    const { alert } = await acknowledgeAlert(statePool, config.dataSources, id, user, now,
      async (client, before) => {
        // Whatever was pending for it stops: re-notifications and escalation steps.
        await cancelSteps(client, id);
        if (before.state !== 'open') return;
        await writeAudit(client, {
          actor: user, role, action: 'alert.ack', target: `alert/${id}`, before,
          after: { state: 'acknowledged', card: before.card }, outcome: 'ok',
        }, now);
      });
    c.get('log').info('alert.acknowledged', { alertId: alert.id, by: alert.acknowledgedBy });
    return c.json(alert);
  });

  app.post('/:id/resolve', requireRole('operator'), async (c) => {
    const { user, role } = c.get('principal');
    const id = c.req.param('id');
    const target = `alert/${id}`;
    const { body } = await runIdempotent(statePool, {
      actor: user, key: c.req.header('idempotency-key'), action: 'alert.resolve', target,
    }, async () => {
      const now = deps.now();
      const { alert } = await resolveAlert(statePool, config.dataSources, id, user, now,
        async (client, before) => {
          // Nothing stays pending for it: re-notifications and escalation steps.
          await cancelSteps(client, id);
          await writeAudit(client, {
            actor: user, role, action: 'alert.resolve', target, before,
            after: { state: 'resolved', card: before.card }, outcome: 'ok',
          }, now);
        });
      return alert;
    });
    c.get('log').info('alert.resolved', { alertId: body.id, by: body.resolvedBy });
    return c.json(body);
  });

  return app;
}
