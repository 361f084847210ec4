import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDeps, testConfig, type TestDeps } from '../testing/index.ts';
import { utcTimestamp } from './fixtures.ts';
import { runSyncErrorPass } from './run.ts';

const second = 1_000;
let deps: TestDeps | undefined;
const clients: pg.Client[] = [];

afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.end()));
  await deps?.close();
  deps = undefined;
});

/** A watcher on a clock the test moves, its cursor already after the runbook's rows. */
async function setUp() {
  const clock = { now: new Date() };
  const syncError = { ...testConfig().syncError, gapGraceSeconds: 120 };
  deps = await createTestDeps({ now: () => clock.now, config: { syncError } });
  await runSyncErrorPass(deps);
  const d = deps;
  const later = (ms: number) => { clock.now = new Date(clock.now.getTime() + ms); };
  return { d, clock, later };
}

/** One of UP's Lambdas: its own connection, its own transaction. */
async function lambda(d: TestDeps) {
  const client = new pg.Client({ connectionString: d.database?.url });
  await client.connect();
  clients.push(client);
  const insert = async (text: string) => {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "Sync_error" (json_data, created_at, updated_at, data_source_id, function_name)
        VALUES ($1::json, $2::timestamp, $2::timestamp, 1, 'linde-mix-get-events')
        RETURNING id::text AS id`,
      [JSON.stringify(text), utcTimestamp(new Date())],
    );
    return rows[0]?.id ?? '';
  };
  return { client, insert };
}

async function seenIds(d: TestDeps): Promise<string[]> {
  const { rows } = await d.statePool.query<{ id: string }>(
    `SELECT sync_error_id::text AS id FROM turno.seen_errors
      WHERE sync_error_id > 39 ORDER BY sync_error_id`,
  );
  return rows.map((row) => row.id);
}

async function trackedGaps(d: TestDeps): Promise<string[]> {
  const { rows } = await d.statePool.query<{ id: string }>(
    'SELECT sync_error_id::text AS id FROM turno.watcher_gaps ORDER BY sync_error_id',
  );
  return rows.map((row) => row.id);
}

describe('the watcher and rows committed out of id order', () => {
  it('reads once a row whose transaction committed after a higher id was read', async () => {
    const { d, later } = await setUp();
    const slow = await lambda(d);
    const fast = await lambda(d);
    const first = await fast.insert('timeout of 3000ms exceeded');
    await slow.client.query('BEGIN');
    const late = await slow.insert('ECONNREFUSED');
    const third = await fast.insert('timeout of 3000ms exceeded');

    const before = await runSyncErrorPass(d);
    const gapsWhileOpen = await trackedGaps(d);
    await slow.client.query('COMMIT');
    later(15 * second);
    const after = await runSyncErrorPass(d);
    later(15 * second);
    const again = await runSyncErrorPass(d);

    expect(before).toMatchObject({ rowsRead: 2, rowsStored: 2, cursor: third });
    expect(gapsWhileOpen).toEqual([late]);
    expect(after).toMatchObject({ rowsRead: 1, rowsStored: 1, cursor: third });
    expect(again).toMatchObject({ rowsRead: 0, rowsStored: 0 });
    expect(await seenIds(d)).toEqual([first, late, third]);
    expect(await trackedGaps(d)).toEqual([]);
  });

  it('stops reading an id whose insert rolled back once its grace period is over', async () => {
    const { d, later } = await setUp();
    const up = await lambda(d);
    await up.client.query('BEGIN');
    const lost = await up.insert('ECONNREFUSED');
    await up.client.query('ROLLBACK');
    const next = await up.insert('timeout of 3000ms exceeded');

    await runSyncErrorPass(d);
    later(60 * second);
    await runSyncErrorPass(d);
    const withinGrace = await trackedGaps(d);
    later(61 * second);
    await runSyncErrorPass(d);
    const afterGrace = await trackedGaps(d);
    // Were the id still read, a row given it now would be picked up.
    await d.statePool.query(
      `INSERT INTO "Sync_error" (id, json_data, created_at, updated_at, data_source_id)
        VALUES ($1, '"ECONNREFUSED"', now(), now(), 1)`,
      [lost],
    );
    const report = await runSyncErrorPass(d);

    expect(withinGrace).toEqual([lost]);
    expect(afterGrace).toEqual([]);
    expect(report).toMatchObject({ rowsRead: 0, rowsStored: 0 });
    expect(await seenIds(d)).toEqual([next]);
  });
});
