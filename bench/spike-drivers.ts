import { setTimeout as sleep } from 'node:timers/promises';
import {
  createWatcherHandler, watcherCadence, type WatcherCadence, type WatcherResult,
} from '../api/src/lambda/watcher.ts';
import type { Probe } from '../api/src/probes/types.ts';
import type { TestDeps } from '../api/src/testing/deps.ts';
import { startWatcher } from '../api/src/watcher/loop.ts';

/** What runs the watcher in a spike-to-push benchmark, and how the report describes it. */
export interface SpikeDriver {
  title: string;
  /** Probes for the test deps: the deployed case's slow one. */
  probes(intervalSeconds: number): Probe[];
  start(deps: TestDeps, intervalSeconds: number): { stop(): Promise<void> };
  /** The first sentence of the report's paragraph, in markdown. */
  describe(intervalSeconds: number): string;
}

/** The server's loop: each pass on its own timer, `watchIntervalSeconds` after its last. */
export const localLoop: SpikeDriver = {
  title: 'Spike to push',
  probes: () => [],
  start: (deps) => startWatcher(deps),
  describe: (interval) => `The running watcher loop (\`startWatcher\`) with
\`watchIntervalSeconds\` = ${interval}`,
};

/** How much longer than one interval the deployed case's probe takes. */
const slowProbeIntervals = 1.5;

/**
 * The watcher as deployed: the Lambda handler (`createWatcherHandler`) started every
 * `runs × interval` as EventBridge Scheduler starts it every minute, each invocation with the
 * function's 90 s timeout, and a probe due at every probe pass that takes 1.5 intervals.
 * At a 10 s interval the cadence is the deployed one; shorter, every part of it is scaled.
 */
export const deployedHandler: SpikeDriver = {
  title: 'Spike to push, deployed watcher Lambda',
  probes: (interval) => [{
    name: 'slow', intervalSeconds: interval,
    run: async () => {
      await sleep(interval * 1000 * slowProbeIntervals);
      return { findings: [], summary: {} };
    },
  }],
  start(deps, interval) {
    const cadence = scaled(watcherCadence, (interval * 1000) / watcherCadence.intervalMs);
    return everyMinute(createWatcherHandler({ deps: async () => deps, cadence }), cadence);
  },
  describe: (interval) => `The deployed watcher Lambda's handler (\`createWatcherHandler\` in
\`api/src/lambda/watcher.ts\`), invoked every ${watcherCadence.runs} intervals as EventBridge
Scheduler invokes it every minute, its cadence scaled to an interval of ${interval} s
(Sync_error and probe passes every ${interval} s, ${watcherCadence.runs} of each per
invocation, the 90 s timeout and the reserves scaled alike; at 10 s it is the deployed one),
beside a probe due at every probe pass that takes ${slowProbeIntervals} intervals
(${interval * slowProbeIntervals} s)`,
};

function scaled(cadence: WatcherCadence, factor: number): WatcherCadence {
  return {
    runs: cadence.runs,
    intervalMs: cadence.intervalMs * factor,
    reserveMs: cadence.reserveMs * factor,
    probeReserveMs: cadence.probeReserveMs * factor,
  };
}

/** The function's timeout, in the deployed cadence's intervals (infra/lib/functions.ts). */
const timeoutIntervals = 9;

/** Starts the handler every `runs` intervals, as the schedule does; invocations may overlap. */
function everyMinute(
  handler: ReturnType<typeof createWatcherHandler>, cadence: WatcherCadence,
): { stop(): Promise<void> } {
  const period = cadence.runs * cadence.intervalMs;
  const invocations: Array<Promise<WatcherResult>> = [];
  const stopping = new AbortController();
  const schedule = (async () => {
    while (!stopping.signal.aborted) {
      const deadline = Date.now() + timeoutIntervals * cadence.intervalMs;
      invocations.push(handler({}, { getRemainingTimeInMillis: () => deadline - Date.now() }));
      await sleep(period, undefined, { signal: stopping.signal }).catch(() => undefined);
    }
  })();
  return {
    async stop() {
      stopping.abort();
      await schedule;
      const results = await Promise.all(invocations);
      const failed = results.reduce((sum, run) => sum + run.failed + run.probesFailed, 0);
      if (failed > 0) throw new Error(`${failed} watcher passes failed`);
    },
  };
}
