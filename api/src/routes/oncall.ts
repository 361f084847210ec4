import { Hono } from 'hono';
import {
  oncallTimeZone, overrideRequest, rotationRequest, TurnoError, type OncallResponse,
} from '@turno/shared';
import { writeAudit } from '../audit/audit-log.ts';
import { requireRole } from '../auth/middleware.ts';
import { oncallPeople, requireResponders } from '../notify/oncall-people.ts';
import {
  addOverride, planOf, removeOverride, saveRotation,
} from '../notify/oncall-store.ts';
import { oncallAt } from '../notify/oncall.ts';
import { readJson } from '../request.ts';
import type { AppDeps, AppEnv } from '../types.ts';

/** Weeks the on-call screen lists ahead. */
const weeksShown = 8;

/** `/api/oncall`: who is on call now, the weekly rotation and its overrides. */
export function oncallRoutes(deps: AppDeps): Hono<AppEnv> {
  const { statePool } = deps;
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const now = deps.now();
    const context = await oncallAt(statePool, now);
    // Imported on use: luxon stays out of the api's cold start (docs/benchmarks.md).
    const { upcomingWeeks } = await import('../notify/rotation.ts');
    const people = await oncallPeople(deps, [
      ...context.rotation.members, ...context.overrides.map((o) => o.user),
    ]);
    const body: OncallResponse = {
      timeZone: oncallTimeZone,
      now: {
        user: context.onCall.user,
        source: context.onCall.source,
        until: context.onCall.until?.toISOString() ?? null,
      },
      escalation: context.chain,
      rotation: context.rotation,
      weeks: upcomingWeeks(now, planOf(context.rotation), weeksShown),
      overrides: context.overrides,
      knownUsers: people.responders,
      cannotAcknowledge: [...people.unknown, ...people.cannotAcknowledge],
    };
    return c.json(body);
  });

  app.put('/rotation', requireRole('admin'), async (c) => {
    const request = await readJson(c, rotationRequest, 'rotation_invalid');
    await requireResponders(deps, request.members);
    const { user, role } = c.get('principal');
    const now = deps.now();
    const before = (await oncallAt(statePool, now)).rotation;
    const rotation = await saveRotation(statePool, request, user, now);
    await writeAudit(statePool, {
      actor: user, role, action: 'oncall.rotation', target: 'oncall/rotation',
      before: { ...before, updatedAt: undefined }, after: { ...rotation, updatedAt: undefined },
      outcome: 'ok',
    }, now);
    return c.json(rotation);
  });

  app.post('/overrides', requireRole('admin'), async (c) => {
    const request = await readJson(c, overrideRequest, 'override_invalid');
    await requireResponders(deps, [request.user]);
    const { user, role } = c.get('principal');
    const created = await addOverride(statePool, request, user);
    await writeAudit(statePool, {
      actor: user, role, action: 'oncall.override.add', target: `oncall/override/${created.id}`,
      before: null, after: created, outcome: 'ok',
    }, deps.now());
    return c.json(created, 201);
  });

  app.delete('/overrides/:id', requireRole('admin'), async (c) => {
    const { user, role } = c.get('principal');
    const removed = await removeOverride(statePool, c.req.param('id'));
    if (!removed) throw new TurnoError('override_not_found');
    await writeAudit(statePool, {
      actor: user, role, action: 'oncall.override.remove',
      target: `oncall/override/${removed.id}`, before: removed, after: null, outcome: 'ok',
    }, deps.now());
    return c.json({ removed: true });
  });

  return app;
}
