import { categoryDefaults, redact, redactValue } from '@turno/shared';
import type { PoolClient } from 'pg';
import { clearAlert, raiseAlert } from '../alerts/raise.ts';
import { errorFields } from '../log.ts';
import type { AppDeps } from '../types.ts';
import { claimProbe, recordProbeRun } from './probe-store.ts';
import { probesFor } from './registry.ts';
import type { Probe, ProbeFinding, ProbeResult } from './types.ts';

export interface ProbesReport {
  ran: string[];
  failed: string[];
  opened: string[];
  updated: string[];
  resolved: string[];
}

/** A probe that hangs longer than this counts as failed; the watcher must keep its pace. */
const probeTimeoutMs = 20_000;
/** One failed run may be a blip; the second in a row is an alert, never a silent gap. */
const failuresToAlert = 2;

/** Runs every probe whose turn has come, at once, and turns what they saw into alerts. */
export async function runDueProbes(deps: AppDeps, now: Date): Promise<ProbesReport> {
  const report: ProbesReport = { ran: [], failed: [], opened: [], updated: [], resolved: [] };
  const due: Probe[] = [];
  for (const probe of deps.probes ?? probesFor(deps)) {
    if (await claimProbe(deps.statePool, probe.name, now, probe.intervalSeconds)) due.push(probe);
  }
  await Promise.all(due.map(async (probe) => {
    try {
      const result = await withTimeout(probe.run(deps, now), probeTimeoutMs);
      await inTransaction(deps, (client) => applyResult(deps, client, probe, result, now, report));
      report.ran.push(probe.name);
    } catch (error) {
      report.failed.push(probe.name);
      deps.log.warn('probe.failed', { probe: probe.name, ...errorFields(error) });
      await inTransaction(deps, (client) => applyFailure(deps, client, probe, error, now, report))
        .catch((failure: unknown) => deps.log.error('probe.record_failed', {
          probe: probe.name, ...errorFields(failure),
        }));
    }
  }));
  return report;
}

/** The alert key of one finding: a probe owns every key under its name. */
export function probeAlertKey(probe: string, key: string): string {
  return `probe:${probe}:${key}`;
}

async function applyResult(
  deps: AppDeps, client: PoolClient, probe: Probe, result: ProbeResult, now: Date,
  report: ProbesReport,
): Promise<void> {
  const keys = new Set<string>();
  for (const finding of result.findings) {
    const key = probeAlertKey(probe.name, finding.key);
    keys.add(key);
    const outcome = await raiseAlert(client, toRaise(probe, key, finding), now,
      deps.config.alertFlapSeconds);
    (outcome.change === 'opened' ? report.opened : report.updated).push(outcome.id);
  }
  // Whatever this probe raised before and did not see now is healthy again.
  const { rows } = await client.query<{ key: string }>(
    `SELECT dedup_key AS key FROM turno.alerts
      WHERE origin = 'probe' AND probe = $1 AND state <> 'resolved'`,
    [probe.name],
  );
  for (const { key } of rows) {
    if (keys.has(key)) continue;
    const id = await clearAlert(client, key, now, `probe:${probe.name}`);
    if (id) report.resolved.push(id);
  }
  await recordProbeRun(client, probe.name, {
    at: now, outcome: result.findings.length > 0 ? 'problem' : 'ok', summary: result.summary,
  });
}

async function applyFailure(
  deps: AppDeps, client: PoolClient, probe: Probe, error: unknown, now: Date,
  report: ProbesReport,
): Promise<void> {
  const message = redact(error instanceof Error ? error.message : String(error)).slice(0, 300);
  await recordProbeRun(client, probe.name, {
    at: now, outcome: 'failed', summary: null, failure: message,
  });
  const { rows } = await client.query<{ failures: number }>(
    'SELECT failures FROM turno.probe_runs WHERE probe = $1', [probe.name],
  );
  if ((rows[0]?.failures ?? 0) < failuresToAlert) return;
  const finding: ProbeFinding = {
    key: 'failed', category: 'probe-failed', resources: [probe.name],
    detail: { probe: probe.name, error: message },
  };
  const outcome = await raiseAlert(client, toRaise(probe, probeAlertKey(probe.name, 'failed'),
    finding), now, deps.config.alertFlapSeconds);
  (outcome.change === 'opened' ? report.opened : report.updated).push(outcome.id);
}

function toRaise(probe: Probe, key: string, finding: ProbeFinding) {
  const defaults = categoryDefaults[finding.category];
  return {
    key,
    category: finding.category,
    card: finding.card === undefined ? defaults.card : finding.card,
    severity: finding.severity ?? defaults.severity,
    origin: 'probe' as const,
    probe: probe.name,
    detail: finding.detail ? redactValue(finding.detail) as Record<string, unknown> : undefined,
    resources: finding.resources,
  };
}

async function inTransaction(
  deps: AppDeps, work: (client: PoolClient) => Promise<void>,
): Promise<void> {
  const client = await deps.statePool.connect();
  try {
    await client.query('BEGIN');
    await work(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`probe did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
