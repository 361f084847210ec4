import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const adminUrl = process.env.E2E_ADMIN_DATABASE_URL
  ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const seedFiles = [
  '../../api/src/db/seed/sync_error_sample.sql',
  '../../docs/runbook/sync_error_sample.sql',
].map((path) => fileURLToPath(new URL(path, import.meta.url)));

export interface TestDatabase {
  name: string;
  url: string;
  pool: pg.Pool;
  drop(): Promise<void>;
}

function urlFor(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh database on the real PostgreSQL with the runbook's Sync_error rows loaded. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `turno_e2e_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = urlFor(name);
  const pool = new pg.Pool({ connectionString: url, max: 4 });

  const seed = seedFiles.find((file) => existsSync(file));
  if (!seed) throw new Error(`No Sync_error seed found; looked in ${seedFiles.join(', ')}`);
  await pool.query(await readFile(seed, 'utf8'));

  return {
    name,
    url,
    pool,
    async drop() {
      await pool.end();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
