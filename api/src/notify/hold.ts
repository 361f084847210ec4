import type { Pool, PoolClient } from 'pg';

type Db = Pool | PoolClient;

/**
 * What a maintenance window must cover to hold an alert (docs/notifying.md):
 * - a probe's alert is about what the probe looked at, its `probe_subjects` (the cron
 *   instance for a full disk or a stopped pm2 process, the database for its CPU); the rest of
 *   its resources is context;
 * - a Sync_error alert is about every function whose rows it counts: one of them outside the
 *   windows and it goes out;
 * - an alert about a provider's credentials ("provider-forbidden:MIX") is held too by a window
 *   on that data source.
 * Windows match by `covers`: every name and id of the resources they name.
 */
const subjectsOf = (alias: string) => `(CASE WHEN cardinality(${alias}.probe_subjects) > 0
  THEN ${alias}.probe_subjects ELSE ${alias}.resources END)`;

/** SQL: when the last window current at `now` and covering `resource` ends; null: none. */
const coveredUntil = (resource: string, now: string) => `(SELECT max(w.ends_at)
  FROM turno.maintenance_windows w
  WHERE w.starts_at <= ${now} AND w.ends_at > ${now} AND ${resource} = ANY(w.covers))`;

/**
 * SQL: until when windows current at `now` hold the alert aliased `alias` (one window or
 * several together): the first moment one of its subjects is no longer covered. Null when
 * they do not hold it.
 */
export function heldUntilSql(alias: string, now: string): string {
  return `greatest(
    ${coveredUntil(`(${alias}.detail ->> 'provider')`, now)},
    (SELECT CASE WHEN count(*) > 0 AND bool_and(until IS NOT NULL) THEN min(until) END
      FROM (SELECT ${coveredUntil('held.subject', now)} AS until
        FROM unnest(${subjectsOf(alias)}) AS held(subject)) AS covered))`;
}

/** SQL that is true when windows current at `now` hold the alert aliased `alias`. */
export function heldSql(alias: string, now: string): string {
  return `(${heldUntilSql(alias, now)} IS NOT NULL)`;
}

/** Until when maintenance holds this alert; null when it does not (or there is no alert). */
export async function heldUntil(db: Db, alertId: string, now: Date): Promise<Date | null> {
  const { rows } = await db.query<{ until: Date | null }>(
    `SELECT ${heldUntilSql('a', '$2::timestamptz')} AS until FROM turno.alerts a
      WHERE a.id = $1::uuid`,
    [alertId, now],
  );
  return rows[0]?.until ?? null;
}
