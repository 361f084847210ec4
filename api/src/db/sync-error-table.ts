import { escapeIdentifier } from 'pg';
import type { AppConfig } from '../types.ts';

type Table = AppConfig['syncError'];

/** One Sync_error row with the configured column names resolved. */
export interface SyncErrorRecord {
  id: string;
  jsonData: unknown;
  createdAt: Date;
  functionName: string | null;
  dataSourceId: number | null;
  /** UP's client the row is about; read for Server Health only, so the watcher needs it not. */
  clientId?: string | null;
}

export interface SyncErrorDbRow {
  id: string;
  json_data: unknown;
  created_at: Date;
  function_name: string | null;
  data_source_id: number | string | null;
  client_id?: string | null;
}

/** Configured names may be schema-qualified (`public.Sync_error`). */
export function quoteName(name: string): string {
  return name.split('.').map((part) => escapeIdentifier(part)).join('.');
}

/** A column of the table aliased `e`: a bare `id` in ORDER BY would mean the text alias. */
export function syncErrorColumn(name: string): string {
  return `e.${quoteName(name)}`;
}

/**
 * `SELECT … FROM <table> AS e`, with columns aliased to {@link SyncErrorDbRow}; the client
 * column only when asked, so a table without one still feeds the watcher.
 */
export function selectSyncErrors(table: Table, { client = false } = {}): string {
  const col = syncErrorColumn;
  const clientId = client ? `, ${col(table.clientColumn)}::text AS client_id` : '';
  return `SELECT ${col(table.idColumn)}::text AS id, ${col(table.jsonColumn)} AS json_data,
      ${col(table.createdColumn)} AS created_at,
      ${col(table.functionColumn)}::text AS function_name,
      ${col(table.sourceColumn)} AS data_source_id${clientId}
    FROM ${quoteName(table.table)} AS e`;
}

export function toSyncErrorRecord(row: SyncErrorDbRow): SyncErrorRecord {
  return {
    id: row.id,
    jsonData: row.json_data,
    createdAt: row.created_at,
    functionName: row.function_name,
    dataSourceId: row.data_source_id === null ? null : Number(row.data_source_id),
    ...(row.client_id === undefined ? {} : { clientId: row.client_id }),
  };
}
