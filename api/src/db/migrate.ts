import { fileURLToPath } from 'node:url';
import { runner } from 'node-pg-migrate';
import type pg from 'pg';
import type { Logger } from '../types.ts';

const migrationsDir = fileURLToPath(new URL('./migrations', import.meta.url));

// Files are named 001_, 002_: the runner orders them by that number after saying so as an error.
const numberedName = /^Can't determine timestamp for \d+$/;

/** Brings schema `turno` up to date; node-pg-migrate's advisory lock keeps two starts apart. */
export async function runMigrations(pool: pg.Pool, log: Logger): Promise<string[]> {
  const client = await pool.connect();
  const migrationLog = log.child('migrations');
  try {
    const applied = await runner({
      dbClient: client,
      // A folder, never useGlob: the Lambda bundles leave glob out (scripts/unreached-imports.ts).
      dir: migrationsDir,
      ignorePattern: '(\\..*)|(.*\\.test\\.ts)|(README.*)',
      migrationsTable: 'pgmigrations',
      schema: 'turno',
      migrationsSchema: 'turno',
      createSchema: true,
      createMigrationsSchema: true,
      direction: 'up',
      checkOrder: true,
      singleTransaction: true,
      logger: {
        debug: (message: string) => migrationLog.debug('migrations.debug', { message }),
        info: (message: string) => migrationLog.debug('migrations.info', { message }),
        warn: (message: string) => migrationLog.warn('migrations.warn', { message }),
        error: (message: string) => (numberedName.test(message)
          ? migrationLog.debug('migrations.numbered', { message })
          : migrationLog.error('migrations.error', { message })),
      },
    });
    const names = applied.map((migration) => migration.name);
    if (names.length > 0) migrationLog.info('migrations.applied', { names });
    return names;
  } finally {
    // The runner leaves search_path at `turno`; on PGlite that would hold for every connection.
    const reset = await client.query('RESET search_path').then(() => true, () => false);
    client.release(!reset);
  }
}
