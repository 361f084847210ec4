import type { PoolClient } from 'pg';
import type { AppDeps } from '../types.ts';
import {
  probeOrigin, raiseFinding, selfKey, toRaise, type ProbeAlertChanges,
} from './probe-alerts.ts';
import { overdueSql } from './probe-store.ts';
import type { Probe } from './types.ts';

/**
 * Before the probes run: a registered probe that finished no run for two of its runs'
 * spacing and is not about to run now (a Lambda killed mid-run after its claim, a run that
 * never ends) gets a "probe overdue" alert, which its next finished run resolves. A probe no
 * longer in the registry leaves Estado, and alerts only it kept open resolve: nothing would
 * ever clear them. `waiting` are the registered probes not claimed in this run.
 */
export async function watchOverProbes(
  deps: AppDeps, client: PoolClient, probes: Probe[], waiting: Probe[], now: Date,
  changes: ProbeAlertChanges,
): Promise<{ overdue: string[]; unregistered: string[] }> {
  const { rows: late } = await client.query<{
    probe: string; last_run_at: Date | null; interval_seconds: number;
  }>(
    `SELECT probe, last_run_at, interval_seconds FROM turno.probe_runs
      WHERE probe = ANY($1::text[]) AND ${overdueSql('$2')} ORDER BY probe`,
    [waiting.map((probe) => probe.name), now],
  );
  for (const row of late) {
    const probe = waiting.find((candidate) => candidate.name === row.probe);
    if (!probe) continue;
    const finding = {
      category: 'probe-overdue' as const, scope: probe.name, resources: [probe.name],
      detail: {
        probe: probe.name, lastRunAt: row.last_run_at?.toISOString() ?? null,
        everySeconds: row.interval_seconds,
      },
    };
    const key = selfKey('probe-overdue', probe.name);
    await raiseFinding(deps, client, toRaise(probe, key, finding), now, changes);
  }
  const names = probes.map((probe) => probe.name);
  const unregistered = await forgetUnregistered(client, names, now, changes);
  return { overdue: late.map((row) => row.probe), unregistered };
}

async function forgetUnregistered(
  client: PoolClient, names: string[], now: Date, changes: ProbeAlertChanges,
): Promise<string[]> {
  const { rows: gone } = await client.query<{ probe: string }>(
    'DELETE FROM turno.probe_runs WHERE NOT (probe = ANY($1::text[])) RETURNING probe',
    [names],
  );
  const registered = names.map(probeOrigin);
  // Alerts some probe outside the registry saw: those seen by nobody else resolve; the others
  // (Sync_error rows, a registered probe) stay, and forget that probe.
  const { rows: resolved } = await client.query<{ id: string }>(
    `UPDATE turno.alerts SET state = 'resolved', resolved_at = $2,
        resolved_by = 'probe-unregistered'
      WHERE state <> 'resolved' AND origins <> '{}'
        AND NOT EXISTS (SELECT 1 FROM unnest(origins) AS o
          WHERE o NOT LIKE 'probe:%' OR o = ANY($1::text[]))
      RETURNING id::text AS id`,
    [registered, now],
  );
  changes.resolved.push(...resolved.map((row) => row.id));
  await client.query(
    `UPDATE turno.alerts SET origins = ARRAY(SELECT o FROM unnest(origins) AS o
        WHERE o NOT LIKE 'probe:%' OR o = ANY($1::text[]))
      WHERE state <> 'resolved' AND EXISTS (SELECT 1 FROM unnest(origins) AS o
        WHERE o LIKE 'probe:%' AND NOT (o = ANY($1::text[])))`,
    [registered],
  );
  return gone.map((row) => row.probe);
}
