import type { Pool, PoolClient } from 'pg';
import { literal, statement, type Statement } from '../db/statements.ts';
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
  overdue: boolean;
}

/** How many of its runs' spacing a probe may go without finishing one. */
const runsToOverdue = 2;

/**
 * SQL, true when the probe of the `probe_runs` row has finished no run for two of its
 * runs' spacing since its last run (or its first claim): `now` is a parameter placeholder.
 */
export const overdueSql = (now: string) => `coalesce(interval_seconds IS NOT NULL
  AND coalesce(last_run_at, since) < ${now}::timestamptz
    - make_interval(secs => ${runsToOverdue} * interval_seconds), false)`;

/**
 * How often a probe really runs: the watcher claims it on its own ticks, so its interval
 * rounds up to a whole number of watcher intervals.
 */
export function runSpacingSeconds(intervalSeconds: number, watchIntervalSeconds: number): number {
  const tick = Math.max(1, watchIntervalSeconds);
  return Math.ceil(intervalSeconds / tick) * tick;
}

/**
 * Takes the probe's turn if it is due: moving next_run_at is the claim, so of two watchers
 * only one runs it, and a probe that hangs is not started again before its interval.
 * `spacingSeconds` is how often it really runs, kept for the overdue check.
 */
export async function claimProbe(
  db: Db, probe: string, now: Date, intervalSeconds: number, spacingSeconds = intervalSeconds,
): Promise<boolean> {
  await db.query(
    `INSERT INTO turno.probe_runs (probe, since, interval_seconds) VALUES ($1, $2, $3)
      ON CONFLICT (probe) DO UPDATE SET interval_seconds = $3,
        since = coalesce(turno.probe_runs.since, $2)`,
    [probe, now, spacingSeconds],
  );
  const { rowCount } = await db.query(
    `UPDATE turno.probe_runs SET next_run_at = $2
      WHERE probe = $1 AND (next_run_at IS NULL OR next_run_at <= $3)`,
    [probe, new Date(now.getTime() + intervalSeconds * 1000), now],
  );
  return (rowCount ?? 0) > 0;
}

/** The probe's next run comes at `at`, unless it was due sooner already. */
export async function retryProbeAt(db: Db, probe: string, at: Date): Promise<void> {
  await db.query(
    'UPDATE turno.probe_runs SET next_run_at = least(next_run_at, $2) WHERE probe = $1',
    [probe, at],
  );
}

/** The probe runs on the watcher's next pass, whatever its interval. */
export async function makeProbeDue(db: Db, probe: string): Promise<void> {
  await db.query('UPDATE turno.probe_runs SET next_run_at = NULL WHERE probe = $1', [probe]);
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

const probeRunsSql = (now: string) => `SELECT probe, last_run_at, next_run_at, outcome, summary,
    last_ok_at, last_failure, failures, ${overdueSql(now)} AS overdue
  FROM turno.probe_runs ORDER BY probe`;

/** Every probe that has run, by name; `overdue` as of `now`. */
export async function listProbeRuns(db: Db, now: Date = new Date()): Promise<ProbeRun[]> {
  const { rows } = await db.query<ProbeRunRow>(probeRunsSql('$1'), [now]);
  return rows.map(toProbeRun);
}

/** `listProbeRuns` as a statement, to read beside others in one round trip. */
export function probeRunsStatement(now: Date): Statement<ProbeRun[]> {
  return statement(probeRunsSql(literal(now.toISOString())),
    (rows: ProbeRunRow[]) => rows.map(toProbeRun));
}

function toProbeRun(row: ProbeRunRow): ProbeRun {
  return {
    probe: row.probe,
    lastRunAt: row.last_run_at,
    nextRunAt: row.next_run_at,
    outcome: row.outcome,
    summary: row.summary,
    lastOkAt: row.last_ok_at,
    lastFailure: row.last_failure,
    failures: row.failures,
    overdue: row.overdue,
  };
}
