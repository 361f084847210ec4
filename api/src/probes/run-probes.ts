import { inTransaction } from '../db/transaction.ts';
import { errorFields } from '../log.ts';
import type { AppDeps } from '../types.ts';
import { applyFailure, applyResult, type ProbeAlertChanges } from './probe-alerts.ts';
import { claimProbe, runSpacingSeconds } from './probe-store.ts';
import { watchOverProbes } from './probe-upkeep.ts';
import { probesFor } from './registry.ts';
import type { Probe } from './types.ts';

export interface ProbesReport extends ProbeAlertChanges {
  ran: string[];
  failed: string[];
  /** Probes that had finished no run for two of their runs' spacing. */
  overdue: string[];
  /** Probes that left the registry since the last run. */
  unregistered: string[];
}

/** A probe that hangs longer than this counts as failed; the watcher must keep its pace. */
export const probeTimeoutMs = 20_000;

/**
 * Claims the probes whose turn has come, flags overdue and forgotten ones, then runs the
 * claimed ones at once and turns what they saw into alerts.
 */
export async function runDueProbes(deps: AppDeps, now: Date): Promise<ProbesReport> {
  const report: ProbesReport = {
    ran: [], failed: [], opened: [], updated: [], resolved: [], overdue: [], unregistered: [],
  };
  const probes = deps.probes ?? probesFor(deps);
  const due: Probe[] = [];
  const tick = deps.config.watchIntervalSeconds;
  for (const probe of probes) {
    const spacing = runSpacingSeconds(probe.intervalSeconds, tick);
    if (await claimProbe(deps.statePool, probe.name, now, probe.intervalSeconds, spacing)) {
      due.push(probe);
    }
  }
  // A due probe gets its run first: after a watcher restart it clears up by itself.
  const waiting = probes.filter((probe) => !due.includes(probe));
  const upkeep = await inTransaction(deps.statePool,
    (client) => watchOverProbes(deps, client, probes, waiting, now, report));
  report.overdue = upkeep.overdue;
  report.unregistered = upkeep.unregistered;
  await Promise.all(due.map(async (probe) => {
    try {
      const result = await withTimeout(probe.run(deps, now), probeTimeoutMs);
      await inTransaction(deps.statePool,
        (client) => applyResult(deps, client, probe, result, now, report));
      report.ran.push(probe.name);
    } catch (error) {
      report.failed.push(probe.name);
      deps.log.warn('probe.failed', { probe: probe.name, ...errorFields(error) });
      await inTransaction(deps.statePool,
        (client) => applyFailure(deps, client, probe, error, now, report))
        .catch((failure: unknown) => deps.log.error('probe.record_failed', {
          probe: probe.name, ...errorFields(failure),
        }));
    }
  }));
  return report;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`probe did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
