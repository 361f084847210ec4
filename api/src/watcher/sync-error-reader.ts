import { escapeIdentifier } from 'pg';
import type { AppConfig, AppDeps } from '../types.ts';

export interface SyncErrorRow {
  id: string;
  jsonData: unknown;
  createdAt: Date;
  functionName: string | null;
  dataSourceId: number | null;
}

interface Row {
  id: string;
  json_data: unknown;
  created_at: Date;
  function_name: string | null;
  data_source_id: number | string | null;
}

type Table = AppConfig['syncError'];

/** Configured names may be schema-qualified (`public.Sync_error`). */
function quote(name: string): string {
  return name.split('.').map((part) => escapeIdentifier(part)).join('.');
}

/** Columns are qualified with the alias `e`: a bare `id` in ORDER BY would mean the text alias. */
function column(name: string): string {
  return `e.${quote(name)}`;
}

function selectFrom(table: Table): string {
  return `SELECT ${column(table.idColumn)}::text AS id, ${column(table.jsonColumn)} AS json_data,
      ${column(table.createdColumn)} AS created_at,
      ${column(table.functionColumn)}::text AS function_name,
      ${column(table.sourceColumn)} AS data_source_id
    FROM ${quote(table.table)} AS e`;
}

/** The poll: rows after the cursor, in id order, as a range of the primary-key index. */
export function newRowsQuery(table: Table): string {
  const id = column(table.idColumn);
  return `${selectFrom(table)} WHERE ${id} > $1::bigint ORDER BY ${id} LIMIT $2`;
}

export async function readNewRows(
  deps: Pick<AppDeps, 'upPool' | 'config'>, cursor: string, limit: number,
): Promise<SyncErrorRow[]> {
  const { rows } = await deps.upPool.query<Row>(
    newRowsQuery(deps.config.syncError), [cursor, limit],
  );
  return rows.map(toSyncErrorRow);
}

interface WalkRow {
  id: string;
  created_at: Date;
}

const walkPage = 500;
const walkLimit = 20_000;

/**
 * Where a first start begins: the newest id older than `since`, so older history is never
 * paged about. Walks back from the newest row through the primary key and stops at the first
 * row older than the window, so the cost follows the window's rows, never the table's size.
 */
export async function findStartCursor(
  deps: Pick<AppDeps, 'upPool' | 'config'>, since: Date,
): Promise<string> {
  let before: string | null = null;
  for (let walked = 0; walked < walkLimit; walked += walkPage) {
    const rows: WalkRow[] = await walkBack(deps, before);
    const older = rows.find((row) => row.created_at.getTime() < since.getTime());
    if (older) return older.id;
    const last = rows.at(-1);
    if (!last) break;
    before = last.id;
    if (rows.length < walkPage) break;
  }
  return before === null ? '0' : (BigInt(before) - 1n).toString();
}

async function walkBack(
  deps: Pick<AppDeps, 'upPool' | 'config'>, before: string | null,
): Promise<WalkRow[]> {
  const table = deps.config.syncError;
  const id = column(table.idColumn);
  const where = before === null ? '' : `WHERE ${id} < $2::bigint`;
  const { rows } = await deps.upPool.query<WalkRow>(
    `SELECT ${id}::text AS id, ${column(table.createdColumn)} AS created_at
      FROM ${quote(table.table)} AS e ${where} ORDER BY ${id} DESC LIMIT $1`,
    before === null ? [walkPage] : [walkPage, before],
  );
  return rows;
}

function toSyncErrorRow(row: Row): SyncErrorRow {
  return {
    id: row.id,
    jsonData: row.json_data,
    createdAt: row.created_at,
    functionName: row.function_name,
    dataSourceId: row.data_source_id === null ? null : Number(row.data_source_id),
  };
}
