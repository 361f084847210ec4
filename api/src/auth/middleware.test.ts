import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { Role } from '@turno/shared';
import { handleError } from '../errors.ts';
import { createLogger } from '../log.ts';
import type { AppEnv } from '../types.ts';
import { requireAuth, requireRole } from './middleware.ts';
import { devTokenVerifier, issueToken } from './token.ts';

function appWithOperatorRoute(key: Uint8Array) {
  const log = createLogger({ level: 'silent' });
  const app = new Hono<AppEnv>();
  app.use('*', async (c, next) => {
    c.set('log', log);
    await next();
  });
  app.use('*', requireAuth(devTokenVerifier(key)));
  app.post('/pause', requireRole('operator'), (c) => c.json({ by: c.var.principal.user }));
  app.onError(handleError(log));
  return app;
}

async function tokenFor(key: Uint8Array, user: string, role: Role) {
  return (await issueToken({ user, role }, key, { ttlSeconds: 60 })).token;
}

describe('requireAuth and requireRole', () => {
  it('answers 401 unauthenticated without an Authorization header', async () => {
    const app = appWithOperatorRoute(new Uint8Array(randomBytes(32)));

    const response = await app.request('/pause', { method: 'POST' });

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('answers 401 invalid_token for a header that is not a bearer token', async () => {
    const app = appWithOperatorRoute(new Uint8Array(randomBytes(32)));

    const response = await app.request('/pause', {
      method: 'POST', headers: { authorization: 'Basic b3BlcmFkb3I6eA==' },
    });

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_token' } });
  });

  it('lets an operator and an admin through and stops a viewer with 403 forbidden', async () => {
    const key = new Uint8Array(randomBytes(32));
    const app = appWithOperatorRoute(key);
    const call = async (user: string, role: Role) => app.request('/pause', {
      method: 'POST', headers: { authorization: `Bearer ${await tokenFor(key, user, role)}` },
    });

    const viewer = await call('observador', 'viewer');
    const operator = await call('operador', 'operator');
    const admin = await call('admin', 'admin');

    expect(viewer.status).toBe(403);
    expect(await viewer.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect(operator.status).toBe(200);
    expect(await operator.json()).toEqual({ by: 'operador' });
    expect(admin.status).toBe(200);
  });
});
