import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProbeResult } from '../probes/types.ts';
import { recordingLogger, type LogLine } from '../push/testing/recording-logger.ts';
import { createTestDeps, type RecordingPusher, type TestDeps } from '../testing/index.ts';
import { copySampleRows } from './fixtures.ts';
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

  it('reads Sync_error on time while a probe of an earlier run is still out', async () => {
    let release: (result: ProbeResult) => void = () => undefined;
    const slow = {
      name: 'slow', intervalSeconds: 60,
      run: () => new Promise<ProbeResult>((resolve) => { release = resolve; }),
    };
    deps = await createTestDeps({ config: { watchIntervalSeconds: 1 }, probes: [slow] });
    const d = deps;

    const watcher = startWatcher(d);
    await vi.waitFor(async () => {
      expect((await readWatcherStatus(d.statePool)).lastRunAt).not.toBeNull();
    }, { timeout: 5_000, interval: 50 });
    await copySampleRows(d.statePool, 6, 20, new Date());
    await vi.waitFor(() => expect((d.pusher as RecordingPusher).sent).toHaveLength(1), {
      timeout: 5_000, interval: 50,
    });
    release({ findings: [], summary: {} });
    await watcher.stop();

    expect((d.pusher as RecordingPusher).sent[0]?.payload).toMatchObject({ card: '4.1' });
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
