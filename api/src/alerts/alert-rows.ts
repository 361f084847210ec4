import type { Alert, AlertState, AlertSummary } from '@turno/shared';

export interface AlertSummaryRow {
  id: string;
  category: string;
  card: string | null;
  severity: string;
  state: AlertState;
  count: number;
  probe_count: number;
  first_seen: Date;
  last_seen: Date;
  active_at: Date;
  opened_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  dedup_key: string;
  origin: 'sync-error' | 'probe';
  probe: string | null;
  detail: Record<string, unknown> | null;
  resources: string[];
  reopened: number;
  reopened_at: Date | null;
  reopened_after_by: string | null;
  functions: Array<{ name: string; count: number }>;
}

export interface AlertRow extends AlertSummaryRow {
  sources: Array<{ source: number; count: number }>;
  samples: string[];
}

// Distinct texts, newest first: fifteen copies of one message teach nothing.
const sampleCount = 5;

const baseColumns = `a.id::text AS id, a.category, a.card, a.severity, a.state, a.count,
  a.probe_count, a.first_seen, a.last_seen, a.active_at, a.opened_at, a.acknowledged_at,
  a.acknowledged_by, a.resolved_at, a.resolved_by, a.dedup_key, a.origin, a.probe, a.detail,
  a.resources, a.reopened, a.reopened_at, a.reopened_after_by`;

const functionCounts = `(SELECT coalesce(
      json_agg(json_build_object('name', f.name, 'count', f.count) ORDER BY f.count DESC, f.name),
      '[]')
    FROM (SELECT function_name AS name, count(*)::int AS count FROM turno.seen_errors
      WHERE alert_id = a.id AND function_name IS NOT NULL GROUP BY function_name) AS f
  ) AS functions`;

const sourceCounts = `(SELECT coalesce(
      json_agg(json_build_object('source', d.source, 'count', d.count)
        ORDER BY d.count DESC, d.source),
      '[]')
    FROM (SELECT data_source_id AS source, count(*)::int AS count FROM turno.seen_errors
      WHERE alert_id = a.id AND data_source_id IS NOT NULL GROUP BY data_source_id) AS d
  ) AS sources`;

const samples = `(SELECT coalesce(json_agg(t.text ORDER BY t.last DESC), '[]')
    FROM (SELECT text, max(created_at) AS last FROM turno.seen_errors WHERE alert_id = a.id
      GROUP BY text ORDER BY last DESC LIMIT ${sampleCount}) AS t
  ) AS samples`;

/**
 * An alert's columns and, from `turno.seen_errors`, its counts per function and per data
 * source and its newest distinct texts: one statement over `turno.alerts AS a`, one round trip.
 */
export const alertColumns = `${baseColumns}, ${functionCounts}, ${sourceCounts}, ${samples}`;

/** The columns of an alert as Estado lists it: counts per function only. */
export const alertSummaryColumns = `${baseColumns}, ${functionCounts}`;

/** An alert as Estado lists it, from a row of `alertSummaryColumns` (or `alertColumns`). */
export function toAlertSummary(row: AlertSummaryRow): AlertSummary {
  return {
    id: row.id,
    category: row.category,
    card: row.card,
    severity: row.severity,
    state: row.state,
    count: row.count,
    checks: row.probe_count,
    functions: row.functions,
    firstSeen: row.first_seen.toISOString(),
    lastSeen: row.last_seen.toISOString(),
    openedAt: row.opened_at.toISOString(),
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    acknowledgedBy: row.acknowledged_by,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    resolvedBy: row.resolved_by,
    key: row.dedup_key,
    origin: row.origin,
    probe: row.probe,
    detail: row.detail,
    resources: row.resources,
    reopened: row.reopened,
    reopenedAt: row.reopened_at?.toISOString() ?? null,
    reopenedAfterBy: row.reopened_after_by,
  };
}

/** An alert as the API shows it, data sources by the names UP gives them. */
export function toAlert(row: AlertRow, dataSources: Record<number, string>): Alert {
  return {
    ...toAlertSummary(row),
    sources: row.sources.map((tally) => ({
      name: sourceName(tally.source, dataSources), count: tally.count,
    })),
    samples: row.samples,
  };
}

/** The name UP shows for a data source (1 → MIX); an unknown id shows as its number. */
export function sourceName(id: number, dataSources: Record<number, string>): string {
  return dataSources[id] ?? String(id);
}
