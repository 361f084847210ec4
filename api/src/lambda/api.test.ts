import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/index.ts';
import { apiEvent, lambdaContext } from './testing/api-event.ts';

let database: TestDatabase;
let handler: typeof import('./api.ts').handler;

// One module import is one warm container: every test here is a request to the same one.
beforeAll(async () => {
  database = await createTestDatabase();
  vi.stubEnv('AWS_LAMBDA_FUNCTION_NAME', 'turno-api');
  vi.stubEnv('DATABASE_URL', database.url);
  vi.stubEnv('TURNO_CLOUD', 'sandbox');
  vi.stubEnv('LOG_LEVEL', 'silent');
  ({ handler } = await import('./api.ts'));
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await database.drop();
});

const json = (result: { body?: string }) => JSON.parse(result.body ?? 'null') as unknown;
const pausePath = '/api/schedules/default/linde-mix-get-events/pause';

describe('the api Lambda', () => {
  it('answers health without an authorizer, from the state database', async () => {
    const result = await handler(apiEvent('GET', '/api/health'), lambdaContext);

    expect(result.statusCode).toBe(200);
    expect(json(result)).toMatchObject({ ok: true, cloud: 'sandbox', database: 'server' });
  });

  it('takes the user and role from the authorizer context', async () => {
    const principal = { user: 'ana.lopez', role: 'viewer' };

    const result = await handler(apiEvent('GET', '/api/schedules', { principal }), lambdaContext);

    expect(result.statusCode).toBe(200);
    expect(json(result)).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'linde-mix-get-events' }),
    ]));
  });

  it('stops a viewer from pausing: the API checks the role, not only the authorizer', async () => {
    const viewer = { user: 'beto', role: 'viewer' };

    const result = await handler(apiEvent('POST', pausePath, { principal: viewer }), lambdaContext);

    expect(result.statusCode).toBe(403);
    expect(json(result)).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('lets an operator named by the authorizer pause, and audits that user', async () => {
    const operator = { user: 'carla', role: 'operator' };
    const path = '/api/schedules/default/linde-mix-get-positions/pause';

    const result = await handler(apiEvent('POST', path, {
      principal: operator, headers: { 'idempotency-key': 'tap-1' },
    }), lambdaContext);

    expect(result.statusCode).toBe(200);
    expect(json(result)).toMatchObject({
      schedule: { state: 'DISABLED' }, audit: { actor: 'carla', role: 'operator' },
    });
  });

  it.each([
    ['no authorizer context', undefined],
    ['a role the API does not know', { user: 'eve', role: 'root' }],
    ['no user', { user: '', role: 'admin' }],
  ])('answers 401 with %s and ignores a bearer token', async (_name, principal) => {
    const result = await handler(apiEvent('POST', pausePath, {
      ...(principal ? { principal } : {}), headers: { authorization: 'Bearer forged' },
    }), lambdaContext);

    expect(result.statusCode).toBe(401);
    expect(json(result)).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('refuses dev sign-in on Lambda', async () => {
    const result = await handler(apiEvent('POST', '/api/session/dev', {
      body: { user: 'admin' },
    }), lambdaContext);

    expect(result.statusCode).toBe(403);
    expect(json(result)).toMatchObject({ error: { code: 'dev_sign_in_disabled' } });
  });
});
