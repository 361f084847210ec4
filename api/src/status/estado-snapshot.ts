import type { Pool } from 'pg';
import type { Schedule } from '@turno/shared';
import type { DatabaseReading } from '../actions/grow-storage-view.ts';
import { statement, type Statement } from '../db/statements.ts';

/** Raised when a part's shape changes: rows of another format are ignored, then replaced. */
export const snapshotFormat = 1;

/**
 * The oldest reading Estado shows. The watcher refreshes the snapshot every minute, so a
 * reading this old means it stopped; RDS's metrics are per minute and a minute or two late
 * anyway, so a reading under this age shows nothing a live read would not.
 */
export const snapshotFreshMs = 90_000;

/** How long after one refresh the next may start: a watcher invocation lasts about a minute. */
export const snapshotRefreshMs = 50_000;

/**
 * A reading begun this soon after an action is not stored for other containers: AWS's lists
 * may not show the change yet (ListSchedules is not documented as read-after-write), and a
 * stale reading would then stand for everyone until the next refresh instead of for one
 * container's few seconds.
 */
export const snapshotSettleMs = 15_000;

/**
 * Clocks of two Lambda containers differ by milliseconds, not seconds: a reading stamped this
 * much ahead still counts as new, and one stamped further ahead is some clock's mistake.
 */
export const clockSkewMs = 5_000;

/** What each part holds. */
export interface SnapshotParts {
  'databases': DatabaseReading[];
  'paused-schedules': Schedule[];
}
export type SnapshotPart = keyof SnapshotParts;
export const snapshotParts: readonly SnapshotPart[] = ['databases', 'paused-schedules'];

/** One part as read: its value, when the read began and the newest audit id at that time. */
export interface CloudReading<T> {
  value: T;
  readAt: Date;
  mark: string;
}

export type EstadoSnapshot = { [P in SnapshotPart]?: CloudReading<SnapshotParts[P]> };

interface Row {
  part: SnapshotPart;
  audit_mark: string;
  read_at: Date;
  value: unknown;
}

/** The stored parts of this release's format, to read beside Estado's other statements. */
export function estadoSnapshotStatement(): Statement<EstadoSnapshot> {
  return statement(
    `SELECT part, audit_mark, read_at, value FROM turno.estado_snapshot
      WHERE format = ${snapshotFormat}`,
    (rows: Row[]) => {
      const snapshot: Record<string, CloudReading<unknown>> = {};
      for (const row of rows) {
        snapshot[row.part] = { value: row.value, readAt: row.read_at, mark: row.audit_mark };
      }
      return snapshot as EstadoSnapshot;
    },
  );
}

/** When the newest audit row says its action was done; null before the first. */
export function lastActionAtStatement(): Statement<Date | null> {
  return statement('SELECT at FROM turno.audit_log ORDER BY id DESC LIMIT 1',
    (rows: Array<{ at: Date }>) => rows[0]?.at ?? null);
}

/**
 * Whether a stored reading may stand for a live one: no action since it began (same audit
 * mark) and younger than `maxAgeMs`. One stamped more than `clockSkewMs` ahead is not.
 */
export function usableReading<T>(
  reading: CloudReading<T> | undefined, mark: string, now: Date, maxAgeMs: number,
): reading is CloudReading<T> {
  if (!reading || reading.mark !== mark) return false;
  const age = now.getTime() - reading.readAt.getTime();
  return age >= -clockSkewMs && age < maxAgeMs;
}

/** Whether a reading begun at `readAt` may be stored: `snapshotSettleMs` after the last action. */
export function settled(lastActionAt: Date | null, readAt: Date): boolean {
  return !lastActionAt || readAt.getTime() - lastActionAt.getTime() >= snapshotSettleMs;
}

/**
 * Stores a part unless a reading that began later is stored already; one stamped beyond
 * `clockSkewMs` ahead of this one is replaced, or a clock set wrong once would freeze it.
 */
export async function saveSnapshotPart<P extends SnapshotPart>(
  pool: Pool, part: P, reading: CloudReading<SnapshotParts[P]>,
): Promise<void> {
  await pool.query(
    `INSERT INTO turno.estado_snapshot (part, format, audit_mark, read_at, value)
      VALUES ($1, $2, $3, $4, $5)
      ON CONFLICT (part) DO UPDATE SET format = EXCLUDED.format,
        audit_mark = EXCLUDED.audit_mark, read_at = EXCLUDED.read_at, value = EXCLUDED.value
      WHERE estado_snapshot.read_at <= EXCLUDED.read_at
        OR estado_snapshot.read_at > EXCLUDED.read_at + $6 * interval '1 millisecond'
        OR estado_snapshot.format <> EXCLUDED.format`,
    // Stringified here: pg would send a JavaScript array as a PostgreSQL array.
    [
      part, snapshotFormat, reading.mark, reading.readAt, JSON.stringify(reading.value),
      clockSkewMs,
    ],
  );
}

/** True for the one caller that may refresh now: none did within `snapshotRefreshMs`. */
export async function claimSnapshotRefresh(pool: Pool, now: Date): Promise<boolean> {
  const { rowCount } = await pool.query(
    `INSERT INTO turno.estado_snapshot_refresh (id, claimed_at) VALUES (true, $1)
      ON CONFLICT (id) DO UPDATE SET claimed_at = EXCLUDED.claimed_at
      WHERE estado_snapshot_refresh.claimed_at <= $2
        OR estado_snapshot_refresh.claimed_at > EXCLUDED.claimed_at`,
    [now, new Date(now.getTime() - snapshotRefreshMs)],
  );
  return rowCount === 1;
}
