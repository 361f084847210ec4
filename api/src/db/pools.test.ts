import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, testConfig, type TestDatabase } from '../testing/index.ts';
import { createUpPool } from './pools.ts';

describe('createUpPool', () => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
  });

  it('refuses to write to the platform database', async () => {
    database = await createTestDatabase();
    const pool = createUpPool(database.url, testConfig());

    const write = pool.query(`DELETE FROM "Sync_error" WHERE id = 1`);

    await expect(write).rejects.toMatchObject({ code: '25006' });
    await pool.end();
  });

  it('cancels a statement that runs past the configured timeout', async () => {
    database = await createTestDatabase();
    const config = testConfig();
    const pool = createUpPool(database.url, {
      ...config, syncError: { ...config.syncError, statementTimeoutMs: 100 },
    });

    await expect(pool.query('SELECT pg_sleep(2)')).rejects.toMatchObject({ code: '57014' });
    await pool.end();
  });

  it('reads Sync_error timestamps, which carry no zone, as UTC', async () => {
    database = await createTestDatabase();
    const pool = createUpPool(database.url, testConfig());

    const { rows } = await pool.query<{ created_at: Date }>(
      `SELECT created_at FROM "Sync_error" WHERE id = 6`,
    );

    expect(rows[0]?.created_at.toISOString()).toBe('2024-03-25T15:46:28.655Z');
    await pool.end();
  });
});
