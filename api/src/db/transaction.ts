import type { Pool, PoolClient } from 'pg';

/**
 * Runs `work` on one client inside BEGIN … COMMIT and gives the client back; any failure
 * rolls back and is thrown again. The client is released before this returns, so a caller
 * on the embedded database (one client at a time) may read through the pool afterwards.
 */
export async function inTransaction<T>(
  pool: Pool, work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // The failure to report is the one that stopped the work, not a rollback on a dead link.
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
