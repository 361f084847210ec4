import type { PoolClient } from 'pg';
import {
  diagnose, redact, type CardId, type CategoryId, type DiagnosedRow,
} from '@turno/shared';
import type { SyncErrorRecord } from '../db/sync-error-table.ts';

/** A newly stored row: classified and redacted, never the raw json_data. */
export interface SeenError extends DiagnosedRow {
  severity: string;
}

interface StoredRow {
  id: string;
  category: CategoryId;
  card: CardId | null;
  severity: string;
  created_at: Date;
  function_name: string | null;
  data_source_id: number | null;
}

/**
 * Classifies and stores rows; a row stored before (a re-read, a second watcher) is skipped
 * and not returned, so it can never count twice.
 */
export async function storeSeenErrors(
  client: PoolClient, rows: SyncErrorRecord[],
): Promise<SeenError[]> {
  if (rows.length === 0) return [];
  const diagnoses = rows.map((row) => diagnose(row.jsonData, {
    functionName: row.functionName, dataSourceId: row.dataSourceId,
  }));
  const { rows: stored } = await client.query<StoredRow>(
    `INSERT INTO turno.seen_errors (sync_error_id, category, card, severity, function_name,
        data_source_id, created_at, text)
      SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[],
        $6::int[], $7::timestamptz[], $8::text[])
      ON CONFLICT (sync_error_id) DO NOTHING
      RETURNING sync_error_id::text AS id, category, card, severity, created_at,
        function_name, data_source_id`,
    [
      rows.map((row) => row.id),
      diagnoses.map((d) => d.category),
      diagnoses.map((d) => d.card),
      diagnoses.map((d) => d.severity),
      rows.map((row) => row.functionName),
      rows.map((row) => row.dataSourceId),
      rows.map((row) => row.createdAt),
      diagnoses.map((d) => redact(d.text)),
    ],
  );
  return stored.map((row) => ({
    id: row.id,
    category: row.category,
    card: row.card,
    severity: row.severity,
    createdAt: row.created_at,
    functionName: row.function_name,
    dataSourceId: row.data_source_id,
  }));
}
