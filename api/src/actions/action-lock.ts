import type { Pool, PoolClient } from 'pg';
import { TurnoError } from '@turno/shared';
import { withLentClient } from '../db/gated-pool.ts';

/** How long a second change waits for the first before it is told one is running. */
export const lockWaitMs = 15_000;

const lockNotAvailable = '55P03';

/**
 * Runs `work` holding a PostgreSQL advisory lock on `key`, so a second change to the same thing
 * waits for the first to read, write and read back, even from another Lambda container. The
 * lock is held by one dedicated connection that `work` gets for its own queries (the audit), so
 * it never needs a second connection meanwhile; if that connection dies, the lock goes with it.
 * On the embedded database, whose gate that connection holds, the pool's other queries made
 * inside `work` (the sandbox saving its schedules) run on it too instead of waiting for it.
 */
export async function withActionLock<T>(
  pool: Pool, key: string, work: (db: PoolClient) => Promise<T>, waitMs = lockWaitMs,
): Promise<T> {
  const db = await pool.connect();
  try {
    await lock(db, key, waitMs);
  } catch (error) {
    db.release(error instanceof TurnoError ? undefined : toError(error));
    throw error;
  }
  try {
    return await withLentClient(pool, db, () => work(db));
  } finally {
    await unlock(db, key);
  }
}

async function lock(db: PoolClient, key: string, waitMs: number): Promise<void> {
  await db.query(`SELECT set_config('lock_timeout', $1, false)`, [`${waitMs}ms`]);
  try {
    await db.query('SELECT pg_advisory_lock(hashtext($1))', [key]);
  } catch (error) {
    if ((error as { code?: unknown }).code !== lockNotAvailable) throw error;
    throw new TurnoError('action_in_progress');
  } finally {
    await db.query('RESET lock_timeout');
  }
}

/** A connection that cannot say it let go is closed instead, which lets go for it. */
async function unlock(db: PoolClient, key: string): Promise<void> {
  try {
    await db.query('SELECT pg_advisory_unlock(hashtext($1))', [key]);
    db.release();
  } catch (error) {
    db.release(toError(error));
  }
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
