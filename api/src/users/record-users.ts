import { createMiddleware } from 'hono/factory';
import { errorFields } from '../log.ts';
import type { AppDeps, AppEnv } from '../types.ts';
import { recordUser } from './user-store.ts';

/** A person seen with the same role this recently is not written again. */
const rewriteAfterMs = 10 * 60_000;

/**
 * Records who calls the API and with which role (after `requireAuth`), so the on-call screen
 * knows Cognito's users. Each app remembers whom it wrote lately; a new role is written at once.
 * A failed write is logged and the request goes on.
 */
export function recordUsers(deps: AppDeps) {
  const written = new Map<string, { role: string; at: number }>();
  return createMiddleware<AppEnv>(async (c, next) => {
    const principal = c.get('principal');
    const now = deps.now();
    const last = written.get(principal.user);
    if (!last || last.role !== principal.role || now.getTime() - last.at >= rewriteAfterMs) {
      try {
        await recordUser(deps.statePool, principal, now);
        written.set(principal.user, { role: principal.role, at: now.getTime() });
      } catch (error) {
        c.get('log').warn('users.record_failed', errorFields(error));
      }
    }
    await next();
  });
}
