import {
  quoteName, selectSyncErrors, syncErrorColumn as column, toSyncErrorRecord,
  type SyncErrorDbRow, type SyncErrorRecord,
} from '../db/sync-error-table.ts';
import type { AppConfig, AppDeps } from '../types.ts';

type Table = AppConfig['syncError'];

/** The poll: rows after the cursor, in id order, as a range of the primary-key index. */
export function newRowsQuery(table: Table): string {
  const id = column(table.idColumn);
  return `${selectSyncErrors(table)} WHERE ${id} > $1::bigint ORDER BY ${id} LIMIT $2`;
}

export async function readNewRows(
  deps: Pick<AppDeps, 'upPool' | 'config'>, cursor: string, limit: number,
): Promise<SyncErrorRecord[]> {
  const { rows } = await deps.upPool.query<SyncErrorDbRow>(
    newRowsQuery(deps.config.syncError), [cursor, limit],
  );
  return rows.map(toSyncErrorRecord);
}

/** Gaps below the cursor read again: one primary-key probe per id. */
export function rowsByIdQuery(table: Table): string {
  const id = column(table.idColumn);
  return `${selectSyncErrors(table)} WHERE ${id} = ANY($1::bigint[]) ORDER BY ${id}`;
}

export async function readRowsById(
  deps: Pick<AppDeps, 'upPool' | 'config'>, ids: readonly string[],
): Promise<SyncErrorRecord[]> {
  if (ids.length === 0) return [];
  const { rows } = await deps.upPool.query<SyncErrorDbRow>(
    rowsByIdQuery(deps.config.syncError), [ids],
  );
  return rows.map(toSyncErrorRecord);
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
      FROM ${quoteName(table.table)} AS e ${where} ORDER BY ${id} DESC LIMIT $1`,
    before === null ? [walkPage] : [walkPage, before],
  );
  return rows;
}
