import type pg from 'pg';
import type * as z from 'zod';

/**
 * Reads a value from `turno.settings`, creating it first when absent. Two processes starting
 * at once both end up with the row that won the insert.
 */
export async function loadOrCreateSetting<T>(
  pool: pg.Pool, key: string, schema: z.ZodType<T>, create: () => T,
): Promise<T> {
  const existing = await readSetting(pool, key);
  if (existing !== undefined) return schema.parse(existing);

  await pool.query(
    'INSERT INTO turno.settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING',
    [key, JSON.stringify(create())],
  );
  return schema.parse(await readSetting(pool, key));
}

async function readSetting(pool: pg.Pool, key: string): Promise<unknown> {
  const { rows } = await pool.query<{ value: unknown }>(
    'SELECT value FROM turno.settings WHERE key = $1', [key],
  );
  return rows[0]?.value;
}
