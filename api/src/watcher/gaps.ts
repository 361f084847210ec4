import type { Pool, PoolClient } from 'pg';

/** Ids missing between the cursor and the newest row read, highest first. */
export interface Gaps {
  ids: string[];
  /** Missing ids beyond the limit, left untracked (a sequence that jumped far). */
  dropped: bigint;
}

/** Each poll re-reads every tracked gap by id: a few hundred keep that one index probe each. */
export const maxTrackedGaps = 1_000;

/**
 * The ids after `from` and below the last of `ids` (ascending) that were not read. The highest
 * are kept first: a transaction still open when a later one committed holds an id close by.
 */
export function findGaps(from: string, ids: readonly string[], max = maxTrackedGaps): Gaps {
  const bounds = [BigInt(from), ...ids.map((id) => BigInt(id))];
  const found: string[] = [];
  let dropped = 0n;
  for (let i = bounds.length - 1; i > 0; i -= 1) {
    const high = bounds[i] ?? 0n;
    const missing = high - (bounds[i - 1] ?? high) - 1n;
    if (missing <= 0n) continue;
    const room = BigInt(max - found.length);
    const take = missing < room ? missing : room;
    for (let k = 1n; k <= take; k += 1n) found.push((high - k).toString());
    dropped += missing - take;
  }
  return { ids: found, dropped };
}

/** The gaps still inside their grace period, to read again before the run's transaction. */
export async function readOpenGaps(
  db: Pool | PoolClient, now: Date, graceSeconds: number,
): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT sync_error_id::text AS id FROM turno.watcher_gaps
      WHERE noticed_at >= $1 ORDER BY sync_error_id`,
    [expiry(now, graceSeconds)],
  );
  return rows.map((row) => row.id);
}

/**
 * Inside the run's transaction: forgets the gaps whose rows appeared and those past their grace
 * period, and starts tracking the new ones. Returns how many expired.
 */
export async function updateGaps(
  client: PoolClient,
  change: { filled: string[]; noticed: string[]; now: Date; graceSeconds: number },
): Promise<number> {
  const { rowCount } = await client.query(
    `DELETE FROM turno.watcher_gaps WHERE noticed_at < $1`,
    [expiry(change.now, change.graceSeconds)],
  );
  if (change.filled.length > 0) {
    await client.query(
      'DELETE FROM turno.watcher_gaps WHERE sync_error_id = ANY($1::bigint[])', [change.filled],
    );
  }
  if (change.noticed.length > 0) {
    await client.query(
      `INSERT INTO turno.watcher_gaps (sync_error_id, noticed_at)
        SELECT unnest($1::bigint[]), $2 ON CONFLICT DO NOTHING`,
      [change.noticed, change.now],
    );
  }
  return rowCount ?? 0;
}

function expiry(now: Date, graceSeconds: number): Date {
  return new Date(now.getTime() - graceSeconds * 1000);
}
