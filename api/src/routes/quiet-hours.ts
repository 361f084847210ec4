import { Hono } from 'hono';
import { oncallTimeZone, quietHoursSchema } from '@turno/shared';
import { clearQuietHours, readQuietHours, saveQuietHours } from '../notify/quiet-store.ts';
import { readJson } from '../request.ts';
import type { AppDeps, AppEnv } from '../types.ts';

/** `/api/quiet-hours`: the caller's own quiet hours, Mexico City time. */
export function quietHoursRoutes(deps: AppDeps): Hono<AppEnv> {
  const { statePool } = deps;
  const answer = (quietHours: unknown) => ({ quietHours, timeZone: oncallTimeZone });

  return new Hono<AppEnv>()
    .get('/', async (c) => {
      return c.json(answer(await readQuietHours(statePool, c.get('principal').user)));
    })
    .put('/', async (c) => {
      const quiet = await readJson(c, quietHoursSchema, 'quiet_hours_invalid');
      const { user } = c.get('principal');
      await saveQuietHours(statePool, user, quiet, deps.now());
      c.get('log').info('quiet_hours.saved', { ...quiet });
      return c.json(answer(quiet));
    })
    .delete('/', async (c) => {
      await clearQuietHours(statePool, c.get('principal').user);
      return c.json(answer(null));
    });
}
