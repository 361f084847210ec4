import { Hono } from 'hono';
import { devSessionRequest, TurnoError, type SessionResponse } from '@turno/shared';
import { readJson } from '../request.ts';
import type { AppDeps, AppEnv } from '../types.ts';
import { recordUser } from '../users/user-store.ts';

/**
 * POST /api/session/dev {"user"}: a token for a configured user, only where dev sign-in is on
 * and no Cognito user pool is: there the API accepts Cognito's tokens alone.
 */
export function sessionRoutes(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().post('/dev', async (c) => {
    const { config } = deps;
    if (!config.devSignIn || config.onLambda || config.auth.cognito) {
      throw new TurnoError('dev_sign_in_disabled');
    }
    const { user: typed } = await readJson(c, devSessionRequest);

    const user = devUserNamed(config.devUsers, typed);
    const role = user === undefined ? undefined : config.devUsers[user];
    if (!user || !role) throw new TurnoError('unknown_user');
    // Imported on use: jose stays out of the api's cold start (docs/benchmarks.md).
    const { issueToken } = await import('../auth/token.ts');
    const issued = await issueToken({ user, role }, deps.keys.jwtSecret, {
      ttlSeconds: config.sessionTtlSeconds, now: deps.now(),
    });

    await recordUser(deps.statePool, { user, role }, deps.now());
    c.var.log.info('session.issued', { user, role, kind: 'dev' });
    const body: SessionResponse = {
      token: issued.token, role, user, expiresAt: issued.expiresAt.toISOString(),
    };
    return c.json(body);
  });
}

/** The configured name "Operador " means: spaces around it and letter case do not count. */
function devUserNamed(users: Record<string, unknown>, typed: string): string | undefined {
  const wanted = typed.trim().toLowerCase();
  return Object.keys(users).find((name) => name.toLowerCase() === wanted);
}
