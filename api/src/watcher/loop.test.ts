import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordingLogger, type LogLine } from '../push/testing/recording-logger.ts';
import { createTestDeps, type TestDeps } from '../testing/index.ts';
import { startWatcher } from './loop.ts';
import { readWatcherStatus } from './watcher-state.ts';

let deps: TestDeps | undefined;

afterEach(async () => {
  await deps?.close();
  deps = undefined;
});

const events = (lines: LogLine[], event: string) => lines.filter((line) => line.event === event);

describe('startWatcher', () => {
  it('runs at once, then again each interval, until stopped', async () => {
    const log = recordingLogger();
    deps = await createTestDeps({ log, config: { watchIntervalSeconds: 1 } });

    const watcher = startWatcher(deps);
    await vi.waitFor(() => expect(events(log.lines, 'watcher.run').length).toBeGreaterThan(1), {
      timeout: 5_000, interval: 50,
    });
    await watcher.stop();

    expect((await readWatcherStatus(deps.statePool)).lastRunAt).not.toBeNull();
  });

  it('logs a failed run instead of throwing, and tries again', async () => {
    const log = recordingLogger();
    deps = await createTestDeps({ log, config: { watchIntervalSeconds: 1 } });
    deps.config = { ...deps.config, syncError: { ...deps.config.syncError, table: 'missing' } };

    const watcher = startWatcher(deps);
    await vi.waitFor(
      () => expect(events(log.lines, 'watcher.run_failed').length).toBeGreaterThan(1),
      { timeout: 5_000, interval: 50 },
    );
    await watcher.stop();

    expect((await readWatcherStatus(deps.statePool)).lastError).toMatch(/missing/);
  });
});
