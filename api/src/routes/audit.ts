import { Hono } from 'hono';
import { z } from 'zod';
import { redact, redactValue, type AuditEntry } from '@turno/shared';
import { listAudit } from '../audit/audit-log.ts';
import { findDrill } from '../probes/drills.ts';
import { readQuery } from '../request.ts';
import type { AppDeps, AppEnv } from '../types.ts';

const auditQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });

/** `/api/audit`: what was done to production, by whom, newest first. */
export function auditRoutes(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/', async (c) => {
    const { limit } = readQuery(c, auditQuery);
    const entries = await listAudit(deps.statePool, limit);
    return c.json(entries.map(forReading));
  });
}

/**
 * Redacted again on the way out (a row may predate a redaction rule) and with a drill's title,
 * which the PWA cannot know from its name.
 */
function forReading(entry: AuditEntry): AuditEntry {
  const drill = entry.action.startsWith('drill.') ? findDrill(entry.target) : undefined;
  return {
    ...entry,
    before: redactValue(entry.before),
    after: redactValue(entry.after),
    detail: entry.detail === null ? null : redact(entry.detail),
    targetTitle: drill?.title ?? null,
  };
}
