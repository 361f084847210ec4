import type pg from 'pg';
import type { AppConfig } from '../types.ts';
import { quoteIdentifier as q } from './pools.ts';

/** One Sync_error row with the configured column names resolved. */
export interface SyncErrorRecord {
  id: string;
  jsonData: unknown;
  createdAt: Date;
  functionName: string | null;
  dataSourceId: number | null;
}

// Aliases differ from column names: ORDER BY would otherwise sort the ::text alias.
interface Row {
  row_id: string;
  json_data: unknown;
  created_at: Date;
  function_name: string | null;
  data_source_id: number | string | null;
}

export interface PageRequest {
  /** Only rows with a smaller id: the last id of the previous page. */
  before?: string | undefined;
  limit: number;
}

/** Latest rows first, paged by primary key so each page is an index range, never a scan. */
export async function readSyncErrorPage(
  pool: pg.Pool, table: AppConfig['syncError'], page: PageRequest,
): Promise<SyncErrorRecord[]> {
  const id = q(table.idColumn);
  const select = `SELECT ${id}::text AS row_id, ${q(table.jsonColumn)} AS json_data,
      ${q(table.createdColumn)} AS created_at, ${q(table.functionColumn)}::text AS function_name,
      ${q(table.sourceColumn)} AS data_source_id
    FROM ${q(table.table)}`;
  const { rows } = page.before === undefined
    ? await pool.query<Row>(`${select} ORDER BY ${id} DESC LIMIT $1`, [page.limit])
    : await pool.query<Row>(
      `${select} WHERE ${id} < $1 ORDER BY ${id} DESC LIMIT $2`, [page.before, page.limit],
    );
  return rows.map((row) => ({
    id: row.row_id,
    jsonData: row.json_data,
    createdAt: row.created_at,
    functionName: row.function_name,
    dataSourceId: row.data_source_id === null ? null : Number(row.data_source_id),
  }));
}
