import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../push/testing/recording-logger.ts';
import type { ProbesReport } from '../probes/run-probes.ts';
import type { AppDeps } from '../types.ts';
import type { WatcherReport } from '../watcher/run.ts';
import { manualClock, type ManualClock } from './testing/manual-clock.ts';
import { createWatcherHandler, longestInvocationMs, watcherCadence } from './watcher.ts';

const report = (opened: string[] = []): WatcherReport => ({
  ran: true, rowsRead: 0, rowsStored: 0, opened, updated: [], resolved: [], pushed: [],
  cursor: '1', probes: null,
});

const probes = (): ProbesReport => ({
  ran: [], failed: [], opened: [], updated: [], resolved: [], overdue: [], unregistered: [],
});

interface Timing {
  syncTakesMs?: number;
  probesTakeMs?: number;
  syncFails?: number[];
  probesFail?: number[];
}

/** Runs the invocation to its end: the passes here only wait on the clock. */
async function runToEnd<T>(clock: ManualClock, invocation: Promise<T>): Promise<T> {
  let done = false;
  void invocation.finally(() => {
    done = true;
  });
  while (!done) {
    await new Promise((resolve) => setImmediate(resolve));
    if (!done) clock.advanceToNext();
  }
  return invocation;
}

function setUp(deadlineMs: number, timing: Timing = {}) {
  const clock = manualClock();
  const log = recordingLogger();
  const deps = { log } as unknown as AppDeps;
  const syncStarts: number[] = [];
  const probeStarts: number[] = [];
  const handler = createWatcherHandler({
    deps: async () => deps,
    clock,
    syncPass: async () => {
      syncStarts.push(clock.now());
      await clock.sleep(timing.syncTakesMs ?? 800);
      if (timing.syncFails?.includes(syncStarts.length)) {
        throw new Error('database did not answer');
      }
      return report(syncStarts.length === 1 ? ['alert-1'] : []);
    },
    probePass: async () => {
      probeStarts.push(clock.now());
      await clock.sleep(timing.probesTakeMs ?? 800);
      if (timing.probesFail?.includes(probeStarts.length)) throw new Error('claim failed');
      return { probes: probes(), pushed: [] };
    },
  });
  const invoke = () => runToEnd(clock, handler({}, clock.context(deadlineMs)));
  return { invoke, clock, log, syncStarts, probeStarts };
}

const marks = [0, 10_000, 20_000, 30_000, 40_000, 50_000];

describe('the watcher Lambda', () => {
  it('reads Sync_error and runs the probes every 10 s from the start, in a 90 s invocation',
    async () => {
      const { invoke, syncStarts, probeStarts } = setUp(90_000);

      const result = await invoke();

      expect(result).toEqual({ runs: 6, failed: 0, probeRuns: 6, probesFailed: 0 });
      expect(syncStarts).toEqual(marks);
      expect(probeStarts).toEqual(marks);
    });

  it('keeps Sync_error to its 10 s marks while a probe pass takes 25 s', async () => {
    const { invoke, clock, syncStarts, probeStarts } = setUp(90_000, { probesTakeMs: 25_000 });

    const result = await invoke();

    expect(syncStarts).toEqual(marks);
    // The marks that passed during a probe pass are skipped, not run back to back.
    expect(probeStarts).toEqual([0, 30_000]);
    expect(result).toMatchObject({ runs: 6, probeRuns: 2 });
    expect(clock.now()).toBe(55_000);
  });

  it('keeps to the 10 s marks even when a Sync_error pass takes several seconds', async () => {
    const { invoke, syncStarts } = setUp(90_000, { syncTakesMs: 4_000 });

    await invoke();

    expect(syncStarts).toEqual(marks);
  });

  it('starts a probe pass only while its probes can time out before the deadline', async () => {
    const { invoke, clock, syncStarts, probeStarts } = setUp(45_000, { probesTakeMs: 5_000 });

    const result = await invoke();

    expect(syncStarts).toEqual([0, 10_000, 20_000]);
    expect(probeStarts).toEqual([0, 10_000]);
    expect(result).toEqual({ runs: 3, failed: 0, probeRuns: 2, probesFailed: 0 });
    for (const at of probeStarts) {
      expect(45_000 - at).toBeGreaterThanOrEqual(watcherCadence.probeReserveMs);
    }
    expect(clock.now()).toBeLessThan(45_000);
  });

  it('lasts at most 80 s when every pass of a 90 s invocation takes its whole reserve',
    async () => {
      const { invoke, clock } = setUp(90_000, {
        syncTakesMs: watcherCadence.reserveMs, probesTakeMs: watcherCadence.probeReserveMs,
      });

      await invoke();

      expect(clock.now()).toBeLessThanOrEqual(longestInvocationMs(watcherCadence));
      expect(longestInvocationMs(watcherCadence)).toBe(80_000);
    });

  it('does not run at all when the invocation is nearly over', async () => {
    const { invoke, syncStarts, probeStarts } = setUp(watcherCadence.reserveMs - 1);

    expect(await invoke()).toEqual({ runs: 0, failed: 0, probeRuns: 0, probesFailed: 0 });
    expect([...syncStarts, ...probeStarts]).toEqual([]);
  });

  it('logs a failed pass of either kind and goes on with the next one', async () => {
    const { invoke, log, syncStarts } = setUp(90_000, { syncFails: [2], probesFail: [1] });

    const result = await invoke();

    expect(result).toEqual({ runs: 6, failed: 1, probeRuns: 6, probesFailed: 1 });
    expect(syncStarts).toHaveLength(6);
    const failures = log.lines.filter((line) => line.event === 'watcher.run_failed');
    expect(failures.map((line) => line.context)).toEqual(expect.arrayContaining([
      expect.objectContaining({
        pass: 'sync-error', index: 1, message: 'database did not answer',
      }),
      expect.objectContaining({ pass: 'probes', index: 0, message: 'claim failed' }),
    ]));
    expect(failures).toHaveLength(2);
    const opened = log.lines.find((line) => line.event === 'watcher.run' && line.level === 'info');
    expect(opened?.context).toMatchObject({ index: 0, opened: ['alert-1'] });
  });
});
