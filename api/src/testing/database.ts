import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { syncErrorSeedSql } from '../db/seed.ts';

export interface TestDatabase {
  /** postgres:// URL of a fresh database holding the runbook's Sync_error rows. */
  url: string;
  name: string;
  /** Drops the database, closing whatever connections are still open to it. */
  drop(): Promise<void>;
}

/** The real PostgreSQL server the API tests run against (TEST_DATABASE_URL overrides it). */
export const serverUrl =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Creates `turno_test_<random>` on the test server and loads the runbook's Sync_error table
 * into it, so each test file starts from the same known rows and shares nothing.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `turno_test_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = withDatabase(serverUrl, name);
  await withClient(url, (client) => client.query(syncErrorSeedSql()));
  return {
    url,
    name,
    drop: () => withClient(serverUrl, async (client) => {
      await closedWithin(client, name, closeWaitMs);
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    }),
  };
}

const closeWaitMs = 2_000;

/**
 * Waits, up to `ms`, for every connection to `name` to close. `pool.end()` resolves before its
 * clients' sockets close, and a forced drop meanwhile sends those clients a FATAL error that
 * nobody listens for any more: an uncaught exception in whichever test runs next.
 */
async function closedWithin(client: pg.Client, name: string, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const { rows } = await client.query<{ open: number }>(
      'SELECT count(*)::int AS open FROM pg_stat_activity WHERE datname = $1', [name]);
    if ((rows[0]?.open ?? 0) === 0 || Date.now() >= deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
