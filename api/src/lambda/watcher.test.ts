import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../push/testing/recording-logger.ts';
import type { AppDeps } from '../types.ts';
import type { WatcherReport } from '../watcher/run.ts';
import type { PollClock } from './poll.ts';
import { createWatcherHandler, watcherCadence } from './watcher.ts';

/** A clock that moves only when the code under test sleeps or a run takes time. */
function fakeTime(deadlineMs: number) {
  let now = 0;
  const clock: PollClock = {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
  };
  const context = { getRemainingTimeInMillis: () => deadlineMs - now };
  return { clock, context, advance: (ms: number) => { now += ms; }, at: () => now };
}

const report = (opened: string[] = []): WatcherReport => ({
  ran: true, rowsRead: 0, rowsStored: 0, opened, updated: [], resolved: [], pushed: [],
  cursor: '1', probes: null,
});

function setUp(deadlineMs: number, runTakesMs = 800, fail: number[] = []) {
  const time = fakeTime(deadlineMs);
  const log = recordingLogger();
  const deps = { log } as unknown as AppDeps;
  const started: number[] = [];
  const handler = createWatcherHandler({
    deps: async () => deps,
    clock: time.clock,
    runOnce: async () => {
      started.push(time.at());
      time.advance(runTakesMs);
      if (fail.includes(started.length)) throw new Error('database did not answer');
      return report(started.length === 1 ? ['alert-1'] : []);
    },
  });
  return { handler, time, log, started };
}

describe('the watcher Lambda', () => {
  it('runs six times, every 10 s from the start, within a 90 s invocation', async () => {
    const { handler, time, started } = setUp(90_000);

    const result = await handler({}, time.context);

    expect(result).toEqual({ runs: 6, failed: 0 });
    expect(started).toEqual([0, 10_000, 20_000, 30_000, 40_000, 50_000]);
  });

  it('keeps to the 10 s marks even when a run takes several seconds', async () => {
    const { handler, time, started } = setUp(90_000, 4_000);

    await handler({}, time.context);

    expect(started).toEqual([0, 10_000, 20_000, 30_000, 40_000, 50_000]);
  });

  it('stops before a run the deadline would cut short', async () => {
    const { handler, time, started } = setUp(45_000);

    const result = await handler({}, time.context);

    expect(result.runs).toBe(3);
    expect(started).toEqual([0, 10_000, 20_000]);
    for (const at of started) {
      expect(45_000 - at).toBeGreaterThanOrEqual(watcherCadence.reserveMs);
    }
  });

  it('does not run at all when the invocation is nearly over', async () => {
    const { handler, time, started } = setUp(watcherCadence.reserveMs - 1);

    expect(await handler({}, time.context)).toEqual({ runs: 0, failed: 0 });
    expect(started).toEqual([]);
  });

  it('logs a failed run and goes on with the next one', async () => {
    const { handler, time, log, started } = setUp(90_000, 800, [2]);

    const result = await handler({}, time.context);

    expect(result).toEqual({ runs: 6, failed: 1 });
    expect(started).toHaveLength(6);
    const failure = log.lines.find((line) => line.event === 'watcher.run_failed');
    expect(failure?.context).toMatchObject({ index: 1, message: 'database did not answer' });
    const opened = log.lines.find((line) => line.event === 'watcher.run' && line.level === 'info');
    expect(opened?.context).toMatchObject({ index: 0, opened: ['alert-1'] });
  });
});
