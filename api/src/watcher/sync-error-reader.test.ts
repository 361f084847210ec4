import { afterEach, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../testing/index.ts';
import { insertSyncError, utcTimestamp } from './fixtures.ts';
import {
  findStartCursor, newRowsQuery, readNewRows, readRowsById, rowsByIdQuery,
} from './sync-error-reader.ts';

let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

/** A table the size of a real one, so the planner has a choice to make. */
async function growTable(d: TestDeps, rows: number, at: Date): Promise<void> {
  await d.statePool.query(
    `INSERT INTO "Sync_error" (json_data, created_at, updated_at, data_source_id, function_name)
      SELECT '"timeout of 4000ms exceeded"', $2::timestamp, $2::timestamp, 1,
        'linde-mix-get-events'
      FROM generate_series(1, $1)`,
    [rows, utcTimestamp(at)],
  );
  await d.statePool.query('ANALYZE "Sync_error"');
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

describe('the Sync_error poll', () => {
  it('reads new rows as a range of the primary-key index, never a table scan', async () => {
    deps = await createTestDeps();
    await growTable(deps, 50_000, new Date('2024-04-01T00:00:00Z'));
    const { rows: max } = await deps.upPool.query<{ id: string }>(
      'SELECT max(id)::text AS id FROM "Sync_error"',
    );

    const { rows } = await deps.upPool.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
      `EXPLAIN (FORMAT JSON) ${newRowsQuery(deps.config.syncError)}`,
      [String(BigInt(max[0]?.id ?? '0') - 100n), 500],
    );

    const plan = nodes(rows[0]?.['QUERY PLAN'][0]?.Plan ?? { 'Node Type': 'none' });
    expect(plan.map((node) => node['Node Type'])).not.toContain('Seq Scan');
    expect(plan.map((node) => node['Index Name'])).toContain('Sync_error_pkey');
  });

  it('reads gaps again by primary key, one probe per id, never a table scan', async () => {
    deps = await createTestDeps();
    await growTable(deps, 50_000, new Date('2024-04-01T00:00:00Z'));

    const { rows } = await deps.upPool.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
      `EXPLAIN (FORMAT JSON) ${rowsByIdQuery(deps.config.syncError)}`, [['120', '4500', '777']],
    );

    const plan = nodes(rows[0]?.['QUERY PLAN'][0]?.Plan ?? { 'Node Type': 'none' });
    expect(plan.map((node) => node['Node Type'])).not.toContain('Seq Scan');
    expect(plan.map((node) => node['Index Name'])).toContain('Sync_error_pkey');
  });

  it('reads the rows of the ids asked for that exist, in id order', async () => {
    deps = await createTestDeps();

    const rows = await readRowsById(deps, ['12', '3', '999999']);

    expect(rows.map((row) => row.id)).toEqual(['3', '12']);
  });

  it('returns only rows after the cursor, in id order, up to the batch size', async () => {
    deps = await createTestDeps();
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      ids.push(await insertSyncError(deps.statePool, { text: `error ${i}`, at: new Date() }));
    }

    const rows = await readNewRows(deps, ids[0] ?? '0', 2);

    expect(rows.map((row) => row.id)).toEqual(ids.slice(1, 3));
    expect(rows[0]?.jsonData).toBe('error 1');
  });

  it('starts a first run after the newest row older than the window', async () => {
    deps = await createTestDeps();
    const now = new Date();
    await growTable(deps, 2_000, new Date(now.getTime() - 2 * 3_600_000));
    const { rows } = await deps.upPool.query<{ id: string }>(
      'SELECT max(id)::text AS id FROM "Sync_error"',
    );
    await insertSyncError(deps.statePool, { text: 'recent', at: now });

    const cursor = await findStartCursor(deps, new Date(now.getTime() - 3_600_000));

    expect(cursor).toBe(rows[0]?.id);
  });

  it('starts before the oldest row when every row is inside the window', async () => {
    deps = await createTestDeps();
    await deps.statePool.query('DELETE FROM "Sync_error"');
    await insertSyncError(deps.statePool, { text: 'first', at: new Date() });
    await insertSyncError(deps.statePool, { text: 'second', at: new Date() });

    const cursor = await findStartCursor(deps, new Date(Date.now() - 3_600_000));

    const rows = await readNewRows(deps, cursor, 10);
    expect(rows.map((row) => row.jsonData)).toEqual(['first', 'second']);
  });
});
