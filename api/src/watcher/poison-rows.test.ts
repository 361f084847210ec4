import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { recordingLogger, type LogLine } from '../push/testing/recording-logger.ts';
import { bearer, createTestDeps, signIn, type TestDeps } from '../testing/index.ts';
import { insertSyncError, utcTimestamp } from './fixtures.ts';
import { runSyncErrorPass } from './run.ts';

let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

async function setUp() {
  const lines: LogLine[] = [];
  const now = new Date();
  deps = await createTestDeps({ log: recordingLogger(lines), now: () => now });
  // The first pass only places the cursor after the runbook's rows.
  await runSyncErrorPass(deps);
  return { d: deps, lines, now };
}

async function seen(d: TestDeps, ids: string[]) {
  const { rows } = await d.statePool.query<{
    id: string; category: string; text: string; data_source_id: number | null; created_at: Date;
  }>(
    `SELECT sync_error_id::text AS id, category, text, data_source_id, created_at
      FROM turno.seen_errors WHERE sync_error_id = ANY($1::bigint[]) ORDER BY sync_error_id`,
    [ids],
  );
  return rows;
}

describe('the watcher and rows PostgreSQL would refuse to store', () => {
  it('stores a row carrying NUL with the NUL replaced, counts it and moves the cursor',
    async () => {
      const { d, now } = await setUp();
      const ids = [
        await insertSyncError(d.statePool, { text: 'timeout of 3000ms exceeded', at: now }),
        await insertSyncError(d.statePool, { text: 'timeout of 3000ms\u0000 exceeded', at: now }),
        await insertSyncError(d.statePool, { text: 'timeout of 4000ms exceeded', at: now }),
      ];

      const report = await runSyncErrorPass(d);
      const app = createApp(d);
      const page = await app.request('/api/sync-errors?limit=3', {
        headers: bearer(await signIn(app, 'observador')),
      });

      expect(report).toMatchObject({ rowsRead: 3, rowsStored: 3, cursor: ids[2] });
      expect((await seen(d, ids)).map(({ category, text }) => ({ category, text }))).toEqual([
        { category: 'provider-timeout', text: 'timeout of 3000ms exceeded' },
        { category: 'provider-timeout', text: 'timeout of 3000ms\uFFFD exceeded' },
        { category: 'provider-timeout', text: 'timeout of 4000ms exceeded' },
      ]);
      const { items } = await page.json() as { items: Array<{ description: string }> };
      expect(items.map((item) => item.description)).toContain('timeout of 3000ms\uFFFD exceeded');
      expect(JSON.stringify(items)).not.toContain('\\u0000');
    });

  it('stores a row the database refuses whole without its text or source, still classified',
    async () => {
      const { d, lines, now } = await setUp();
      await d.statePool.query('ALTER TABLE "Sync_error" ALTER COLUMN data_source_id TYPE bigint');
      const before = await insertSyncError(d.statePool, { text: 'ECONNREFUSED', at: now });
      const { rows } = await d.statePool.query<{ id: string }>(
        `INSERT INTO "Sync_error"
            (json_data, created_at, updated_at, data_source_id, function_name)
          VALUES ('"timeout of 3000ms exceeded"', $1, $1, 4294967296, 'linde-mix-get-events')
          RETURNING id::text AS id`,
        [utcTimestamp(now)],
      );
      const poison = rows[0]?.id ?? '';
      const after = await insertSyncError(d.statePool, { text: 'ECONNREFUSED', at: now });

      const report = await runSyncErrorPass(d);

      expect(report).toMatchObject({ rowsRead: 3, rowsStored: 3, cursor: after });
      expect((await seen(d, [before, poison, after])).map((row) => row.data_source_id))
        .toEqual([1, null, 1]);
      expect((await seen(d, [poison]))[0]).toMatchObject({
        category: 'provider-timeout', text: '', created_at: now,
      });
      expect(lines.filter((line) => line.event === 'watcher.row_stored_bare'))
        .toEqual([expect.objectContaining({
          level: 'warn', context: expect.objectContaining({ syncErrorId: poison, code: '22003' }),
        })]);
    });

  it('counts a row whose time cannot be sent back as seen now', async () => {
    const { d, now } = await setUp();
    const { rows } = await d.statePool.query<{ id: string }>(
      `INSERT INTO "Sync_error" (json_data, created_at, updated_at, data_source_id, function_name)
        VALUES ('"timeout of 3000ms exceeded"', 'infinity', 'infinity', 1, 'linde-mix-get-events')
        RETURNING id::text AS id`,
    );
    const id = rows[0]?.id ?? '';

    const report = await runSyncErrorPass(d);

    expect(report).toMatchObject({ rowsRead: 1, rowsStored: 1, cursor: id });
    expect((await seen(d, [id]))[0])
      .toMatchObject({ category: 'provider-timeout', created_at: now });
  });
});
