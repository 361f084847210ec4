import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { maxRequestBytes } from '@turno/shared';
import { accessLog } from './access-log.ts';
import { configuredVerifier } from './auth/configured-verifier.ts';
import { requireAuth } from './auth/middleware.ts';
import { handleError, notFound } from './errors.ts';
import { alertNotifyRoutes } from './routes/alert-notify.ts';
import { alertsRoutes } from './routes/alerts.ts';
import { auditRoutes } from './routes/audit.ts';
import { clientConfigRoutes } from './routes/client-config.ts';
import { cronHostRoutes } from './routes/cron-host.ts';
import { databasesRoutes } from './routes/databases.ts';
import { diagnoseRoutes } from './routes/diagnose.ts';
import { drillsRoutes } from './routes/drills.ts';
import { healthRoutes } from './routes/health.ts';
import { instancesRoutes } from './routes/instances.ts';
import { logsRoutes } from './routes/logs.ts';
import { maintenanceRoutes } from './routes/maintenance.ts';
import { oncallRoutes } from './routes/oncall.ts';
import { pushHealthRoutes } from './routes/push-health.ts';
import { pushKeyRoutes, pushRoutes } from './routes/push.ts';
import { quietHoursRoutes } from './routes/quiet-hours.ts';
import { schedulesRoutes } from './routes/schedules.ts';
import { sessionRoutes } from './routes/session.ts';
import { statusRoutes } from './routes/status.ts';
import { syncErrorsRoutes } from './routes/sync-errors.ts';
import { whatsappRoutes } from './routes/whatsapp.ts';
import type { AppDeps, AppEnv } from './types.ts';
import { recordUsers } from './users/record-users.ts';

/**
 * The whole API under `/api`: public health, client config, dev sign-in and VAPID key, then
 * everything else behind a bearer token. The local server and the Lambda handler both serve
 * this app.
 */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const api = new Hono<AppEnv>()
    .route('/health', healthRoutes(deps))
    .route('/client-config', clientConfigRoutes(deps))
    .route('/session', sessionRoutes(deps))
    .route('/push', pushKeyRoutes(deps));

  api.use('*', requireAuth(deps.tokens ?? configuredVerifier(deps)));
  api.use('*', recordUsers(deps));
  api
    .route('/diagnose', diagnoseRoutes())
    .route('/sync-errors', syncErrorsRoutes(deps))
    .route('/push', pushRoutes(deps))
    .route('/push', pushHealthRoutes(deps))
    .route('/alerts', alertsRoutes(deps))
    .route('/alerts', alertNotifyRoutes(deps))
    .route('/oncall', oncallRoutes(deps))
    .route('/maintenance', maintenanceRoutes(deps))
    .route('/quiet-hours', quietHoursRoutes(deps))
    .route('/schedules', schedulesRoutes(deps))
    .route('/audit', auditRoutes(deps))
    .route('/databases', databasesRoutes(deps))
    .route('/instances', instancesRoutes(deps))
    .route('/cron-host', cronHostRoutes(deps))
    .route('/logs', logsRoutes(deps))
    .route('/status', statusRoutes(deps))
    .route('/whatsapp', whatsappRoutes(deps))
    .route('/drills', drillsRoutes(deps))
    .all('*', notFound);

  const app = new Hono<AppEnv>();
  app.use('*', requestId());
  app.use('*', accessLog(deps.log));
  app.use('/api/*', bodyLimit({ maxSize: maxRequestBytes }));
  app.route('/api', api);
  app.onError(handleError(deps.log));
  app.notFound(notFound);
  return app;
}
