import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { devTokenVerifier } from '../auth/token.ts';
import { verifyBearer } from '../auth/verify-bearer.ts';
import { loadConfig } from '../config.ts';
import { createTestDeps, testConfig, type TestDeps } from '../testing/index.ts';

function signInAs(app: ReturnType<typeof createApp>, body: unknown) {
  return app.request('/api/session/dev', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
}

describe('POST /api/session/dev', () => {
  let deps: TestDeps;
  beforeAll(async () => {
    deps = await createTestDeps();
  });
  afterAll(async () => {
    await deps.close();
  });

  it.each([
    ['operador', 'operator'], ['observador', 'viewer'], ['admin', 'admin'],
  ])('signs %s in with the %s role', async (user, role) => {
    const app = createApp(deps);

    const response = await signInAs(app, { user });
    const body = await response.json() as { token: string; role: string; expiresAt: string };

    expect(response.status).toBe(200);
    expect(body).toMatchObject({ user, role });
    expect(await verifyBearer(`Bearer ${body.token}`, devTokenVerifier(deps.keys.jwtSecret)))
      .toEqual({ user, role });
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());
  });

  it('signs in a configured user typed with spaces around it and other letter case', async () => {
    const app = createApp(deps);

    const response = await signInAs(app, { user: ' Operador ' });
    const body = await response.json() as { token: string; user: string; role: string };

    expect(response.status).toBe(200);
    expect(body).toMatchObject({ user: 'operador', role: 'operator' });
    expect(await verifyBearer(`Bearer ${body.token}`, devTokenVerifier(deps.keys.jwtSecret)))
      .toEqual({ user: 'operador', role: 'operator' });
  });

  it('records the user and role it signed in', async () => {
    const app = createApp(deps);

    await signInAs(app, { user: 'observador' });

    const { rows } = await deps.statePool.query(
      `SELECT role FROM turno.users WHERE user_name = 'observador'`,
    );
    expect(rows).toEqual([{ role: 'viewer' }]);
  });

  it('refuses a user who is not configured with 403 unknown_user', async () => {
    const app = createApp(deps);

    const response = await signInAs(app, { user: 'intruso' });

    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'unknown_user' } });
  });

  it('does not treat inherited object keys as users', async () => {
    const app = createApp(deps);

    const response = await signInAs(app, { user: 'constructor' });

    expect(response.status).toBe(403);
  });

  it('answers 403 dev_sign_in_disabled when dev sign-in is off', async () => {
    const app = createApp({ ...deps, config: testConfig({ devSignIn: false }) });

    const response = await signInAs(app, { user: 'admin' });

    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'dev_sign_in_disabled' } });
  });

  it('answers 403 dev_sign_in_disabled where a Cognito user pool is configured', async () => {
    const { auth } = loadConfig({
      COGNITO_USER_POOL_ID: 'us-east-1_AbC123xyz', COGNITO_CLIENT_ID: '4tq1abcdefghijklmnop0123',
      COGNITO_DOMAIN: 'turno.auth.us-east-1.amazoncognito.com',
    }).app;
    const app = createApp({ ...deps, config: testConfig({ auth }) });

    const response = await signInAs(app, { user: 'admin' });

    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: { code: 'dev_sign_in_disabled' } });
  });

  it('answers 400 validation_failed when the user is missing', async () => {
    const app = createApp(deps);

    const response = await signInAs(app, { name: 'admin' });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'validation_failed' } });
  });
});
