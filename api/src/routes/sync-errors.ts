import { Hono } from 'hono';
import * as z from 'zod';
import { diagnose, pageLimit, redact, TurnoError, type SyncErrorRow } from '@turno/shared';
import type { SyncErrorRecord } from '../db/sync-error-table.ts';
import { readSyncErrorPage } from '../db/sync-errors.ts';
import { readQuery, rowIdParam } from '../request.ts';
import type { AppConfig, AppDeps, AppEnv } from '../types.ts';

const pageQuery = z.object({
  before: rowIdParam.optional(),
  limit: pageLimit(200, 50),
});

/** GET /api/sync-errors?before=&limit=: UP's Server Health view, newest first, with a diagnosis. */
export function syncErrorsRoutes(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/', async (c) => {
    const page = readQuery(c, pageQuery);
    const records = await readSyncErrorPage(deps.upPool, deps.config.syncError, page)
      .catch(missingTable);

    const items = records.map((record) => toServerHealthRow(record, deps.config));
    const last = records.at(-1);
    const nextBefore = records.length === page.limit && last ? last.id : null;
    return c.json({ items, nextBefore });
  });
}

/** As UP's own Server Health screen shows a Sync_error row. */
export function toServerHealthRow(record: SyncErrorRecord, config: AppConfig): SyncErrorRow {
  const diagnosis = diagnose(record.jsonData, {
    functionName: record.functionName, dataSourceId: record.dataSourceId,
  });
  const sourceId = record.dataSourceId;
  return {
    id: record.id,
    category: 'Error en las APIs externas',
    status: 'Creado',
    description: redact(diagnosis.text),
    function: record.functionName,
    client: record.clientId ?? null,
    source: sourceId === null ? null : (config.dataSources[sourceId] ?? String(sourceId)),
    createdAt: record.createdAt.toISOString(),
    diagnosis: { category: diagnosis.category, card: diagnosis.card },
  };
}

/** A wrong SYNC_ERROR_TABLE or column setting is a configuration problem the app can name. */
function missingTable(error: unknown): never {
  const code = (error as { code?: unknown }).code;
  if (code === '42P01' || code === '42703') throw new TurnoError('sync_error_table_unavailable');
  throw error;
}
