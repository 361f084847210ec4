import { createMiddleware } from 'hono/factory';
import { roleSchema, TurnoError, type Role } from '@turno/shared';
import type { AppEnv, Principal } from '../types.ts';

const rank: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };

/** True when `role` is `min` or above it (viewer < operator < admin). */
export function hasRole(role: Role, min: Role): boolean {
  return rank[role] >= rank[min];
}

/**
 * The principal the Lambda authorizer put in the API Gateway event (`hono/aws-lambda` passes
 * the event as `c.env.event`); null when the request came through API Gateway without one,
 * undefined when it did not come through API Gateway at all.
 */
function authorizerPrincipal(env: unknown): Principal | null | undefined {
  const event = (env as { event?: { requestContext?: unknown } } | undefined)?.event;
  if (!event?.requestContext) return undefined;
  const { authorizer } = event.requestContext as { authorizer?: { lambda?: unknown } };
  const { user, role } = (authorizer?.lambda ?? {}) as { user?: unknown; role?: unknown };
  const parsed = roleSchema.safeParse(role);
  return typeof user === 'string' && user && parsed.success ? { user, role: parsed.data } : null;
}

/**
 * Needs `Authorization: Bearer <token>` and sets `principal`; 401 `unauthenticated` or
 * `invalid_token` otherwise. On Lambda the authorizer has already checked the token, and only
 * the user and role it passed on count.
 */
export function requireAuth(secret: Uint8Array, now: () => Date = () => new Date()) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const fromAuthorizer = authorizerPrincipal(c.env);
    if (fromAuthorizer === null) throw new TurnoError('unauthenticated');
    if (fromAuthorizer) {
      c.set('principal', fromAuthorizer);
      c.set('log', c.var.log.child('http', { user: fromAuthorizer.user }));
      await next();
      return;
    }
    const header = c.req.header('authorization');
    if (!header) throw new TurnoError('unauthenticated');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new TurnoError('invalid_token');

    // Imported on use: jose stays out of the api's cold start (docs/benchmarks.md).
    const { verifyToken } = await import('./token.ts');
    const principal = await verifyToken(match[1], secret, now());
    c.set('principal', principal);
    c.set('log', c.var.log.child('http', { user: principal.user }));
    await next();
  });
}

/** Lets the request through only for `min` and above; 403 `forbidden` otherwise. */
export function requireRole(min: Role) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const principal = c.get('principal');
    if (!principal) throw new TurnoError('unauthenticated');
    if (!hasRole(principal.role, min)) {
      throw new TurnoError('forbidden', undefined, { required: min });
    }
    await next();
  });
}
