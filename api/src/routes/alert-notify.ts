import { Hono } from 'hono';
import { snoozeRequest, TurnoError, type Alert, type AlertNotify } from '@turno/shared';
import { getAlert } from '../alerts/alert-store.ts';
import { writeAudit } from '../audit/audit-log.ts';
import { requireRole } from '../auth/middleware.ts';
import { heldUntil } from '../notify/hold.ts';
import {
  listNotifications, readNotifyState, snooze, unsnooze,
} from '../notify/notify-store.ts';
import { minutesAfter } from '../notify/oncall.ts';
import { readRotation } from '../notify/oncall-store.ts';
import { readJson } from '../request.ts';
import type { AppDeps, AppEnv } from '../types.ts';

/** `/api/alerts/:id/notify` and `/snooze`: who was told, what comes next, snoozing. */
export function alertNotifyRoutes(deps: AppDeps): Hono<AppEnv> {
  const { statePool, config } = deps;
  const app = new Hono<AppEnv>();

  const notifyOf = async (alert: Alert): Promise<AlertNotify> => {
    const now = deps.now();
    const [state, notifications, held] = await Promise.all([
      readNotifyState(statePool, alert.id),
      listNotifications(statePool, alert.id),
      heldUntil(statePool, alert.id, now),
    ]);
    const snoozed = state?.snoozedUntil && state.snoozedUntil > now ? state : null;
    const pending = alert.state === 'open' ? state?.nextAt ?? null : null;
    return {
      alertId: alert.id,
      snoozedUntil: snoozed?.snoozedUntil?.toISOString() ?? null,
      snoozedBy: snoozed?.snoozedBy ?? null,
      heldUntil: alert.state === 'resolved' ? null : held?.toISOString() ?? null,
      nextStepAt: pending?.toISOString() ?? null,
      notifications,
    };
  };

  app.get('/:id/notify', async (c) => {
    const alert = await getAlert(statePool, config.dataSources, c.req.param('id'));
    return c.json(await notifyOf(alert));
  });

  app.put('/:id/snooze', requireRole('operator'), async (c) => {
    const alert = await getAlert(statePool, config.dataSources, c.req.param('id'));
    const { minutes } = await readJson(c, snoozeRequest, 'snooze_invalid');
    if (alert.state === 'resolved') throw new TurnoError('alert_already_resolved');
    if (alert.state === 'acknowledged') throw new TurnoError('alert_already_acknowledged');
    const { user, role } = c.get('principal');
    const now = deps.now();
    const until = minutesAfter(now, minutes);
    await snooze(statePool, alert.id, until, user);
    await writeAudit(statePool, {
      actor: user, role, action: 'alert.snooze', target: `alert/${alert.id}`,
      before: null, after: { snoozedUntil: until.toISOString(), minutes }, outcome: 'ok',
    }, now);
    return c.json(await notifyOf(alert));
  });

  app.delete('/:id/snooze', requireRole('operator'), async (c) => {
    const alert = await getAlert(statePool, config.dataSources, c.req.param('id'));
    const { user, role } = c.get('principal');
    const now = deps.now();
    const before = await readNotifyState(statePool, alert.id);
    const { repeatMinutes } = await readRotation(statePool);
    await unsnooze(statePool, alert.id, now, repeatMinutes);
    if (before?.snoozedUntil) {
      await writeAudit(statePool, {
        actor: user, role, action: 'alert.unsnooze', target: `alert/${alert.id}`,
        before: { snoozedUntil: before.snoozedUntil.toISOString() }, after: null, outcome: 'ok',
      }, now);
    }
    return c.json(await notifyOf(alert));
  });

  return app;
}
