import pg from 'pg';
import { syncErrorSeedSql } from '../api/src/db/seed.ts';
import { serverUrl } from '../api/src/testing/database.ts';
import { say, since } from './section.ts';

export interface BigSyncError {
  url: string;
  rows: number;
  /** Set when this run filled the table; undefined when it was kept from an earlier run. */
  filledMs: number | undefined;
  tableBytes: number;
  indexBytes: number;
}

/** Kept between runs: filling 10 million rows takes a minute or more on this machine. */
export const benchDatabaseName = 'turno_bench';

const messages = [
  '"timeout of 4000ms exceeded"',
  '"timeout of 3000ms exceeded"',
  '"Request failed with status code 429"',
  '"Request failed with status code 502"',
  '"getaddrinfo ENOTFOUND api.mixtelematics.com"',
  '"could not extend file \\"base/16398/1160232.23\\": No space left on device"',
];
const functions = [
  'linde-mix-get-events', 'linde-mix-get-positions', 'linde-mix-get-active-events',
  'linde-guardian-positions', 'linde-guardian-events',
];

const sqlArray = (values: string[]) =>
  `ARRAY[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')}]`;

const columns = 'client_id, json_data, data_source_id, function_name';
/** Values of {@link columns} for row number `g` of a generate_series. */
const values = `58000 + g % 1000, (${sqlArray(messages)})[1 + g % ${messages.length}]::json,
  1 + (g % 5 = 3)::int, (${sqlArray(functions)})[1 + g % ${functions.length}]`;

/** `count` new rows after the last, stamped now, as UP's Lambdas write them. */
export function newRowsSql(count: number): string {
  return `INSERT INTO "Sync_error" (${columns})
    SELECT ${values} FROM generate_series(1, ${Math.trunc(count)}) AS g`;
}

/**
 * The runbook's Sync_error table (same columns, from the seed) holding `rows` rows, one every
 * 3 s up to now, in its own database on the test server; a table left by an earlier run with
 * exactly that many rows is kept. Rows a benchmark added after it are removed by `trim`.
 */
export async function bigSyncError(rows: number): Promise<BigSyncError> {
  const url = new URL(serverUrl);
  url.pathname = `/${benchDatabaseName}`;
  await withClient(serverUrl, async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      benchDatabaseName,
    ]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${benchDatabaseName}`);
  });
  return withClient(url.toString(), async (client) => {
    let filledMs: number | undefined;
    if (!(await holds(client, rows))) {
      say(`  filling "Sync_error" with ${rows.toLocaleString('en')} rows (once)…`);
      const start = performance.now();
      await fill(client, rows);
      filledMs = since(start);
    }
    await client.query('VACUUM ANALYZE "Sync_error"');
    const { rows: [size] } = await client.query<{ table: string; index: string }>(
      `SELECT pg_table_size('"Sync_error"') AS table,
        pg_indexes_size('"Sync_error"') AS index`,
    );
    return {
      url: url.toString(), rows, filledMs,
      tableBytes: Number(size?.table ?? 0), indexBytes: Number(size?.index ?? 0),
    };
  });
}

/** Removes the rows a benchmark added, so the next run finds the same table. */
export async function trim(table: BigSyncError): Promise<void> {
  await withClient(table.url, async (client) => {
    await client.query('DELETE FROM "Sync_error" WHERE id > $1', [table.rows]);
    await client.query(`SELECT setval(pg_get_serial_sequence('"Sync_error"', 'id'), $1)`, [
      table.rows,
    ]);
    await client.query('VACUUM ANALYZE "Sync_error"');
  });
}

async function holds(client: pg.Client, rows: number): Promise<boolean> {
  const { rows: [table] } = await client.query<{ found: string | null }>(
    `SELECT to_regclass('"Sync_error"')::text AS found`,
  );
  if (!table?.found) return false;
  await client.query('DELETE FROM "Sync_error" WHERE id > $1', [rows]);
  const { rows: [count] } = await client.query<{ n: string; last: string | null }>(
    'SELECT count(*) AS n, max(id) AS last FROM "Sync_error"',
  );
  return Number(count?.n) === rows && Number(count?.last) === rows;
}

async function fill(client: pg.Client, rows: number): Promise<void> {
  const create = /CREATE TABLE[^;]*;/.exec(syncErrorSeedSql())?.[0];
  if (!create) throw new Error('no CREATE TABLE in the Sync_error seed');
  const n = Math.trunc(rows);
  await client.query('DROP TABLE IF EXISTS "Sync_error"');
  await client.query(create);
  // The primary key is built once after the load: faster than growing it row by row.
  await client.query('ALTER TABLE "Sync_error" DROP CONSTRAINT "Sync_error_pkey"');
  await client.query(`INSERT INTO "Sync_error" (id, created_at, updated_at, ${columns})
    SELECT g, at, at, ${values} FROM generate_series(1, ${n}) AS g,
      LATERAL (SELECT localtimestamp - (${n} - g) * interval '3 seconds' AS at) AS t`);
  await client.query("SET maintenance_work_mem = '512MB'");
  await client.query('ALTER TABLE "Sync_error" ADD PRIMARY KEY (id)');
  await client.query(`SELECT setval(pg_get_serial_sequence('"Sync_error"', 'id'), ${n})`);
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
