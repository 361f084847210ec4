import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { TurnoError } from '@turno/shared';
import { handleError } from './errors.ts';
import { createLogger } from './log.ts';
import type { AppEnv } from './types.ts';

function appThrowing(error: unknown) {
  const lines: string[] = [];
  const log = createLogger({ sink: (line) => lines.push(line) });
  const app = new Hono<AppEnv>();
  app.get('/boom', () => {
    throw error;
  });
  app.onError(handleError(log));
  return { app, lines };
}

describe('the one error handler', () => {
  it('answers a TurnoError with its catalogued status and code', async () => {
    const { app } = appThrowing(new TurnoError('schedule_not_managed'));

    const response = await app.request('/boom');

    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: { code: 'schedule_not_managed', message: expect.stringContaining('AWS console') },
    });
  });

  it('answers PostgreSQL refusing the request\'s bytes (22021) with 400, logged below error',
    async () => {
      const refused = Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'),
        { code: '22021' });
      const { app, lines } = appThrowing(refused);

      const response = await app.request('/boom');

      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'bad_request' } });
      expect(lines.map((line) => JSON.parse(line) as { level: string }))
        .toEqual([expect.objectContaining({ level: 'info', event: 'request.unstorable_text' })]);
    });

  it('still answers another database error with 500 internal', async () => {
    const { app } = appThrowing(Object.assign(new Error('deadlock detected'), { code: '40P01' }));

    expect((await app.request('/boom')).status).toBe(500);
  });

  it('answers a zod error with 400 validation_failed and the field paths only', async () => {
    const result = z.object({ user: z.string() }).safeParse({ user: 4242 });
    const { app } = appThrowing(result.error);

    const response = await app.request('/boom');
    const raw = await response.text();
    const body = JSON.parse(raw) as { error: { code: string; details: unknown } };

    expect(response.status).toBe(400);
    expect(raw).not.toContain('4242');
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details).toEqual({ issues: [{ path: 'user', message: expect.any(String) }] });
  });

  it('answers anything else with 500 internal and logs it without its secrets', async () => {
    const { app, lines } = appThrowing(
      new Error('connect to postgres://turno:hunter22@db.internal failed'),
    );

    const response = await app.request('/boom');
    const raw = await response.text();

    expect(response.status).toBe(500);
    expect(JSON.parse(raw)).toMatchObject({ error: { code: 'internal' } });
    expect(raw).not.toContain('db.internal');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('request.failed');
    expect(lines[0]).not.toContain('hunter22');
  });
});
