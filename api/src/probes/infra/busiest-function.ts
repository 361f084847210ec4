import type { Pool } from 'pg';

export interface BusiestFunction {
  name: string;
  errors: number;
}

/**
 * The function with the most Sync_error rows since `since` (runbook 5.1.1: the one Server
 * Health shows failing), or null when none failed. Ties go to the name first in order.
 */
export async function busiestFunction(pool: Pool, since: Date): Promise<BusiestFunction | null> {
  const { rows } = await pool.query<{ name: string; errors: number }>(
    `SELECT function_name AS name, count(*)::int AS errors FROM turno.seen_errors
      WHERE created_at >= $1 AND function_name IS NOT NULL
      GROUP BY function_name ORDER BY errors DESC, name LIMIT 1`,
    [since],
  );
  return rows[0] ?? null;
}
