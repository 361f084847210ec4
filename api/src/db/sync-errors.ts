import type pg from 'pg';
import type { AppConfig } from '../types.ts';
import {
  selectSyncErrors, syncErrorColumn, toSyncErrorRecord, type SyncErrorDbRow, type SyncErrorRecord,
} from './sync-error-table.ts';

export interface PageRequest {
  /** Only rows with a smaller id: the last id of the previous page. */
  before?: string | undefined;
  limit: number;
}

/** Latest rows first, paged by primary key so each page is an index range, never a scan. */
export async function readSyncErrorPage(
  pool: pg.Pool, table: AppConfig['syncError'], page: PageRequest,
): Promise<SyncErrorRecord[]> {
  const id = syncErrorColumn(table.idColumn);
  const select = selectSyncErrors(table, { client: true });
  const { rows } = page.before === undefined
    ? await pool.query<SyncErrorDbRow>(`${select} ORDER BY ${id} DESC LIMIT $1`, [page.limit])
    : await pool.query<SyncErrorDbRow>(
      `${select} WHERE ${id} < $1::bigint ORDER BY ${id} DESC LIMIT $2`,
      [page.before, page.limit],
    );
  return rows.map(toSyncErrorRecord);
}
