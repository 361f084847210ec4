import type { Pool } from 'pg';
import { parseIdempotencyKey, TurnoError, type ErrorCode } from '@turno/shared';

export interface IdempotentRequest {
  actor: string;
  /** The Idempotency-Key header as sent, checked here; without one the action simply runs. */
  key: string | undefined;
  action: string;
  target: string;
}

export interface IdempotentResult<T> {
  body: T;
  /** True when an earlier request with the same key did the work and this one only replays. */
  replayed: boolean;
}

interface KeyRow {
  action: string;
  target: string;
  status: number | null;
  response: unknown;
}

interface StoredError {
  error: { code: ErrorCode; message: string };
}

/** A double tap is seconds apart; a day covers any retry a phone may still send. */
const keyLifetime = '1 day';
/** Said by a waiting request when the first one failed and gave the key back. */
const freed = Symbol('freed');

/**
 * Runs `act` once per (actor, key): the primary key on turno.idempotency_keys lets one
 * request claim the key, a second one waits for its answer and replays it.
 */
export async function runIdempotent<T>(
  pool: Pool,
  request: IdempotentRequest,
  act: () => Promise<T>,
  options: { waitMs?: number; pollMs?: number } = {},
): Promise<IdempotentResult<T>> {
  const key = parseIdempotencyKey(request.key);
  if (key === undefined) return { body: await act(), replayed: false };

  await pool.query(
    `DELETE FROM turno.idempotency_keys WHERE created_at < now() - $1::interval`, [keyLifetime],
  );
  // A key freed by a failed first attempt may be claimed again by the retry.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const claimed = await pool.query(
      `INSERT INTO turno.idempotency_keys (actor, key, action, target) VALUES ($1, $2, $3, $4)
        ON CONFLICT DO NOTHING RETURNING key`,
      [request.actor, key, request.action, request.target],
    );
    if (claimed.rowCount === 1) {
      return { body: await actAndStore(pool, request, act), replayed: false };
    }
    const stored = await waitForAnswer<T>(pool, request, options);
    if (stored !== freed) return { body: stored, replayed: true };
  }
  throw new TurnoError('action_in_progress');
}

async function actAndStore<T>(
  pool: Pool, request: IdempotentRequest, act: () => Promise<T>,
): Promise<T> {
  const store = (status: number, response: unknown) => pool.query(
    'UPDATE turno.idempotency_keys SET status = $3, response = $4 WHERE actor = $1 AND key = $2',
    [request.actor, request.key, status, JSON.stringify(response)],
  );
  try {
    const body = await act();
    await store(200, body);
    return body;
  } catch (error) {
    if (error instanceof TurnoError && error.status < 500) {
      await store(error.status, { error: { code: error.code, message: error.message } });
    } else {
      // The outcome is unknown or transient: free the key so a retry may act.
      await pool.query(
        'DELETE FROM turno.idempotency_keys WHERE actor = $1 AND key = $2',
        [request.actor, request.key],
      );
    }
    throw error;
  }
}

async function waitForAnswer<T>(
  pool: Pool, request: IdempotentRequest, options: { waitMs?: number; pollMs?: number },
): Promise<T | typeof freed> {
  const deadline = Date.now() + (options.waitMs ?? 10_000);
  for (;;) {
    const { rows } = await pool.query<KeyRow>(
      `SELECT action, target, status, response FROM turno.idempotency_keys
        WHERE actor = $1 AND key = $2`,
      [request.actor, request.key],
    );
    const row = rows[0];
    if (!row) return freed;
    if (row.action !== request.action || row.target !== request.target) {
      throw new TurnoError('idempotency_conflict');
    }
    if (row.status !== null) {
      if (row.status >= 400) {
        const stored = row.response as StoredError;
        throw new TurnoError(stored.error.code, stored.error.message);
      }
      return row.response as T;
    }
    if (Date.now() >= deadline) throw new TurnoError('action_in_progress');
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
  }
}
