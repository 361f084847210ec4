import type { Pool, PoolClient } from 'pg';
import type { ProbeOutcome, ProbeRun, ProbeSummary } from './types.ts';

type Db = Pool | PoolClient;

interface ProbeRunRow {
  probe: string;
  last_run_at: Date | null;
  next_run_at: Date | null;
  outcome: ProbeOutcome | null;
  summary: ProbeSummary | null;
  last_ok_at: Date | null;
  last_failure: string | null;
  failures: number;
}

/**
 * Takes the probe's turn if it is due: moving next_run_at is the claim, so of two watchers
 * only one runs it, and a probe that hangs is not started again before its interval.
 */
export async function claimProbe(
  db: Db, probe: string, now: Date, intervalSeconds: number,
): Promise<boolean> {
  await db.query(
    'INSERT INTO turno.probe_runs (probe) VALUES ($1) ON CONFLICT (probe) DO NOTHING', [probe],
  );
  const { rowCount } = await db.query(
    `UPDATE turno.probe_runs SET next_run_at = $2
      WHERE probe = $1 AND (next_run_at IS NULL OR next_run_at <= $3)`,
    [probe, new Date(now.getTime() + intervalSeconds * 1000), now],
  );
  return (rowCount ?? 0) > 0;
}

export async function recordProbeRun(
  db: Db,
  probe: string,
  run: { at: Date; outcome: ProbeOutcome; summary: ProbeSummary | null; failure?: string },
): Promise<void> {
  const failed = run.outcome === 'failed';
  await db.query(
    `UPDATE turno.probe_runs SET last_run_at = $2, outcome = $3,
        summary = CASE WHEN $5 THEN summary ELSE $4::jsonb END,
        last_ok_at = CASE WHEN $5 THEN last_ok_at ELSE $2 END,
        last_failure = CASE WHEN $5 THEN $6 ELSE last_failure END,
        failures = CASE WHEN $5 THEN failures + 1 ELSE 0 END
      WHERE probe = $1`,
    [probe, run.at, run.outcome, run.summary === null ? null : JSON.stringify(run.summary),
      failed, run.failure ?? null],
  );
}

/** Every probe that has run, by name. */
export async function listProbeRuns(db: Db): Promise<ProbeRun[]> {
  const { rows } = await db.query<ProbeRunRow>(
    `SELECT probe, last_run_at, next_run_at, outcome, summary, last_ok_at, last_failure, failures
      FROM turno.probe_runs ORDER BY probe`,
  );
  return rows.map((row) => ({
    probe: row.probe,
    lastRunAt: row.last_run_at,
    nextRunAt: row.next_run_at,
    outcome: row.outcome,
    summary: row.summary,
    lastOkAt: row.last_ok_at,
    lastFailure: row.last_failure,
    failures: row.failures,
  }));
}
