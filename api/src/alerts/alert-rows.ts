import type { Pool, PoolClient } from 'pg';
import type { Alert, AlertState } from '@turno/shared';

export interface AlertRow {
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
}

export const alertColumns = `id::text AS id, category, card, severity, state, count, probe_count,
  first_seen, last_seen, active_at, opened_at, acknowledged_at, acknowledged_by, resolved_at,
  resolved_by, dedup_key, origin, probe, detail, resources, reopened, reopened_at,
  reopened_after_by`;

type Db = Pool | PoolClient;
type Tally = Alert['functions'];

interface Details {
  functions: Map<string, Tally>;
  sources: Map<string, Tally>;
  samples: Map<string, string[]>;
}

const sampleCount = 5;

/** Alerts as the API shows them: counts per function and source, a few redacted samples. */
export async function toAlerts(
  db: Db, rows: AlertRow[], dataSources: Record<number, string>,
): Promise<Alert[]> {
  if (rows.length === 0) return [];
  const details = await readDetails(db, rows.map((row) => row.id), dataSources);
  return rows.map((row) => ({
    id: row.id,
    category: row.category,
    card: row.card,
    severity: row.severity,
    state: row.state,
    count: row.count,
    checks: row.probe_count,
    functions: details.functions.get(row.id) ?? [],
    sources: details.sources.get(row.id) ?? [],
    firstSeen: row.first_seen.toISOString(),
    lastSeen: row.last_seen.toISOString(),
    openedAt: row.opened_at.toISOString(),
    acknowledgedAt: row.acknowledged_at?.toISOString() ?? null,
    acknowledgedBy: row.acknowledged_by,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    resolvedBy: row.resolved_by,
    samples: details.samples.get(row.id) ?? [],
    key: row.dedup_key,
    origin: row.origin,
    probe: row.probe,
    detail: row.detail,
    resources: row.resources,
    reopened: row.reopened,
    reopenedAt: row.reopened_at?.toISOString() ?? null,
    reopenedAfterBy: row.reopened_after_by,
  }));
}

async function readDetails(
  db: Db, ids: string[], dataSources: Record<number, string>,
): Promise<Details> {
  const functions = await db.query<{ alert_id: string; name: string; count: number }>(
    `SELECT alert_id::text AS alert_id, function_name AS name, count(*)::int AS count
      FROM turno.seen_errors WHERE alert_id = ANY($1::uuid[]) AND function_name IS NOT NULL
      GROUP BY alert_id, function_name ORDER BY count DESC, function_name`,
    [ids],
  );
  const sources = await db.query<{ alert_id: string; source: number; count: number }>(
    `SELECT alert_id::text AS alert_id, data_source_id AS source, count(*)::int AS count
      FROM turno.seen_errors WHERE alert_id = ANY($1::uuid[]) AND data_source_id IS NOT NULL
      GROUP BY alert_id, data_source_id ORDER BY count DESC, data_source_id`,
    [ids],
  );
  // Distinct texts, newest first: fifteen copies of one message teach nothing.
  const samples = await db.query<{ alert_id: string; text: string }>(
    `SELECT a.id::text AS alert_id, s.text
      FROM unnest($1::uuid[]) AS a(id)
      CROSS JOIN LATERAL (
        SELECT text FROM turno.seen_errors WHERE alert_id = a.id
        GROUP BY text ORDER BY max(created_at) DESC LIMIT $2
      ) AS s`,
    [ids, sampleCount],
  );
  return {
    functions: group(functions.rows, (row) => ({ name: row.name, count: row.count })),
    sources: group(sources.rows, (row) => ({
      name: sourceName(row.source, dataSources),
      count: row.count,
    })),
    samples: group(samples.rows, (row) => row.text),
  };
}

/** The name UP shows for a data source (1 → MIX); an unknown id shows as its number. */
export function sourceName(id: number, dataSources: Record<number, string>): string {
  return dataSources[id] ?? String(id);
}

function group<R extends { alert_id: string }, T>(
  rows: R[], map: (row: R) => T,
): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const list = grouped.get(row.alert_id) ?? [];
    list.push(map(row));
    grouped.set(row.alert_id, list);
  }
  return grouped;
}
