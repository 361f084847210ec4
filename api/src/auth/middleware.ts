import { createMiddleware } from 'hono/factory';
import { TurnoError, type Role } from '@turno/shared';
import type { AppEnv } from '../types.ts';
import { verifyToken } from './token.ts';

const rank: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };

/** True when `role` is `min` or above it (viewer < operator < admin). */
export function hasRole(role: Role, min: Role): boolean {
  return rank[role] >= rank[min];
}

/**
 * Needs `Authorization: Bearer <token>` and sets `principal`; 401 `unauthenticated` or
 * `invalid_token` otherwise.
 */
export function requireAuth(secret: Uint8Array, now: () => Date = () => new Date()) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) throw new TurnoError('unauthenticated');
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new TurnoError('invalid_token');

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
