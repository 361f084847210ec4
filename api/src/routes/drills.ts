import { Hono } from 'hono';
import { drillRequest, TurnoError, type DrillsResponse, type DrillView } from '@turno/shared';
import { writeAudit } from '../audit/audit-log.ts';
import { requireRole } from '../auth/middleware.ts';
import {
  drillAvailable, drills, findDrill, readDrillStates, setDrill, type Drill, type DrillState,
} from '../probes/drills.ts';
import { readJson } from '../request.ts';
import type { AppDeps, AppEnv } from '../types.ts';

function view(drill: Drill, state: DrillState): DrillView {
  return {
    name: drill.name, probe: drill.probe, title: drill.title, description: drill.description,
    ...state,
  };
}

/**
 * `/api/drills`: the sandbox's Simulacros. Anyone signed in sees them; an operator turns one
 * on or off, which is audited. Outside the sandbox cloud there is nothing to break.
 */
export function drillsRoutes(deps: AppDeps): Hono<AppEnv> {
  const sandbox = () => deps.cloud.kind === 'sandbox';

  return new Hono<AppEnv>()
    .get('/', async (c) => {
      if (!sandbox()) return c.json({ sandbox: false, drills: [] } satisfies DrillsResponse);
      const on = await readDrillStates(deps.statePool);
      const body: DrillsResponse = {
        sandbox: true,
        drills: drills.filter((drill) => drillAvailable(deps, drill)).map((drill) => {
          const since = on[drill.name]?.since ?? null;
          return view(drill, { on: since !== null, since });
        }),
      };
      return c.json(body);
    })
    .post('/:name', requireRole('operator'), async (c) => {
      if (!sandbox()) throw new TurnoError('drills_sandbox_only');
      const drill = findDrill(c.req.param('name'));
      if (!drill) throw new TurnoError('drill_not_found');
      // A drill that writes Sync_error rows needs the sandbox's own table, never UP's.
      if (!drillAvailable(deps, drill)) throw new TurnoError('drills_sandbox_only');
      const { on } = await readJson(c, drillRequest);
      const principal = c.get('principal');
      const now = deps.now();
      const { before, after } = await setDrill(deps, drill, on, now);
      await writeAudit(deps.statePool, {
        actor: principal.user, role: principal.role, action: on ? 'drill.on' : 'drill.off',
        target: drill.name, before, after, outcome: 'ok',
      }, now);
      c.get('log').info('drill.set', { drill: drill.name, on });
      return c.json({ drill: view(drill, after) });
    });
}
