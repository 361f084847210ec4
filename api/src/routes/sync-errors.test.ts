import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncErrorRow } from '@turno/shared';
import { createApp } from '../app.ts';
import { bearer, createTestDeps, signIn, type TestDeps } from '../testing/index.ts';

interface Page {
  items: SyncErrorRow[];
  nextBefore: string | null;
}

describe('GET /api/sync-errors', () => {
  let deps: TestDeps;
  beforeAll(async () => {
    deps = await createTestDeps();
  });
  afterAll(async () => {
    await deps.close();
  });

  async function get(query: string) {
    const app = createApp(deps);
    const token = await signIn(app, 'observador');
    return app.request(`/api/sync-errors${query}`, { headers: bearer(token) });
  }

  async function insertRow(jsonData: unknown, functionName: string, source: number) {
    const { rows } = await deps.statePool.query<{ id: string }>(
      `INSERT INTO "Sync_error" (json_data, data_source_id, function_name)
       VALUES ($1, $2, $3) RETURNING id::text`,
      [JSON.stringify(jsonData), source, functionName],
    );
    return rows[0]?.id;
  }

  it('walks every row, newest first, without repeating one', async () => {
    const { rows } = await deps.statePool.query<{ n: string }>(
      'SELECT count(*) AS n FROM "Sync_error"',
    );
    const seen: string[] = [];
    let query = '?limit=7';
    for (let pages = 0; pages < 100; pages++) {
      const page = await (await get(query)).json() as Page;
      seen.push(...page.items.map((item) => item.id));
      if (!page.nextBefore) break;
      query = `?limit=7&before=${page.nextBefore}`;
    }

    const numbers = seen.map(Number);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(Number(rows[0]?.n));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  });

  it('shows a row as UP\'s Server Health view does, with its client and diagnosis', async () => {
    const response = await get('?before=7&limit=1');
    const page = await response.json() as Page;

    expect(page.items).toEqual([{
      id: '6',
      category: 'Error en las APIs externas',
      status: 'Creado',
      description: expect.stringContaining('No space left on device'),
      function: 'linde-mix-get-events',
      client: '58535',
      source: 'MIX',
      createdAt: '2024-03-25T15:46:28.655Z',
      diagnosis: { category: 'database-disk-full', card: '4.1' },
    }]);
  });

  it('redacts an Authorization header kept in an axios dump', async () => {
    const secret = 'eyJhbGciOiJIUzI1NiJ9.c2VjcmV0.sig';
    const id = await insertRow({
      message: 'Request failed with status code 401',
      config: { headers: { Authorization: `Bearer ${secret}` }, url: 'https://mix.example/api' },
    }, 'linde-guardian-positions', 2);

    const response = await get('?limit=1');
    const raw = await response.text();

    expect(raw).toContain(`"id":"${id}"`);
    expect(raw).toContain('"source":"Guardian"');
    expect(raw).not.toContain(secret);
  });

  it('redacts a token the provider echoed from the dump\'s own Authorization header', async () => {
    const secret = 'ZZSECRETa1b2c3';
    await insertRow({
      message: 'Request failed with status code 401',
      config: { headers: { Authorization: `Bearer ${secret}` } },
      response: { status: 401, data: { message: `Invalid token ${secret}` } },
    }, 'linde-mix-get-events', 1);

    const raw = await (await get('?limit=1')).text();

    expect(raw).toContain('Invalid token [redacted]');
    expect(raw).not.toContain(secret);
  });

  it.each([
    '?limit=0', '?limit=500', '?before=abc', '?before=1;drop',
    '?before=9223372036854775808', '?before=9999999999999999999',
  ])(
    'answers 400 validation_failed for %s', async (query) => {
      const response = await get(query);

      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'validation_failed' } });
    });

  it.each(['?limit=abc', '?limit=1.5', '?limit=0', '?limit=500'])(
    'says in its own words what a page size must be for %s', async (query) => {
      const body = await (await get(query)).json() as {
        error: { details: { issues: Array<{ path: string; message: string }> } };
      };

      expect(body.error.details.issues).toEqual([
        { path: 'limit', message: 'must be a whole number from 1 to 200' },
      ]);
    });

  it('names a bad row id once', async () => {
    const body = await (await get('?before=abc')).json() as {
      error: { details: { issues: Array<{ path: string }> } };
    };

    expect(body.error.details.issues.filter((issue) => issue.path === 'before'))
      .toHaveLength(1);
  });

  it('answers 503 sync_error_table_unavailable when the table is missing', async () => {
    const app = createApp({
      ...deps, config: { ...deps.config, syncError: { ...deps.config.syncError, table: 'nope' } },
    });
    const token = await signIn(app, 'observador');

    const response = await app.request('/api/sync-errors', { headers: bearer(token) });

    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      error: { code: 'sync_error_table_unavailable' },
    });
  });
});
