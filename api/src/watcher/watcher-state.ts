import type { Pool, PoolClient } from 'pg';
import { statement, type Statement } from '../db/statements.ts';

export interface WatcherStatus {
  /** The last Sync_error id read; null before the first run. */
  cursor: string | null;
  lastRunAt: Date | null;
  lastError: string | null;
  lastErrorAt: Date | null;
}

interface Row {
  cursor: string | null;
  last_run_at: Date | null;
  last_error: string | null;
  last_error_at: Date | null;
}

/** Runs the watcher may miss before Estado calls it late: one or two are a slow tick. */
const intervalsToLate = 3;

/**
 * True when the last finished run is older than three watcher intervals: the watcher is
 * stopped, stuck or failing on every run. Nothing has run yet is not late: Estado says so.
 */
export function watcherLate(status: WatcherStatus, intervalSeconds: number, now: Date): boolean {
  if (!status.lastRunAt) return false;
  return now.getTime() - status.lastRunAt.getTime() > intervalsToLate * intervalSeconds * 1000;
}

const statusSql = `SELECT last_sync_error_id::text AS cursor, last_run_at, last_error,
  last_error_at FROM turno.watcher_state WHERE id = 1`;

export async function readWatcherStatus(db: Pool | PoolClient): Promise<WatcherStatus> {
  const { rows } = await db.query<Row>(statusSql);
  return toStatus(rows);
}

/** `readWatcherStatus` as a statement, to read beside others in one round trip. */
export function watcherStatusStatement(): Statement<WatcherStatus> {
  return statement(statusSql, toStatus);
}

function toStatus(rows: Row[]): WatcherStatus {
  const row = rows[0];
  return {
    cursor: row?.cursor ?? null,
    lastRunAt: row?.last_run_at ?? null,
    lastError: row?.last_error ?? null,
    lastErrorAt: row?.last_error_at ?? null,
  };
}

/** Inside the run's transaction, after the lock: the cursor no other watcher can move now. */
export async function lockCursor(client: PoolClient): Promise<string | null> {
  const { rows } = await client.query<{ cursor: string | null }>(
    `SELECT last_sync_error_id::text AS cursor FROM turno.watcher_state WHERE id = 1 FOR UPDATE`,
  );
  return rows[0]?.cursor ?? null;
}

export async function recordRun(client: PoolClient, cursor: string, at: Date): Promise<void> {
  await client.query(
    `UPDATE turno.watcher_state
      SET last_sync_error_id = $1::bigint, last_run_at = $2, last_error = NULL WHERE id = 1`,
    [cursor, at],
  );
}

export async function recordFailure(pool: Pool, message: string, at: Date): Promise<void> {
  await pool.query(
    'UPDATE turno.watcher_state SET last_error = $1, last_error_at = $2 WHERE id = 1',
    [message, at],
  );
}
