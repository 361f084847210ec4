import type { PoolClient } from 'pg';
import { crossesThreshold, groupByCause, type CategoryId } from '@turno/shared';
import type { AppConfig } from '../types.ts';
import { ruleFor } from './rules.ts';
import type { SeenError } from './seen-errors.ts';

export interface AlertChanges {
  opened: string[];
  updated: string[];
}

/**
 * New rows join their cause's live alert; a cause without one opens an alert when its rows
 * inside the rule's window cross the threshold. One cause, one alert, every function in it.
 */
export async function applyToAlerts(
  client: PoolClient, config: AppConfig, seen: SeenError[], now: Date,
): Promise<AlertChanges> {
  const changes: AlertChanges = { opened: [], updated: [] };
  for (const [category, rows] of groupByCause(seen)) {
    const ids = rows.map((row) => row.id);
    const live = await liveAlert(client, category);
    if (live) {
      await attach(client, live, ids, now);
      changes.updated.push(live);
      continue;
    }
    const opened = await openIfCrossing(client, config, category, rows, now);
    if (opened) changes.opened.push(opened);
  }
  return changes;
}

async function liveAlert(client: PoolClient, category: CategoryId): Promise<string | null> {
  const { rows } = await client.query<{ id: string }>(
    `SELECT id::text AS id FROM turno.alerts WHERE category = $1 AND state <> 'resolved'
      FOR UPDATE`,
    [category],
  );
  return rows[0]?.id ?? null;
}

async function openIfCrossing(
  client: PoolClient,
  config: AppConfig,
  category: CategoryId,
  rows: SeenError[],
  now: Date,
): Promise<string | null> {
  const rule = ruleFor(config, category);
  const earliest = rows.reduce((min, row) => Math.min(min, row.createdAt.getTime()), Infinity);
  const { rows: candidates } = await client.query<{ id: string; created_at: Date }>(
    `SELECT sync_error_id::text AS id, created_at FROM turno.seen_errors
      WHERE category = $1 AND alert_id IS NULL AND created_at >= $2`,
    [category, new Date(earliest - rule.windowSeconds * 1000)],
  );
  if (!crossesThreshold(candidates.map((row) => row.created_at), rule)) return null;

  const [first] = rows;
  const { rows: inserted } = await client.query<{ id: string }>(
    `INSERT INTO turno.alerts (category, card, severity, first_seen, last_seen, active_at,
        opened_at)
      VALUES ($1, $2, $3, $4, $4, $4, $4)
      ON CONFLICT (category) WHERE state <> 'resolved' DO NOTHING
      RETURNING id::text AS id`,
    [category, first?.card ?? null, first?.severity ?? 'warning', now],
  );
  const id = inserted[0]?.id;
  if (!id) return null;
  await attach(client, id, candidates.map((row) => row.id), now);
  return id;
}

/** Adds rows to an alert and recounts it from its rows, so the numbers cannot drift. */
async function attach(client: PoolClient, alertId: string, ids: string[], now: Date) {
  await client.query(
    `UPDATE turno.seen_errors SET alert_id = $1::uuid
      WHERE sync_error_id = ANY($2::bigint[]) AND alert_id IS NULL`,
    [alertId, ids],
  );
  await client.query(
    `UPDATE turno.alerts AS a
      SET count = s.count, first_seen = s.first_seen, last_seen = s.last_seen, active_at = $2
      FROM (
        SELECT count(*)::int AS count, min(created_at) AS first_seen, max(created_at) AS last_seen
        FROM turno.seen_errors WHERE alert_id = $1::uuid
      ) AS s
      WHERE a.id = $1::uuid`,
    [alertId, now],
  );
}
