import type pg from 'pg';

/**
 * Copies the runbook's 2024-03-25 disk-full burst (sample rows 6–20: 15 errors, 4 functions,
 * 2 data sources, 6 minutes) as new rows, the last one now, keeping the spacing between them.
 * Timestamps are written in UTC, as Turno reads a timestamp without zone.
 */
export async function insertDiskFullBurst(db: pg.Pool): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(`
    WITH burst AS (
      SELECT * FROM "Sync_error" WHERE id BETWEEN 6 AND 20
    ), shift AS (
      SELECT (now() AT TIME ZONE 'UTC') - max(created_at) AS by FROM burst
    )
    INSERT INTO "Sync_error"
      (client_id, json_data, created_at, updated_at, data_source_id, function_name)
    SELECT client_id, json_data, created_at + shift.by, updated_at + shift.by,
           data_source_id, function_name
      FROM burst, shift
     ORDER BY created_at
    RETURNING id::text AS id`);
  if (rows.length !== 15) throw new Error(`Expected 15 burst rows, inserted ${rows.length}`);
  return rows.map((row) => row.id);
}
