import { afterEach, describe, expect, it } from 'vitest';
import { openAlert } from '../notify/fixtures.ts';
import { createTestDeps, type TestDeps } from '../testing/index.ts';
import { getAlert, listAlerts } from './alert-store.ts';

let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

const at = new Date('2026-03-02T15:00:00Z');
let nextRow = 1;

/** A row the watcher saw for `alert`, `minutesAgo` before `at`. */
async function seen(
  d: TestDeps, alert: string,
  row: { text: string; fn?: string | null; source?: number | null; minutesAgo: number },
): Promise<void> {
  await d.statePool.query(
    `INSERT INTO turno.seen_errors (sync_error_id, category, card, severity, function_name,
        data_source_id, created_at, text, alert_id)
      VALUES ($1, 'database-disk-full', '4.1', 'critical', $2, $3, $4, $5, $6::uuid)`,
    [nextRow++, row.fn ?? null, row.source ?? null,
      new Date(at.getTime() - row.minutesAgo * 60_000), row.text, alert],
  );
}

describe('alert details', () => {
  it('counts rows per function and per named data source, most first, ties by name', async () => {
    deps = await createTestDeps({ config: { dataSources: { 1: 'MIX', 2: 'Guardian' } } });
    const id = await openAlert(deps.statePool, { at });
    for (const [fn, source] of [['b-fn', 1], ['a-fn', 2], ['c-fn', 1], ['c-fn', 7]] as const) {
      await seen(deps, id, { text: 'x', fn, source, minutesAgo: 1 });
    }
    await seen(deps, id, { text: 'x', fn: null, source: null, minutesAgo: 1 });

    const alert = await getAlert(deps.statePool, deps.config.dataSources, id);

    expect(alert.functions).toEqual([
      { name: 'c-fn', count: 2 }, { name: 'a-fn', count: 1 }, { name: 'b-fn', count: 1 },
    ]);
    expect(alert.sources).toEqual([
      { name: 'MIX', count: 2 }, { name: 'Guardian', count: 1 }, { name: '7', count: 1 },
    ]);
  });

  it('samples five distinct texts, the most recently seen first', async () => {
    deps = await createTestDeps();
    const id = await openAlert(deps.statePool, { at });
    for (let n = 1; n <= 7; n += 1) await seen(deps, id, { text: `t${n}`, minutesAgo: 10 * n });
    await seen(deps, id, { text: 't6', minutesAgo: 0 });
    await seen(deps, id, { text: 't6', minutesAgo: 1 });

    const alert = await getAlert(deps.statePool, deps.config.dataSources, id);

    expect(alert.samples).toEqual(['t6', 't1', 't2', 't3', 't4']);
  });

  it('gives each listed alert its own details, and empty ones to an alert without rows',
    async () => {
      deps = await createTestDeps();
      const quiet = await openAlert(deps.statePool, { at });
      const busy = await openAlert(deps.statePool, { at: new Date(at.getTime() + 1000) });
      await seen(deps, busy, { text: 'disk full', fn: 'linde-mix-get-events', minutesAgo: 1 });

      const alerts = await listAlerts(deps.statePool, deps.config.dataSources, ['open']);

      expect(alerts.map((alert) => alert.id)).toEqual([busy, quiet]);
      expect(alerts[0]).toMatchObject({
        functions: [{ name: 'linde-mix-get-events', count: 1 }], samples: ['disk full'],
      });
      expect(alerts[1]).toMatchObject({ functions: [], sources: [], samples: [] });
    });
});
