import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { createLogger, type LogSink } from './log.ts';
import { bearer, createTestDeps, signIn, type TestDeps } from './testing/index.ts';

// Route groups are imported on first use (route-groups.ts); the app must read as one.
describe('the API app, loading its route groups on first use', () => {
  const lines: Array<Record<string, unknown>> = [];
  const sink: LogSink = (line) => lines.push(JSON.parse(line) as Record<string, unknown>);
  let deps: TestDeps;
  beforeAll(async () => {
    deps = await createTestDeps({ log: createLogger({ sink, level: 'info', module: 'test' }) });
  });
  afterAll(async () => {
    await deps.close();
  });

  it('writes one access line per request, naming its user and request id', async () => {
    const app = createApp(deps);
    const token = await signIn(app, 'observador');

    const response = await app.request('/api/audit', {
      headers: { ...bearer(token), 'x-request-id': 'audit-1' },
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('audit-1');
    const done = lines
      .filter((line) => line.event === 'request.done' && line.path === '/api/audit');
    expect(done).toEqual([expect.objectContaining({
      requestId: 'audit-1', user: 'observador', status: 200, method: 'GET',
    })]);
  });

  it('answers concurrent first requests to one group alike', async () => {
    const app = createApp(deps);
    const token = await signIn(app, 'observador');

    const responses = await Promise.all(
      [1, 2, 3].map(() => app.request('/api/alerts?state=open', { headers: bearer(token) })),
    );

    expect(responses.map((response) => response.status)).toEqual([200, 200, 200]);
  });

  it('refuses /api itself without a token, as any path under it', async () => {
    const app = createApp(deps);

    const response = await app.request('/api');

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });

  it('leaves other paths to what is mounted after it, tagged with a request id', async () => {
    // As server.ts mounts the PWA's files after the API.
    const root = new Hono();
    root.route('/', createApp(deps));
    root.get('/index.html', (c) => c.text('the PWA'));

    const response = await root.request('/index.html', { headers: { 'x-request-id': 'web-1' } });

    expect(await response.text()).toBe('the PWA');
    expect(response.headers.get('x-request-id')).toBe('web-1');
  });
});
