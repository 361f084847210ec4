import type { PoolClient } from 'pg';
import {
  crossesThreshold, groupByAlertKey, perProviderCategories, providerCard,
  type AlertGroup, type Severity,
} from '@turno/shared';
import { sourceName } from '../alerts/alert-rows.ts';
import {
  higherSeverity, liveAlertId, reopenRecent, withOrigin, type AlertRaise,
} from '../alerts/raise.ts';
import { noteDeadTokenRows } from '../probes/messaging/gmail-recurrence.ts';
import type { AppConfig } from '../types.ts';
import { ruleFor } from './rules.ts';
import type { SeenError } from './seen-errors.ts';

export interface AlertChanges {
  opened: string[];
  updated: string[];
}

type Group = AlertGroup<SeenError>;

/**
 * New rows join their alert's live one; an alert key without one opens when its rows inside
 * the rule's window cross the threshold. One cause, one alert, every function in it; a
 * provider's credentials are one alert per provider ("provider-forbidden:MIX").
 */
export async function applyToAlerts(
  client: PoolClient, config: AppConfig, seen: SeenError[], now: Date,
): Promise<AlertChanges> {
  const changes: AlertChanges = { opened: [], updated: [] };
  const groups = groupByAlertKey(seen, (id) => sourceName(id, config.dataSources));
  for (const group of groups.values()) {
    const live = await liveAlertId(client, group.key);
    if (live) {
      await attach(client, live, group.rows.map((row) => row.id), now, severityOf(group));
      changes.updated.push(live);
      if (group.category === 'gmail-token') await noteDeadTokenRows(client, live, now, false);
      continue;
    }
    const opened = await openIfCrossing(client, config, group, now);
    if (opened?.reopened) changes.updated.push(opened.id);
    else if (opened) changes.opened.push(opened.id);
    if (opened && group.category === 'gmail-token') {
      await noteDeadTokenRows(client, opened.id, now, true);
    }
  }
  return changes;
}

async function openIfCrossing(
  client: PoolClient, config: AppConfig, group: Group, now: Date,
): Promise<{ id: string; reopened: boolean } | null> {
  const { category, rows } = group;
  const rule = ruleFor(config, category);
  const earliest = rows.reduce((min, row) => Math.min(min, row.createdAt.getTime()), Infinity);
  const resolved = await handResolvedAt(client, group.key);
  const since = new Date(Math.max(earliest - rule.windowSeconds * 1000, resolved ?? -Infinity));
  const candidates = await unalerted(client, group, since);
  if (!crossesThreshold(candidates.map((row) => row.created_at), rule)) return null;

  const [first] = rows;
  const raise: AlertRaise = {
    key: group.key, category,
    card: group.provider === null ? first?.card ?? null : providerCard(category),
    severity: severityOf(group), origin: 'sync-error',
    ...(group.provider === null ? {} : { detail: { provider: group.provider } }),
  };
  const ids = candidates.map((row) => row.id);
  const back = await reopenRecent(client, raise, now, config.alertFlapSeconds);
  if (back) {
    await attach(client, back, ids, now, raise.severity);
    return { id: back, reopened: true };
  }
  const { rows: inserted } = await client.query<{ id: string }>(
    `INSERT INTO turno.alerts (dedup_key, category, card, severity, detail, origins, first_seen,
        last_seen, active_at, opened_at)
      VALUES ($1, $2, $3, $4, $5, ARRAY['sync-error'], $6, $6, $6, $6)
      ON CONFLICT (dedup_key) WHERE state <> 'resolved' DO NOTHING
      RETURNING id::text AS id`,
    [raise.key, category, raise.card, raise.severity, raise.detail ?? null, now],
  );
  const id = inserted[0]?.id;
  if (!id) return null;
  await attach(client, id, ids, now, raise.severity);
  return { id, reopened: false };
}

/**
 * When a person last resolved the key's alert, if that is its latest resolve: rows from before
 * it (read a moment late) were theirs to see, and only errors after it reopen the alert.
 */
async function handResolvedAt(client: PoolClient, key: string): Promise<number | null> {
  const { rows } = await client.query<{ at: Date }>(
    `SELECT resolved_at AS at FROM turno.alerts
      WHERE dedup_key = $1 AND state = 'resolved' AND resolved_by_hand
        AND resolved_at = (SELECT max(resolved_at) FROM turno.alerts WHERE dedup_key = $1)`,
    [key],
  );
  return rows[0]?.at.getTime() ?? null;
}

function severityOf(group: Group): Severity {
  return (group.rows[0]?.severity ?? 'warning') as Severity;
}

/**
 * Rows of the group's cause not yet in an alert since `since`; for a provider's alert only
 * that provider's, and for the cause's own key only rows that belong to no provider.
 */
async function unalerted(client: PoolClient, group: Group, since: Date) {
  const scoped = perProviderCategories.includes(group.category);
  const { rows } = await client.query<{ id: string; created_at: Date }>(
    `SELECT sync_error_id::text AS id, created_at FROM turno.seen_errors
      WHERE category = $1 AND alert_id IS NULL AND created_at >= $2
        AND (NOT $3 OR data_source_id IS NOT DISTINCT FROM $4)`,
    [group.category, since, scoped, group.dataSourceId],
  );
  return rows;
}

/**
 * Adds rows to an alert and recounts it from its rows and a probe's sightings, so the numbers
 * cannot drift. Its resources are every function of its rows and what a probe sees now.
 */
async function attach(
  client: PoolClient, alertId: string, ids: string[], now: Date, severity: Severity,
) {
  await client.query(
    `UPDATE turno.seen_errors SET alert_id = $1::uuid
      WHERE sync_error_id = ANY($2::bigint[]) AND alert_id IS NULL`,
    [alertId, ids],
  );
  await client.query(
    `UPDATE turno.alerts AS a
      SET count = s.count + a.probe_count, active_at = $2,
        first_seen = CASE WHEN a.probe_count = 0 THEN s.first_seen
          ELSE least(s.first_seen, a.first_seen) END,
        last_seen = CASE WHEN a.probe_count = 0 THEN s.last_seen
          ELSE greatest(s.last_seen, a.last_seen) END,
        resources = ARRAY(SELECT DISTINCT unnest(s.functions || a.probe_resources) ORDER BY 1),
        origins = ${withOrigin("'sync-error'")}, severity = ${higherSeverity('$3')}
      FROM (
        SELECT count(*)::int AS count, min(created_at) AS first_seen, max(created_at) AS last_seen,
          coalesce(array_agg(DISTINCT function_name ORDER BY function_name)
            FILTER (WHERE function_name IS NOT NULL), '{}') AS functions
        FROM turno.seen_errors WHERE alert_id = $1::uuid
      ) AS s
      WHERE a.id = $1::uuid`,
    [alertId, now, severity],
  );
}
