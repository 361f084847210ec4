import { Hono } from 'hono';
import {
  maintenanceRequest, TurnoError, type MaintenanceResources,
} from '@turno/shared';
import { writeAudit } from '../audit/audit-log.ts';
import { requireRole } from '../auth/middleware.ts';
import { addWindow, endWindow, listWindows } from '../notify/maintenance-store.ts';
import { resolveNames, resourceCatalog } from '../notify/resource-catalog.ts';
import { readJson } from '../request.ts';
import type { AppDeps, AppEnv } from '../types.ts';

/**
 * `/api/maintenance`: windows that hold alerts for named resources, and the resources a window
 * may name. Everyone reads them; an admin creates one (naming known resources only) or ends it
 * (a future one is cancelled).
 */
export function maintenanceRoutes(deps: AppDeps): Hono<AppEnv> {
  const { statePool } = deps;
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => c.json(await listWindows(statePool, deps.now())));

  app.get('/resources', async (c) => {
    const { entries, complete } = await resourceCatalog(deps);
    const body: MaintenanceResources = {
      resources: entries.map(({ name, kind, aliases }) => ({ name, kind, aliases })),
      complete,
    };
    return c.json(body);
  });

  app.post('/', requireRole('admin'), async (c) => {
    const request = await readJson(c, maintenanceRequest, 'maintenance_invalid');
    const { user, role } = c.get('principal');
    const now = deps.now();
    const catalog = await resourceCatalog(deps);
    const { entries, unknown } = resolveNames(catalog.entries, request.resources);
    if (unknown.length > 0) {
      // A name the cloud could not list now may exist: say so rather than call it unknown.
      throw catalog.complete
        ? new TurnoError('maintenance_unknown_resource', undefined, { names: unknown })
        : new TurnoError('cloud_unavailable');
    }
    const created = await addWindow(statePool, {
      ...request,
      resources: entries.map((entry) => entry.name),
      covers: entries.flatMap((entry) => entry.covers),
    }, user, now);
    await writeAudit(statePool, {
      actor: user, role, action: 'maintenance.add', target: `maintenance/${created.id}`,
      before: null, after: created, outcome: 'ok',
    }, now);
    c.get('log').info('maintenance.added', { id: created.id, resources: created.resources });
    return c.json(created, 201);
  });

  app.delete('/:id', requireRole('admin'), async (c) => {
    const { user, role } = c.get('principal');
    const now = deps.now();
    const ended = await endWindow(statePool, c.req.param('id'), user, now);
    if (!ended) throw new TurnoError('maintenance_not_found');
    await writeAudit(statePool, {
      actor: user, role, action: 'maintenance.end', target: `maintenance/${ended.before.id}`,
      before: ended.before, after: ended.after, outcome: 'ok',
    }, now);
    return c.json({ window: ended.after });
  });

  return app;
}
