import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import pg from 'pg';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createTestDatabase } from '../../testing/index.ts';

const dir = fileURLToPath(new URL('.', import.meta.url));

async function migrate(db: pg.Client, count: number) {
  await runner({
    dbClient: db, dir, ignorePattern: '(\\..*)|(.*\\.test\\.ts)', migrationsTable: 'pgmigrations',
    schema: 'turno', migrationsSchema: 'turno', createSchema: true,
    createMigrationsSchema: true, direction: 'up', count, singleTransaction: true,
    log: () => undefined,
  });
  await db.query('RESET search_path');
}

describe('migration 010', () => {
  it('gives devices subscribed before it es-MX, and takes only the app\'s locales', async () => {
    const database = await createTestDatabase();
    const db = new pg.Client({ connectionString: database.url });
    onTestFinished(async () => {
      await db.end();
      await database.drop();
    });
    await db.connect();
    await migrate(db, 9);
    await db.query(
      `INSERT INTO turno.push_subscriptions (endpoint, p256dh, auth, user_name)
        VALUES ('https://fcm.googleapis.com/fcm/send/old-phone', 'BPk3', 'a1', 'operador')`,
    );

    await migrate(db, Infinity);

    const { rows } = await db.query('SELECT locale FROM turno.push_subscriptions');
    expect(rows).toEqual([{ locale: 'es-MX' }]);
    await expect(db.query(`UPDATE turno.push_subscriptions SET locale = 'fr'`))
      .rejects.toThrow(/check constraint/);
  });
});
