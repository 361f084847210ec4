import type { Pool, PoolClient } from 'pg';
import type { MaintenanceWindow } from '@turno/shared';

type Db = Pool | PoolClient;

interface Row {
  id: string;
  starts_at: Date;
  ends_at: Date;
  resources: string[];
  reason: string;
  created_by: string;
  ended_by: string | null;
}

const columns = 'id::text AS id, starts_at, ends_at, resources, reason, created_by, ended_by';

/** Windows ended less than a week ago, current ones and future ones, newest start first. */
export async function listWindows(db: Db, now: Date): Promise<MaintenanceWindow[]> {
  const { rows } = await db.query<Row>(
    `SELECT ${columns} FROM turno.maintenance_windows
      WHERE ends_at > $1::timestamptz - interval '7 days'
      ORDER BY starts_at DESC, id DESC LIMIT 100`,
    [now],
  );
  return rows.map((row) => toWindow(row, now));
}

export interface NewWindow {
  startsAt: string;
  endsAt: string;
  /** The names people chose, as the catalog spells them. */
  resources: string[];
  /** Every name and id of those resources: what alerts are matched against. */
  covers: string[];
  reason: string;
}

export async function addWindow(
  db: Db,
  input: NewWindow,
  by: string,
  now: Date,
): Promise<MaintenanceWindow> {
  const resources = [...new Set(input.resources)];
  const covers = [...new Set(input.covers)];
  const { rows } = await db.query<Row>(
    `INSERT INTO turno.maintenance_windows
        (starts_at, ends_at, resources, covers, reason, created_by)
      VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${columns}`,
    [input.startsAt, input.endsAt, resources, covers, input.reason, by],
  );
  const row = rows[0];
  if (!row) throw new Error('INSERT … RETURNING gave no row');
  return toWindow(row, now);
}

/**
 * Ends a window now: a current one stops holding alerts (they go out on the next tick), a
 * future one is cancelled. Returns the window before and after; null when there is none.
 */
export async function endWindow(
  db: Db, id: string, by: string, now: Date,
): Promise<{ before: MaintenanceWindow; after: MaintenanceWindow | null } | null> {
  if (!/^\d{1,18}$/.test(id)) return null;
  const { rows } = await db.query<Row>(`SELECT ${columns} FROM turno.maintenance_windows
    WHERE id = $1`, [id]);
  const found = rows[0];
  if (!found) return null;
  const before = toWindow(found, now);
  if (before.state === 'ended') return { before, after: before };
  if (before.state === 'scheduled') {
    await db.query('DELETE FROM turno.maintenance_windows WHERE id = $1', [id]);
    return { before, after: null };
  }
  const { rows: ended } = await db.query<Row>(
    `UPDATE turno.maintenance_windows SET ends_at = $2, ended_by = $3 WHERE id = $1
      RETURNING ${columns}`,
    [id, now, by],
  );
  return { before, after: ended[0] ? toWindow(ended[0], now) : null };
}

function toWindow(row: Row, now: Date): MaintenanceWindow {
  const state = row.starts_at > now ? 'scheduled' : row.ends_at > now ? 'active' : 'ended';
  return {
    id: row.id,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    resources: row.resources,
    reason: row.reason,
    createdBy: row.created_by,
    endedBy: row.ended_by,
    state,
  };
}
