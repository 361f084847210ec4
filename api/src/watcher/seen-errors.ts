import type { PoolClient } from 'pg';
import {
  diagnose, redact, type CardId, type CategoryId, type DiagnosedRow,
} from '@turno/shared';
import type { SyncErrorRecord } from '../db/sync-error-table.ts';
import { errorFields } from '../log.ts';
import type { Logger } from '../types.ts';

/** A newly stored row: classified and redacted, never the raw json_data. */
export interface SeenError extends DiagnosedRow {
  severity: string;
}

interface Entry {
  id: string;
  category: CategoryId;
  card: CardId | null;
  severity: string;
  functionName: string | null;
  dataSourceId: number | null;
  createdAt: Date;
  text: string;
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
 * and not returned, so it can never count twice. A row the database refuses is stored bare,
 * without its text and data source, so a poison row still counts and never holds the cursor.
 */
export async function storeSeenErrors(
  client: PoolClient, rows: SyncErrorRecord[], context: { now: Date; log: Logger },
): Promise<SeenError[]> {
  if (rows.length === 0) return [];
  const entries = rows.map((row) => toEntry(row, context.now));
  try {
    return await inSavepoint(client, () => insert(client, entries));
  } catch (error) {
    if (!isRowProblem(error)) throw error;
  }
  const stored: SeenError[] = [];
  for (const entry of entries) {
    try {
      stored.push(...await inSavepoint(client, () => insert(client, [entry])));
    } catch (error) {
      if (!isRowProblem(error)) throw error;
      const fields = { syncErrorId: entry.id, ...errorFields(error) };
      context.log.warn('watcher.row_stored_bare', fields);
      stored.push(...await insert(client, [{ ...entry, dataSourceId: null, text: '' }]));
    }
  }
  return stored;
}

/** A time pg cannot send (`infinity` read back) counts as the moment the watcher saw it. */
function toEntry(row: SyncErrorRecord, now: Date): Entry {
  const diagnosis = diagnose(row.jsonData, {
    functionName: row.functionName, dataSourceId: row.dataSourceId,
  });
  return {
    id: row.id,
    category: diagnosis.category,
    card: diagnosis.card,
    severity: diagnosis.severity,
    functionName: row.functionName,
    dataSourceId: row.dataSourceId,
    createdAt: Number.isFinite(row.createdAt.getTime()) ? row.createdAt : now,
    text: redact(diagnosis.text),
  };
}

/** Data exceptions (22: a NUL, a number out of range) and integrity violations (23). */
function isRowProblem(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^2[23]/.test(code);
}

async function inSavepoint<T>(client: PoolClient, work: () => Promise<T>): Promise<T> {
  await client.query('SAVEPOINT seen_errors');
  try {
    const result = await work();
    await client.query('RELEASE SAVEPOINT seen_errors');
    return result;
  } catch (error) {
    await client.query('ROLLBACK TO SAVEPOINT seen_errors');
    await client.query('RELEASE SAVEPOINT seen_errors');
    throw error;
  }
}

async function insert(client: PoolClient, entries: Entry[]): Promise<SeenError[]> {
  const { rows: stored } = await client.query<StoredRow>(
    `INSERT INTO turno.seen_errors (sync_error_id, category, card, severity, function_name,
        data_source_id, created_at, text)
      SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[],
        $6::int[], $7::timestamptz[], $8::text[])
      ON CONFLICT (sync_error_id) DO NOTHING
      RETURNING sync_error_id::text AS id, category, card, severity, created_at,
        function_name, data_source_id`,
    [
      entries.map((entry) => entry.id),
      entries.map((entry) => entry.category),
      entries.map((entry) => entry.card),
      entries.map((entry) => entry.severity),
      entries.map((entry) => entry.functionName),
      entries.map((entry) => entry.dataSourceId),
      entries.map((entry) => entry.createdAt),
      entries.map((entry) => entry.text),
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
