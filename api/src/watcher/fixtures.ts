import type { Pool } from 'pg';

/** Timestamps in Sync_error carry no zone and are UTC: the wall time of a Date in UTC. */
export function utcTimestamp(at: Date): string {
  return at.toISOString().replace('Z', '');
}

/**
 * Test support: copies the runbook's sample rows `from`…`to` (sync_error_sample.sql) as new
 * rows, moved in time so the newest lands at `latest` and the gaps between them stay.
 */
export async function copySampleRows(
  pool: Pool, from: number, to: number, latest: Date,
): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO "Sync_error"
        (client_id, json_data, created_at, updated_at, data_source_id, function_name)
      SELECT client_id, json_data, created_at + shift, updated_at + shift, data_source_id,
        function_name
      FROM "Sync_error",
        (SELECT $3::timestamp - max(created_at) AS shift FROM "Sync_error"
          WHERE id BETWEEN $1 AND $2) AS moved
      WHERE id BETWEEN $1 AND $2
      ORDER BY created_at
      RETURNING id::text AS id`,
    [from, to, utcTimestamp(latest)],
  );
  return rows.map((row) => row.id);
}

interface NewSyncError {
  text?: string;
  /** json_data as the platform stored it; `text` is stored when this is absent. */
  jsonData?: unknown;
  at: Date;
  functionName?: string;
  /** MIX's by default; null for a function of UP's own, such as its email Lambda. */
  dataSourceId?: number | null;
}

/** Test support: one new Sync_error row. */
export async function insertSyncError(pool: Pool, row: NewSyncError): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO "Sync_error" (json_data, created_at, updated_at, data_source_id, function_name)
      VALUES ($1::json, $2::timestamp, $2::timestamp, $3, $4) RETURNING id::text AS id`,
    [
      JSON.stringify(row.jsonData ?? row.text ?? null), utcTimestamp(row.at),
      row.dataSourceId === undefined ? 1 : row.dataSourceId,
      row.functionName ?? 'linde-mix-get-events',
    ],
  );
  return rows[0]?.id ?? '';
}
