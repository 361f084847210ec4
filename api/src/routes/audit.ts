import { Hono } from 'hono';
import type { Pool } from 'pg';
import * as z from 'zod';
import {
  categoryTitle, pageLimit, redact, redactValue, type AuditEntry, type Bilingual,
  type CategoryId,
} from '@turno/shared';
import { listAudit } from '../audit/audit-log.ts';
import { findDrill } from '../probes/drills.ts';
import { readQuery, rowIdParam } from '../request.ts';
import type { AppDeps, AppEnv } from '../types.ts';

const auditQuery = z.object({
  before: rowIdParam.optional(),
  limit: pageLimit(500, 100),
});
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `/api/audit?before=&limit=`: what was done to production, by whom, newest first; `before`
 * (the last id of a page) pages back through older rows.
 */
export function auditRoutes(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/', async (c) => {
    const { before, limit } = readQuery(c, auditQuery);
    const entries = await listAudit(deps.statePool, limit, before);
    const alerts = await alertTitles(deps.statePool, entries);
    return c.json(entries.map((entry) => forReading(entry, alerts)));
  });
}

/** The cause of each alert the rows name, for a title the PWA can show in either language. */
async function alertTitles(pool: Pool, entries: AuditEntry[]): Promise<Map<string, Bilingual>> {
  const ids = entries.filter((entry) => entry.action.startsWith('alert.'))
    .map((entry) => entry.target.replace(/^alert\//, '')).filter((id) => uuid.test(id));
  if (ids.length === 0) return new Map();
  const { rows } = await pool.query<{ id: string; category: string }>(
    'SELECT id::text AS id, category FROM turno.alerts WHERE id = ANY($1::uuid[])', [ids],
  );
  return new Map(rows.map((row) => [row.id, categoryTitle(row.category as CategoryId)]));
}

/**
 * Redacted again on the way out (a row may predate a redaction rule) and with the title of a
 * drill or an alert's cause, which the PWA cannot know from an id.
 */
function forReading(entry: AuditEntry, alerts: Map<string, Bilingual>): AuditEntry {
  const drill = entry.action.startsWith('drill.') ? findDrill(entry.target)?.title : undefined;
  const alert = entry.action.startsWith('alert.')
    ? alerts.get(entry.target.replace(/^alert\//, '')) : undefined;
  return {
    ...entry,
    before: redactValue(entry.before),
    after: redactValue(entry.after),
    detail: entry.detail === null ? null : redact(entry.detail),
    targetTitle: drill ?? alert ?? null,
  };
}
