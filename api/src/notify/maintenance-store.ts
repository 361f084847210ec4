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

/** SQL: windows that cover `now` and name the resource `resource`. */
const coveringSql = (resource: string, now: string) => `turno.maintenance_windows w
  WHERE w.starts_at <= ${now} AND w.ends_at > ${now} AND ${resource} = ANY(w.resources)`;

/**
 * SQL that is true when windows covering `$now` name every one of the alert's resources
 * (one window or several): an alert about fn-a, fn-b and fn-c goes out while only fn-a is in
 * maintenance. `alias` is the alerts table's alias in the query.
 */
export function heldSql(alias: string, now: string): string {
  return `(cardinality(${alias}.resources) > 0 AND NOT EXISTS (
    SELECT 1 FROM unnest(${alias}.resources) AS held(resource)
    WHERE NOT EXISTS (SELECT 1 FROM ${coveringSql('held.resource', now)})))`;
}

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

export async function addWindow(
  db: Db,
  input: { startsAt: string; endsAt: string; resources: string[]; reason: string },
  by: string,
  now: Date,
): Promise<MaintenanceWindow> {
  const resources = [...new Set(input.resources)];
  const { rows } = await db.query<Row>(
    `INSERT INTO turno.maintenance_windows (starts_at, ends_at, resources, reason, created_by)
      VALUES ($1, $2, $3, $4, $5) RETURNING ${columns}`,
    [input.startsAt, input.endsAt, resources, input.reason, by],
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

/**
 * Until when current windows hold an alert with these resources: the first moment one of them
 * is no longer covered. Null when some resource is not in maintenance, or there are none.
 */
export async function heldUntil(db: Db, resources: string[], now: Date): Promise<Date | null> {
  if (resources.length === 0) return null;
  const { rows } = await db.query<{ until: Date | null }>(
    `SELECT CASE WHEN bool_and(until IS NOT NULL) THEN min(until) END AS until FROM (
        SELECT (SELECT max(w.ends_at) FROM ${coveringSql('held.resource', '$1')}) AS until
        FROM unnest($2::text[]) AS held(resource)
      ) AS covered`,
    [now, resources],
  );
  return rows[0]?.until ?? null;
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
