import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { cognitoTokens } from './auth/cognito-verifier.ts';
import { cognitoToken, testCognitoVerifier } from './auth/testing/cognito-tokens.ts';
import { issueToken } from './auth/token.ts';
import { bearer, createTestDeps, signIn, type TestDeps } from './testing/index.ts';

describe('the API app', () => {
  let deps: TestDeps;
  beforeAll(async () => {
    deps = await createTestDeps();
  });
  afterAll(async () => {
    await deps.close();
  });

  const protectedRoutes: Array<[string, string]> = [
    ['POST', '/api/diagnose'],
    ['GET', '/api/sync-errors'],
    ['POST', '/api/push/subscribe'],
    ['POST', '/api/push/unsubscribe'],
    ['GET', '/api/alerts'],
    ['POST', '/api/alerts/1/ack'],
    ['GET', '/api/schedules'],
    ['POST', '/api/schedules/default/linde-mix-get-events/pause'],
    ['POST', '/api/schedules/default/linde-mix-get-events/resume'],
    ['GET', '/api/audit'],
    ['GET', '/api/status'],
  ];

  it.each([
    ['/api/alerts?state=open&state=resolved', ['state']],
    ['/api/audit?limit=5&limit=500', ['limit']],
    ['/api/sync-errors?limit=1&before=50&limit=200', ['limit']],
    ['/api/logs/errors?limit=2&limit=3', ['limit']],
  ])('answers GET %s with 400 query_parameter_repeated rather than pick one',
    async (path, names) => {
      const app = createApp(deps);
      const headers = bearer(await signIn(app, 'observador'));

      const response = await app.request(path, { headers });

      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: { code: 'query_parameter_repeated', details: { parameters: names } },
      });
    });

  it('answers health without a token, naming the cloud and database mode', async () => {
    const app = createApp(deps);

    const response = await app.request('/api/health');

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ok: true, cloud: 'sandbox', database: 'embedded', version: deps.config.version,
    });
  });

  it('gives the VAPID public key without a token', async () => {
    const app = createApp(deps);

    const response = await app.request('/api/push/key');

    expect(await response.json()).toEqual({ publicKey: deps.keys.vapid.publicKey });
  });

  it.each(protectedRoutes)('refuses %s %s with 401 unauthenticated without a token',
    async (method, path) => {
      const app = createApp(deps);

      const response = await app.request(path, { method });

      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
    });

  it.each(protectedRoutes)('refuses %s %s with 401 invalid_token for a forged token',
    async (method, path) => {
      const app = createApp(deps);
      const forged = await issueToken({ user: 'admin', role: 'admin' }, new Uint8Array(32), {
        ttlSeconds: 600,
      });

      const response = await app.request(path, { method, headers: bearer(forged.token) });

      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'invalid_token' } });
    });

  it.each(protectedRoutes)('refuses %s %s with 401 invalid_token for an expired token',
    async (method, path) => {
      const app = createApp(deps);
      const expired = await issueToken({ user: 'admin', role: 'admin' }, deps.keys.jwtSecret, {
        ttlSeconds: 60, now: new Date(Date.now() - 2 * 3600_000),
      });

      const response = await app.request(path, { method, headers: bearer(expired.token) });

      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: 'invalid_token' } });
    });

  it('serves a Cognito access token locally, by the authorizer\'s own check', async () => {
    const app = createApp({ ...deps, tokens: cognitoTokens(testCognitoVerifier()) });
    const operator = await cognitoToken({ groups: ['operator'] });
    const outsider = await cognitoToken({ groups: ['finance'] });

    const allowed = await app.request('/api/audit', { headers: bearer(operator) });
    const refused = await app.request('/api/audit', { headers: bearer(outsider) });

    expect(allowed.status).toBe(200);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ error: { code: 'invalid_token' } });
  });

  it('answers an unknown /api route with 404 not_found as JSON', async () => {
    const app = createApp(deps);
    const token = await signIn(app, 'observador');

    const response = await app.request('/api/nothing-here', { headers: bearer(token) });

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it.each([
    ['DELETE', '/api/audit', 'GET, HEAD'],
    ['GET', '/api/diagnose', 'POST'],
    ['PUT', '/api/alerts/7/ack', 'POST'],
    ['POST', '/api/logs/retention', 'GET, HEAD, PUT'],
  ])('answers %s %s with 405 method_not_allowed, allowing %s', async (method, path, allow) => {
    const app = createApp(deps);
    const token = await signIn(app, 'observador');

    const response = await app.request(path, { method, headers: bearer(token) });

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(allow);
    expect(await response.json()).toMatchObject({ error: { code: 'method_not_allowed' } });
  });

  it.each([
    ['POST', '/api/health', 'GET, HEAD'],
    ['GET', '/api/session/dev', 'POST'],
  ])('answers %s %s with 405 before sign-in, not "sign in"', async (method, path, allow) => {
    const response = await createApp(deps).request(path, { method });

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe(allow);
  });

  it('answers HEAD where GET is served', async () => {
    const response = await createApp(deps).request('/api/health', { method: 'HEAD' });

    expect(response.status).toBe(200);
  });

  it('still answers 404 for a path no method serves, in a group that exists', async () => {
    const app = createApp(deps);
    const token = await signIn(app, 'observador');

    const response = await app.request('/api/alerts/7/nothing', {
      method: 'POST', headers: bearer(token),
    });

    expect(response.status).toBe(404);
    expect(response.headers.get('allow')).toBeNull();
  });

  it.each([
    ['POST', '/api/push/unsubscribe', { endpoint: 'https://push.example/\u0000' }, 'endpoint'],
    ['POST', '/api/push/subscribe',
      { endpoint: 'https://push.example/a', keys: { p256dh: 'k\u0000', auth: 'a' } },
      'keys.p256dh'],
  ])('refuses U+0000 in a %s %s body with the route\'s 400, naming the field',
    async (method, path, body, at) => {
      const app = createApp(deps);
      const token = await signIn(app, 'operador');

      const response = await app.request(path, {
        method, body: JSON.stringify(body),
        headers: { ...bearer(token), 'content-type': 'application/json' },
      });

      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        error: { code: 'subscription_invalid', details: { issues: [{ path: at }] } },
      });
    });

  it('reads a body nested as deep as the size limit lets it without running out of stack',
    async () => {
      const app = createApp(deps);
      const token = await signIn(app, 'operador');
      const depth = 30_000;

      const response = await app.request('/api/diagnose', {
        method: 'POST', body: `${'['.repeat(depth)}"\u0000"${']'.repeat(depth)}`,
        headers: { ...bearer(token), 'content-type': 'application/json' },
      });

      expect(response.status).toBe(400);
    });

  it('refuses U+0000 in a path as 400 bad_request before it reaches a route', async () => {
    const app = createApp(deps);
    const token = await signIn(app, 'admin');

    const response = await app.request('/api/databases/x%00/grow-storage', {
      method: 'POST', headers: { ...bearer(token), 'content-type': 'application/json' },
      body: JSON.stringify({ confirm: 'x' }),
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'bad_request' } });
  });

  it('answers a body that is not JSON with 400 invalid_json', async () => {
    const app = createApp(deps);
    const token = await signIn(app);

    const response = await app.request('/api/diagnose', {
      method: 'POST',
      headers: { ...bearer(token), 'content-type': 'application/json' },
      body: '{"text": "timeout of 3000ms',
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_json' } });
  });

  it('tags every answer with a request id', async () => {
    const app = createApp(deps);

    const response = await app.request('/api/health', { headers: { 'x-request-id': 'abc-123' } });

    expect(response.headers.get('x-request-id')).toBe('abc-123');
  });
});
