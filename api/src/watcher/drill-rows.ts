import type { PoolClient } from 'pg';
import { functionFromTargetArn } from '../cloud/lambda-arn.ts';
import { quoteName } from '../db/sync-error-table.ts';
import { inTransaction } from '../db/transaction.ts';
import { readDrillStates } from '../probes/drills.ts';
import type { AppDeps } from '../types.ts';
import { syncErrorDrills, type FailingFunction, type SyncErrorDrill } from './drills.ts';

/** Per drill, the time up to which its rows are written (ISO). */
const settingKey = 'sandbox.drill-rows';
/** A drill starts as a failure already a few runs old, so a threshold of 3 opens at once. */
const runsBefore = 2;
/** After a long stop the sandbox writes the latest runs only, not a day of rows. */
const maxRunsPerPass = 30;

interface Row {
  text: string;
  at: Date;
  fn: FailingFunction;
}

/**
 * Writes the Sync_error rows of the drills that are on, as their functions would have since
 * the last pass: one per run, for a scheduled function only while its schedule is enabled.
 * Only in the sandbox, and only into a Sync_error table in Turno's own database.
 */
export async function writeDrillRows(deps: AppDeps, now: Date): Promise<number> {
  if (deps.cloud.kind !== 'sandbox' || !deps.config.syncError.inStateDatabase) return 0;
  const stored = await readDrillStates(deps.statePool);
  const on = syncErrorDrills.filter((drill) => stored[drill.name]);
  if (on.length === 0) return 0;
  const enabled = await enabledFunctions(deps);
  return inTransaction(deps.statePool, async (client) => {
    const written = await writtenUpTo(client);
    const rows = on.flatMap((drill) => {
      const since = new Date(stored[drill.name]?.since ?? now);
      const after = written[drill.name] ? new Date(written[drill.name] as string) : null;
      return rowsOf(drill, since, after && after >= since ? after : null, now, enabled);
    });
    await insertRows(deps, client, rows);
    // A watcher with an older clock must not move the progress back.
    const next = Object.fromEntries(on.map(({ name }) => {
      const done = written[name];
      return [name, done && done > now.toISOString() ? done : now.toISOString()];
    }));
    await client.query('UPDATE turno.settings SET value = $2 WHERE key = $1',
      [settingKey, JSON.stringify(next)]);
    return rows.length;
  });
}

/** The runs of each function after `after` (from a little before `since`) until now. */
function rowsOf(
  drill: SyncErrorDrill, since: Date, after: Date | null, now: Date, enabled: Set<string>,
): Row[] {
  const text = drill.text(since);
  return drill.functions.flatMap((fn) => {
    if (fn.scheduled && !enabled.has(fn.functionName ?? '')) return [];
    const step = fn.everySeconds * 1000;
    const first = since.getTime() - runsBefore * step;
    const from = after ? Math.floor((after.getTime() - first) / step) + 1 : 0;
    const to = Math.floor((now.getTime() - first) / step);
    const runs: Row[] = [];
    for (let run = Math.max(from, to - maxRunsPerPass + 1); run <= to; run += 1) {
      runs.push({ text, at: new Date(first + run * step), fn });
    }
    return runs;
  });
}

/** Functions whose schedule is on now; the sandbox's Lambdas run only from their schedules. */
async function enabledFunctions(deps: AppDeps): Promise<Set<string>> {
  const schedules = await deps.cloud.scheduler.listSchedules();
  return new Set(schedules.filter((s) => s.State === 'ENABLED')
    .map((s) => functionFromTargetArn(s.TargetArn))
    .filter((name): name is string => name !== null));
}

/** The stored progress, its row locked: two watchers at once write each run once. */
async function writtenUpTo(client: PoolClient): Promise<Record<string, string>> {
  await client.query(
    `INSERT INTO turno.settings (key, value) VALUES ($1, '{}'::jsonb)
      ON CONFLICT (key) DO NOTHING`,
    [settingKey],
  );
  const { rows } = await client.query<{ value: Record<string, string> }>(
    'SELECT value FROM turno.settings WHERE key = $1 FOR UPDATE', [settingKey],
  );
  return rows[0]?.value ?? {};
}

async function insertRows(deps: AppDeps, client: PoolClient, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const table = deps.config.syncError;
  const columns = [table.jsonColumn, table.createdColumn, table.functionColumn,
    table.sourceColumn].map(quoteName).join(', ');
  rows.sort((a, b) => a.at.getTime() - b.at.getTime());
  // Sync_error's timestamps carry no zone and are UTC, as the runbook's rows.
  await client.query(
    `INSERT INTO ${quoteName(table.table)} (${columns})
      SELECT to_json(text), at AT TIME ZONE 'UTC', fn, source
      FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::int[])
        AS r(text, at, fn, source)`,
    [
      rows.map((row) => row.text), rows.map((row) => row.at),
      rows.map((row) => row.fn.functionName), rows.map((row) => row.fn.dataSourceId),
    ],
  );
}
