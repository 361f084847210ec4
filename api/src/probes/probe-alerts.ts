import { alertKey, categoryDefaults, redact, redactValue, type Severity } from '@turno/shared';
import type { PoolClient } from 'pg';
import { clearAlert, originLabel, raiseAlert, type ProbeRaise } from '../alerts/raise.ts';
import type { AppDeps } from '../types.ts';
import { recordProbeRun, retryProbeAt } from './probe-store.ts';
import type { Probe, ProbeFinding, ProbeResult } from './types.ts';

/** What one pass of the probes changed in the alerts. */
export interface ProbeAlertChanges {
  opened: string[];
  updated: string[];
  resolved: string[];
}

/**
 * One failed run may be a blip; the second in a row is an alert, never a silent gap. The
 * second comes soon after the first (`probeRetrySeconds`), not an interval later.
 */
const failuresToAlert = 2;

/** How an alert's `origins` names a probe. */
export function probeOrigin(probe: string): string {
  return originLabel({ origin: 'probe', probe });
}

/** The key of a probe's own alerts about itself: it failed, or it is overdue. */
export function selfKey(category: 'probe-failed' | 'probe-overdue', probe: string): string {
  return alertKey(category, probe);
}

/**
 * Raises each cause the probe saw under the cause's own key, then resolves what it raised
 * before and no longer sees: its findings, its failure, its being overdue.
 */
export async function applyResult(
  deps: AppDeps, client: PoolClient, probe: Probe, result: ProbeResult, now: Date,
  changes: ProbeAlertChanges,
): Promise<void> {
  const keys = new Set<string>();
  for (const [key, finding] of byKey(result.findings)) {
    keys.add(key);
    await raiseFinding(deps, client, toRaise(probe, key, finding), now, changes);
  }
  const { rows } = await client.query<{ key: string }>(
    `SELECT dedup_key AS key FROM turno.alerts
      WHERE $1 = ANY(origins) AND state <> 'resolved'`,
    [probeOrigin(probe.name)],
  );
  for (const { key } of rows) {
    if (keys.has(key)) continue;
    const id = await clearAlert(client, key, now, probeOrigin(probe.name));
    if (id) changes.resolved.push(id);
  }
  await recordProbeRun(client, probe.name, {
    at: now, outcome: result.findings.length > 0 ? 'problem' : 'ok', summary: result.summary,
  });
  if (result.retrySoon) await retryProbeAt(client, probe.name, retryAt(deps, now));
}

/**
 * A run that could not finish: recorded, and an alert from the second one in a row. After
 * the first, the probe runs again within `probeRetrySeconds`.
 */
export async function applyFailure(
  deps: AppDeps, client: PoolClient, probe: Probe, error: unknown, now: Date,
  changes: ProbeAlertChanges,
): Promise<void> {
  const message = redact(error instanceof Error ? error.message : String(error)).slice(0, 300);
  await recordProbeRun(client, probe.name, {
    at: now, outcome: 'failed', summary: null, failure: message,
  });
  // It ran, even if badly: no longer overdue.
  const back = await clearAlert(client, selfKey('probe-overdue', probe.name), now,
    probeOrigin(probe.name));
  if (back) changes.resolved.push(back);
  const { rows } = await client.query<{ failures: number }>(
    'SELECT failures FROM turno.probe_runs WHERE probe = $1', [probe.name],
  );
  if ((rows[0]?.failures ?? 0) < failuresToAlert) {
    await retryProbeAt(client, probe.name, retryAt(deps, now));
    return;
  }
  const finding: ProbeFinding = {
    category: 'probe-failed', scope: probe.name, resources: [probe.name],
    detail: { probe: probe.name, error: message },
  };
  const key = selfKey('probe-failed', probe.name);
  await raiseFinding(deps, client, toRaise(probe, key, finding), now, changes);
}

/** When a probe that failed once runs again. */
export function retryAt(deps: AppDeps, now: Date): Date {
  return new Date(now.getTime() + deps.config.probeRetrySeconds * 1000);
}

/** Raises one probe alert and notes whether it opened or went on. */
export async function raiseFinding(
  deps: AppDeps, client: PoolClient, alert: ProbeRaise, now: Date, changes: ProbeAlertChanges,
): Promise<void> {
  const outcome = await raiseAlert(client, alert, now, deps.config.alertFlapSeconds);
  (outcome.change === 'opened' ? changes.opened : changes.updated).push(outcome.id);
}

/** A finding as the alert it raises: its category's card and severity unless it names its own. */
export function toRaise(probe: Probe, key: string, finding: ProbeFinding): ProbeRaise {
  const defaults = categoryDefaults[finding.category];
  return {
    key,
    category: finding.category,
    card: finding.card === undefined ? defaults.card : finding.card,
    severity: finding.severity ?? defaults.severity,
    origin: 'probe',
    probe: probe.name,
    detail: finding.detail ? redactValue(finding.detail) as Record<string, unknown> : undefined,
    resources: finding.resources,
    subjects: finding.subjects ?? finding.resources,
  };
}

const severityRank: Record<Severity, number> = { info: 0, warning: 1, high: 2, critical: 3 };

/**
 * Findings by alert key; two of one cause in a run (both databases full) are one finding
 * naming both, at the higher severity, with the first one's detail.
 */
function byKey(findings: ProbeFinding[]): Map<string, ProbeFinding> {
  const merged = new Map<string, ProbeFinding>();
  for (const finding of findings) {
    const key = alertKey(finding.category, finding.scope);
    const seen = merged.get(key);
    if (!seen) {
      merged.set(key, finding);
      continue;
    }
    const severities = [seen, finding].map((one) =>
      one.severity ?? categoryDefaults[one.category].severity);
    const [first = 'warning', second = 'warning'] = severities;
    merged.set(key, {
      ...seen,
      severity: severityRank[second] > severityRank[first] ? second : first,
      resources: [...new Set([...seen.resources, ...finding.resources])],
      subjects: [...new Set([
        ...seen.subjects ?? seen.resources, ...finding.subjects ?? finding.resources,
      ])],
    });
  }
  return merged;
}
