import { afterEach, describe, expect, it } from 'vitest';
import { listAlerts } from './alerts/alert-store.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './log.ts';
import { createRuntime, type Runtime } from './runtime.ts';
import { createRecordingPusher, createTestDatabase, type TestDatabase } from './testing/index.ts';
import { copySampleRows } from './watcher/fixtures.ts';
import { runWatcherOnce } from './watcher/run.ts';

describe('createRuntime on a real PostgreSQL server', () => {
  let database: TestDatabase | undefined;
  let running: Runtime | undefined;
  afterEach(async () => {
    await running?.close();
    await database?.drop();
    running = undefined;
    database = undefined;
  });

  /** One start of the server: its own pools, keys and pusher, over the same database. */
  async function start(url: string) {
    const config = loadConfig({ DATABASE_URL: url });
    running = await createRuntime(config, createLogger({ level: 'silent' }));
    const pusher = createRecordingPusher();
    return { deps: { ...running.deps, pusher, probes: [] }, pusher };
  }

  it('neither reopens an alert nor pushes it again after a restart', async () => {
    database = await createTestDatabase();
    const first = await start(database.url);
    await runWatcherOnce(first.deps);
    await copySampleRows(first.deps.statePool, 6, 20, new Date());
    const before = await runWatcherOnce(first.deps);
    await running?.close();

    const second = await start(database.url);
    const after = [await runWatcherOnce(second.deps), await runWatcherOnce(second.deps)];
    const alerts = await listAlerts(second.deps.statePool, second.deps.config.dataSources);

    expect(before.opened).toHaveLength(1);
    expect(first.pusher.sent).toHaveLength(1);
    expect(after.map((report) => [report.opened, report.updated, report.pushed]))
      .toEqual([[[], [], []], [[], [], []]]);
    expect(second.pusher.sent).toEqual([]);
    expect(alerts).toEqual([expect.objectContaining({
      id: before.opened[0], state: 'open', count: 15, reopened: 0,
    })]);
    expect(second.deps.keys.vapid.publicKey).toBe(first.deps.keys.vapid.publicKey);
  });
});
