import { afterEach, describe, expect, it } from 'vitest';
import type { SyncErrorRow } from '@turno/shared';
import { listAlerts } from '../alerts/alert-store.ts';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { findDrill, setDrill } from '../probes/drills.ts';
import { bearer, createTestDeps, signIn, type TestDeps } from '../testing/index.ts';
import { utcTimestamp } from '../watcher/fixtures.ts';
import { runWatcherOnce } from '../watcher/run.ts';

/** Every name the configuration allows, none of them the runbook's. */
const names = {
  SYNC_ERROR_TABLE: 'up_data.SyncFailures',
  SYNC_ERROR_ID_COLUMN: 'failure_id',
  SYNC_ERROR_JSON_COLUMN: 'payload',
  SYNC_ERROR_CREATED_COLUMN: 'logged_at',
  SYNC_ERROR_FUNCTION_COLUMN: 'lambda_name',
  SYNC_ERROR_SOURCE_COLUMN: 'provider_id',
  SYNC_ERROR_CLIENT_COLUMN: 'customer_id',
};

let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

/** Deps configured through the documented variables, beside the seeded "Sync_error". */
async function setUp(now?: () => Date): Promise<TestDeps> {
  const { syncError } = loadConfig({ DEV_SIGN_IN: 'on', ...names }).app;
  deps = await createTestDeps({ config: { syncError }, ...(now ? { now } : {}) });
  await deps.statePool.query(`CREATE SCHEMA up_data;
    CREATE TABLE up_data."SyncFailures" (
      failure_id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      customer_id integer,
      payload     jsonb,
      logged_at   timestamp without time zone NOT NULL,
      lambda_name varchar(80),
      provider_id smallint
    )`);
  return deps;
}

/** The runbook's disk-full burst (rows 6…20), moved so its newest row lands at `latest`. */
async function copyDiskFullBurst(d: TestDeps, latest: Date): Promise<void> {
  await d.statePool.query(
    `INSERT INTO up_data."SyncFailures"
        (customer_id, payload, logged_at, lambda_name, provider_id)
      SELECT client_id, json_data::jsonb, created_at + shift, function_name, data_source_id
      FROM "Sync_error",
        (SELECT $1::timestamp - max(created_at) AS shift FROM "Sync_error"
          WHERE id BETWEEN 6 AND 20) AS moved
      WHERE id BETWEEN 6 AND 20
      ORDER BY created_at`,
    [utcTimestamp(latest)],
  );
}

const burstFunctions = [
  'linde-guardian-positions', 'linde-mix-get-active-events', 'linde-mix-get-events',
  'linde-mix-get-positions',
];

describe('a Sync_error table with its own table and column names', () => {
  it('is read by the watcher, which opens one 4.1 alert naming the burst\'s functions',
    async () => {
      const d = await setUp();
      const latest = new Date();
      await runWatcherOnce(d);
      await copyDiskFullBurst(d, latest);

      const report = await runWatcherOnce(d);

      expect(report).toMatchObject({ rowsRead: 15, rowsStored: 15, cursor: '15' });
      expect(report.opened).toHaveLength(1);
      const alerts = await listAlerts(d.statePool, d.config.dataSources);
      expect(alerts).toHaveLength(1);
      expect(alerts[0]).toMatchObject({
        card: '4.1', category: 'database-disk-full', state: 'open', count: 15,
        lastSeen: latest.toISOString(),
        sources: [{ name: 'MIX', count: 12 }, { name: 'Guardian', count: 3 }],
      });
      expect(alerts[0]?.functions.map((f) => f.name).sort()).toEqual(burstFunctions);
    });

  it('is what GET /api/sync-errors pages through, with each row\'s function and source',
    async () => {
      const d = await setUp();
      const latest = new Date('2026-03-02T16:00:00Z');
      await copyDiskFullBurst(d, latest);
      const app = createApp(d);
      const headers = bearer(await signIn(app, 'observador'));
      const get = async (query: string) => (await app.request(
        `/api/sync-errors${query}`, { headers },
      )).json() as Promise<{ items: SyncErrorRow[]; nextBefore: string | null }>;

      const first = await get('?limit=10');
      const rest = await get(`?limit=10&before=${first.nextBefore ?? ''}`);

      const items = [...first.items, ...rest.items];
      const { rows: customers } = await d.statePool.query<{ customer: string }>(
        `SELECT customer_id::text AS customer FROM up_data."SyncFailures" WHERE failure_id = 15`,
      );
      expect(first.nextBefore).toBe('6');
      expect(rest.nextBefore).toBeNull();
      expect(items.map((item) => item.id)).toEqual(
        Array.from({ length: 15 }, (_, i) => String(15 - i)));
      expect(items[0]).toEqual({
        id: '15',
        category: 'Error en las APIs externas',
        status: 'Creado',
        description: expect.stringContaining('No space left on device'),
        function: 'linde-mix-get-events',
        client: customers[0]?.customer,
        source: 'MIX',
        createdAt: latest.toISOString(),
        diagnosis: { category: 'database-disk-full', card: '4.1' },
      });
      expect(items.find((item) => item.source === 'Guardian'))
        .toMatchObject({ id: '13', function: 'linde-guardian-positions' });
      expect(new Set(items.map((item) => item.function))).toEqual(new Set(burstFunctions));
      expect(items.every((item) => item.diagnosis.card === '4.1')).toBe(true);
    });

  it('takes the sandbox drills\' rows into the configured columns', async () => {
    const now = new Date('2026-03-02T16:00:00Z');
    const d = await setUp(() => now);
    const drill = findDrill('guardian-user-blocked');
    if (!drill) throw new Error('no drill guardian-user-blocked');

    await setDrill(d, drill, true, now);
    const report = await runWatcherOnce(d);

    const { rows } = await d.statePool.query(
      `SELECT lambda_name, provider_id, payload FROM up_data."SyncFailures"
        ORDER BY failure_id`,
    );
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual({
      lambda_name: 'linde-guardian-positions', provider_id: 2,
      payload: 'Request failed with status code 403',
    });
    expect(report.opened).toHaveLength(1);
    expect(await listAlerts(d.statePool, d.config.dataSources)).toMatchObject([{
      card: '2.1', count: 3, resources: ['linde-guardian-positions'],
    }]);
  });
});
