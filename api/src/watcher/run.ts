import { redact } from '@turno/shared';
import { errorFields } from '../log.ts';
import type { AppDeps } from '../types.ts';
import { runDueProbes, type ProbesReport } from '../probes/run-probes.ts';
import { runEscalation, type EscalatedStep } from '../notify/escalate.ts';
import { refreshEstadoSnapshot } from '../status/estado-refresh.ts';
import { applyToAlerts } from './apply-alerts.ts';
import { writeDrillRows } from './drill-rows.ts';
import { pushNewAlerts } from './push-alerts.ts';
import { resolveQuietAlerts } from './resolve-quiet.ts';
import { largestWindowSeconds } from './rules.ts';
import { storeSeenErrors } from './seen-errors.ts';
import type { SyncErrorRecord } from '../db/sync-error-table.ts';
import { findGaps, readOpenGaps, updateGaps } from './gaps.ts';
import { findStartCursor, readNewRows, readRowsById } from './sync-error-reader.ts';
import { lockCursor, readWatcherStatus, recordFailure, recordRun } from './watcher-state.ts';

export interface WatcherReport {
  /** False when another watcher held the lock and this run did nothing. */
  ran: boolean;
  rowsRead: number;
  rowsStored: number;
  opened: string[];
  updated: string[];
  resolved: string[];
  pushed: string[];
  cursor: string | null;
  /** Probes whose turn came in this run; null when another watcher had the lock. */
  probes: ProbesReport | null;
  /** Re-notifications and escalations sent in this run. */
  escalated?: EscalatedStep[];
}

/** "turno" in ASCII: the advisory lock only one watcher at a time may hold. */
const watcherLockKey = 0x7475726e6f;
/** A backlog is read a few batches per run, so one run stays short. */
const maxBatchesPerRun = 10;

/**
 * The Sync_error pass, then the probe pass: one step of both, for tests and tools. The
 * watchers run each pass on a loop of its own (watcher/loop.ts, lambda/watcher.ts), so a
 * slow probe never holds back the next read. Safe to run twice at once.
 */
export async function runWatcherOnce(deps: AppDeps): Promise<WatcherReport> {
  const report = await runSyncErrorPass(deps);
  if (!report.ran) return report;
  const probes = await runProbePass(deps, deps.now());
  report.probes = probes.probes;
  report.pushed.push(...probes.pushed);
  return report;
}

/**
 * Reads new Sync_error rows by id cursor, classifies and stores them, opens, extends or
 * resolves alerts, moves the cursor, and pushes alerts that are new and steps that are due.
 */
export async function runSyncErrorPass(deps: AppDeps): Promise<WatcherReport> {
  const now = deps.now();
  // A training aid: failing to play a drill must not stop the watch over real rows.
  await writeDrillRows(deps, now).catch((error: unknown) => {
    deps.log.warn('watcher.drill_rows_failed', errorFields(error));
  });
  return recordingFailure(deps, now, async () => {
    const report = await collect(deps, now);
    if (!report.ran) return report;
    report.pushed = await pushNewAlerts(deps);
    report.escalated = await runEscalation(deps);
    return report;
  });
}

/** Runs the due probes (each may take seconds) and pushes the alerts they opened. */
export async function runProbePass(
  deps: AppDeps, now: Date,
): Promise<{ probes: ProbesReport; pushed: string[] }> {
  return recordingFailure(deps, now, async () => {
    const probes = await runDueProbes(deps, now);
    const pushed = await pushNewAlerts(deps);
    // After the pushes: an alert must not wait on Estado's readings.
    await refreshEstadoSnapshot(deps, now).catch((error: unknown) => {
      deps.log.warn('watcher.snapshot_failed', errorFields(error));
    });
    return { probes, pushed };
  });
}

async function recordingFailure<T>(deps: AppDeps, now: Date, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const message = redact(error instanceof Error ? error.message : String(error)).slice(0, 300);
    await recordFailure(deps.statePool, message, now).catch((failure: unknown) => {
      deps.log.error('watcher.record_failure_failed', errorFields(failure));
    });
    throw error;
  }
}

async function collect(deps: AppDeps, now: Date): Promise<WatcherReport> {
  const { gapGraceSeconds } = deps.config.syncError;
  // UP is read before the state transaction opens: an embedded database serves one
  // transaction at a time, so reading it from inside one would wait on itself.
  const { cursor: known } = await readWatcherStatus(deps.statePool);
  const since = new Date(now.getTime() - largestWindowSeconds(deps.config) * 1000);
  const start = known ?? await findStartCursor(deps, since);
  const rows = await readBacklog(deps, start);
  const late = await readRowsById(deps, await readOpenGaps(deps.statePool, now, gapGraceSeconds));

  const client = await deps.statePool.connect();
  try {
    await client.query('BEGIN');
    const { rows: lock } = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_xact_lock($1) AS locked', [watcherLockKey],
    );
    if (!lock[0]?.locked) {
      await client.query('ROLLBACK');
      return emptyReport(false, known);
    }
    const current = await lockCursor(client);
    // Another watcher may have moved the cursor since it was read: keep only what is after.
    const from = current ?? start;
    const fresh = rows.filter((row) => BigInt(row.id) > BigInt(from));
    const cursor = fresh.at(-1)?.id ?? from;
    const gaps = findGaps(from, fresh.map((row) => row.id));

    const log = deps.log.child('watcher');
    const seen = await storeSeenErrors(client, [...late, ...fresh], { now, log });
    const changes = await applyToAlerts(client, deps.config, seen, now);
    const resolved = await resolveQuietAlerts(client, deps.config, now);
    const expired = await updateGaps(client, {
      filled: late.map((row) => row.id), noticed: gaps.ids, now, graceSeconds: gapGraceSeconds,
    });
    await recordRun(client, cursor, now);
    await client.query('COMMIT');

    if (changes.opened.length > 0) log.info('watcher.opened', { alerts: changes.opened });
    if (late.length > 0) log.info('watcher.late_rows', { ids: late.map((row) => row.id) });
    if (expired > 0 || gaps.dropped > 0n) {
      log.info('watcher.gaps_given_up', { expired, untracked: gaps.dropped.toString() });
    }
    return {
      ...emptyReport(true, cursor),
      rowsRead: late.length + fresh.length,
      rowsStored: seen.length,
      ...changes,
      resolved,
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function readBacklog(deps: AppDeps, start: string): Promise<SyncErrorRecord[]> {
  const { batchSize } = deps.config.syncError;
  const rows: SyncErrorRecord[] = [];
  let after = start;
  for (let batch = 0; batch < maxBatchesPerRun; batch += 1) {
    const page = await readNewRows(deps, after, batchSize);
    rows.push(...page);
    const last = page.at(-1);
    if (!last || page.length < batchSize) break;
    after = last.id;
  }
  return rows;
}

function emptyReport(ran: boolean, cursor: string | null): WatcherReport {
  return {
    ran, rowsRead: 0, rowsStored: 0, opened: [], updated: [], resolved: [], pushed: [], cursor,
    probes: null,
  };
}
