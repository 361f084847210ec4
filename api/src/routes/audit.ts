import { Hono } from 'hono';
import { z } from 'zod';
import { listAudit } from '../audit/audit-log.ts';
import { readQuery } from '../request.ts';
import type { AppDeps, AppEnv } from '../types.ts';

const auditQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });

/** `/api/audit`: what was done to production, by whom, newest first. */
export function auditRoutes(deps: AppDeps): Hono<AppEnv> {
  return new Hono<AppEnv>().get('/', async (c) => {
    const { limit } = readQuery(c, auditQuery);
    return c.json(await listAudit(deps.statePool, limit));
  });
}
