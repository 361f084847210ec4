import type { Hono } from 'hono';
import type { AppDeps, AppEnv } from './types.ts';

export type Routes = (deps: AppDeps) => Hono<AppEnv>;

/** The routes of one path segment under /api: those open to anyone, then those behind a token. */
export interface RouteGroup {
  open: Routes[];
  guarded: Routes[];
}

const open = (...routes: Routes[]): RouteGroup => ({ open: routes, guarded: [] });
const guarded = (...routes: Routes[]): RouteGroup => ({ open: [], guarded: routes });

/**
 * Every route group by its segment (`/api/<segment>/…`), each imported on its first request,
 * so a Lambda cold start loads only the routes it serves (docs/benchmarks.md).
 */
export const routeGroups = new Map<string, () => Promise<RouteGroup>>([
  ['health', async () => open((await import('./routes/health.ts')).healthRoutes)],
  ['client-config', async () => {
    const { clientConfigRoutes } = await import('./routes/client-config.ts');
    return open(clientConfigRoutes);
  }],
  ['session', async () => open((await import('./routes/session.ts')).sessionRoutes)],
  ['push', async () => {
    const [push, health] = await Promise.all([
      import('./routes/push.ts'), import('./routes/push-health.ts'),
    ]);
    return { open: [push.pushKeyRoutes], guarded: [push.pushRoutes, health.pushHealthRoutes] };
  }],
  ['diagnose', async () => {
    const { diagnoseRoutes } = await import('./routes/diagnose.ts');
    return guarded(() => diagnoseRoutes());
  }],
  ['sync-errors', async () => guarded((await import('./routes/sync-errors.ts')).syncErrorsRoutes)],
  ['alerts', async () => {
    const [alerts, notify] = await Promise.all([
      import('./routes/alerts.ts'), import('./routes/alert-notify.ts'),
    ]);
    return guarded(alerts.alertsRoutes, notify.alertNotifyRoutes);
  }],
  ['oncall', async () => guarded((await import('./routes/oncall.ts')).oncallRoutes)],
  ['maintenance', async () => {
    const { maintenanceRoutes } = await import('./routes/maintenance.ts');
    return guarded(maintenanceRoutes);
  }],
  ['quiet-hours', async () => guarded((await import('./routes/quiet-hours.ts')).quietHoursRoutes)],
  ['schedules', async () => guarded((await import('./routes/schedules.ts')).schedulesRoutes)],
  ['audit', async () => guarded((await import('./routes/audit.ts')).auditRoutes)],
  ['databases', async () => guarded((await import('./routes/databases.ts')).databasesRoutes)],
  ['instances', async () => guarded((await import('./routes/instances.ts')).instancesRoutes)],
  ['cron-host', async () => guarded((await import('./routes/cron-host.ts')).cronHostRoutes)],
  ['logs', async () => guarded((await import('./routes/logs.ts')).logsRoutes)],
  ['status', async () => guarded((await import('./routes/status.ts')).statusRoutes)],
  ['whatsapp', async () => guarded((await import('./routes/whatsapp.ts')).whatsappRoutes)],
  ['drills', async () => guarded((await import('./routes/drills.ts')).drillsRoutes)],
]);
