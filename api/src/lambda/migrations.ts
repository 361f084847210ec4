import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import type { Logger } from '../types.ts';

// Beside the bundle (scripts/bundle.ts copies them there), else the source tree.
const candidates = ['./migrations', '../db/migrations'];

function migrationsDir(): string {
  const dirs = candidates.map((path) => fileURLToPath(new URL(path, import.meta.url)));
  const found = dirs.find((dir) => existsSync(dir));
  if (!found) throw new Error(`No migrations folder at ${dirs.join(' or ')}`);
  return found;
}

/**
 * Runs node-pg-migrate only when a migration file is not yet recorded in turno.pgmigrations:
 * loading the migrator costs a cold start tens of milliseconds that are wasted when the schema
 * is already current, as it is on all but the first start after a deploy.
 */
export async function migrateIfBehind(pool: pg.Pool, log: Logger): Promise<boolean> {
  const files = (await readdir(migrationsDir()))
    .filter((file) => file.endsWith('.sql'))
    .map((file) => file.slice(0, -'.sql'.length));
  const applied = await pool.query<{ name: string }>('SELECT name FROM turno.pgmigrations')
    .then(({ rows }) => new Set(rows.map((row) => row.name)), () => new Set<string>());
  if (files.every((name) => applied.has(name))) return false;

  const { runMigrations } = await import('../db/migrate.ts');
  await runMigrations(pool, log);
  return true;
}
