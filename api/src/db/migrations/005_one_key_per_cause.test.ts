import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/index.ts';

const dir = fileURLToPath(new URL('.', import.meta.url));
let database: TestDatabase | undefined;
let client: pg.Client | undefined;

afterEach(async () => {
  await client?.end();
  await database?.drop();
  client = undefined;
  database = undefined;
});

async function migrate(db: pg.Client, count: number) {
  await runner({
    dbClient: db, dir, ignorePattern: '(\\..*)|(.*\\.test\\.ts)', migrationsTable: 'pgmigrations',
    schema: 'turno', migrationsSchema: 'turno', createSchema: true,
    createMigrationsSchema: true, direction: 'up', count, singleTransaction: true,
    log: () => undefined,
  });
  await db.query('RESET search_path');
}

async function insert(db: pg.Client, alert: {
  key: string; category: string; origin: string; probe?: string; state?: string;
  resources?: string[]; count?: number;
}) {
  await db.query(
    `INSERT INTO turno.alerts (dedup_key, category, severity, origin, probe, state, resources,
        count, first_seen, last_seen, active_at, opened_at, resolved_at)
      VALUES ($1, $2, 'high', $3, $4, $5, $6, $7, now(), now(), now(), now(),
        CASE WHEN $5 = 'resolved' THEN now() END)`,
    [alert.key, alert.category, alert.origin, alert.probe ?? null, alert.state ?? 'open',
      alert.resources ?? [], alert.count ?? 1],
  );
}

describe('migration 005', () => {
  it('gives probe alerts their cause\'s key and folds a live duplicate into one alert',
    async () => {
      database = await createTestDatabase();
      client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const db = client;
      await migrate(db, 4);
      await insert(db, { key: 'whatsapp-unpaid', category: 'whatsapp-unpaid', origin: 'sync-error',
        resources: ['up-send-whatsapp'], count: 4 });
      await insert(db, { key: 'probe:ultramsg:unpaid', category: 'whatsapp-unpaid',
        origin: 'probe', probe: 'ultramsg', resources: ['ultramsg'], count: 2 });
      await insert(db, { key: 'probe:rds:cpu:flotas-develop', category: 'rds-cpu-high',
        origin: 'probe', probe: 'rds', state: 'resolved' });
      await insert(db, { key: 'probe:rds:storage-full:flotas-develop',
        category: 'rds-storage-full', origin: 'probe', probe: 'rds' });
      await insert(db, { key: 'probe:rds:storage-full:flotas-develop-replica',
        category: 'rds-storage-full', origin: 'probe', probe: 'rds' });
      await insert(db, { key: 'probe:pm2:failed', category: 'probe-failed', origin: 'probe',
        probe: 'pm2' });

      await migrate(db, Infinity);

      const { rows } = await db.query(
        `SELECT dedup_key, state, resolved_by, origins, count, probe_count, resources
          FROM turno.alerts ORDER BY dedup_key, state`,
      );
      expect(rows).toEqual([
        expect.objectContaining({ dedup_key: 'database-disk-full', state: 'open',
          origins: ['probe:rds'] }),
        expect.objectContaining({ dedup_key: 'database-disk-full', state: 'resolved',
          resolved_by: 'merged' }),
        expect.objectContaining({ dedup_key: 'probe-failed:pm2', state: 'open' }),
        expect.objectContaining({ dedup_key: 'rds-cpu-high:flotas-develop', state: 'resolved' }),
        expect.objectContaining({ dedup_key: 'whatsapp-unpaid', state: 'open',
          origins: ['sync-error', 'probe:ultramsg'], count: 6, probe_count: 2,
          resources: ['ultramsg', 'up-send-whatsapp'] }),
        expect.objectContaining({ dedup_key: 'whatsapp-unpaid', state: 'resolved',
          resolved_by: 'merged' }),
      ]);
    });
});
