import { Hono } from 'hono';
import { z } from 'zod';
import { diagnose, redact, type SyncErrorRow } from '@turno/shared';
import type { SyncErrorRecord } from '../db/sync-error-table.ts';
import { readSyncErrorPage } from '../db/sync-errors.ts';
import { readQuery } from '../request.ts';
import type { AppConfig, AppDeps, AppEnv } from '../types.ts';

const pageQuery = z.object({
  before: z.string().regex(/^\d{1,19}$/, { message: 'must be a row id' }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** GET /api/sync-errors?before=&limit=: UP's Server Health view, newest first, with a diagnosis. */
export function syncErrorsRoutes(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/', async (c) => {
    const page = readQuery(c, pageQuery);
    const records = await readSyncErrorPage(deps.upPool, deps.config.syncError, page);

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
    source: sourceId === null ? null : (config.dataSources[sourceId] ?? String(sourceId)),
    createdAt: record.createdAt.toISOString(),
    diagnosis: { category: diagnosis.category, card: diagnosis.card },
  };
}
