import { once } from '../cloud/aws/index.ts';
import { loadConfig } from '../config.ts';
import { createLogger, errorFields } from '../log.ts';
import { probeTimeoutMs, type ProbesReport } from '../probes/run-probes.ts';
import type { AppDeps, Logger } from '../types.ts';
import { runProbePass, runSyncErrorPass, type WatcherReport } from '../watcher/run.ts';
import { pollEvery, realClock, type PollClock } from './poll.ts';
import { createLambdaDeps } from './runtime.ts';

/** The part of the Lambda context the watcher reads. */
export interface WatcherContext {
  getRemainingTimeInMillis(): number;
}

export interface WatcherCadence {
  /** Passes of each kind per invocation, `intervalMs` apart from its start. */
  runs: number;
  intervalMs: number;
  /** A Sync_error pass starts only while this much of the invocation is left. */
  reserveMs: number;
  /** A probe pass starts only while this much is left: time for its probes' timeout. */
  probeReserveMs: number;
}

/**
 * EventBridge Scheduler starts the watcher once a minute, its finest rate: six Sync_error
 * passes 10 s apart within each invocation put an alert out within 15 s of the spike. The
 * probe passes keep the same marks on a loop of their own, so a probe that takes up to its
 * timeout never holds back a read of Sync_error.
 */
export const watcherCadence: WatcherCadence = {
  runs: 6, intervalMs: 10_000, reserveMs: 20_000, probeReserveMs: probeTimeoutMs + 10_000,
};

/** The longest an invocation that starts with time for every pass can last. */
export function longestInvocationMs(cadence: WatcherCadence): number {
  return (cadence.runs - 1) * cadence.intervalMs + Math.max(cadence.reserveMs,
    cadence.probeReserveMs);
}

export interface ProbePassReport {
  probes: ProbesReport;
  pushed: string[];
}

export interface WatcherHandlerOptions {
  deps: () => Promise<AppDeps>;
  syncPass?: (deps: AppDeps) => Promise<WatcherReport>;
  probePass?: (deps: AppDeps) => Promise<ProbePassReport>;
  clock?: PollClock;
  cadence?: WatcherCadence;
}

export interface WatcherResult {
  /** Sync_error passes made, and how many of them failed. */
  runs: number;
  failed: number;
  probeRuns: number;
  probesFailed: number;
}

interface Pass {
  name: 'sync-error' | 'probes';
  event: string;
  work: () => Promise<{ changed: boolean; fields: Record<string, unknown> }>;
}

/**
 * Polls Sync_error every 10 s for about a minute and, beside it, runs the due probes on the
 * same marks, a probe pass never overlapping itself. Two invocations or containers at once
 * share the work: the Sync_error pass runs under a database lock, each probe run and each
 * push is claimed in the database first.
 */
export function createWatcherHandler(options: WatcherHandlerOptions) {
  const syncPass = options.syncPass ?? runSyncErrorPass;
  const probePass = options.probePass ?? ((deps) => runProbePass(deps, deps.now()));
  const clock = options.clock ?? realClock;
  const cadence = options.cadence ?? watcherCadence;
  return async (_event: unknown, context: WatcherContext): Promise<WatcherResult> => {
    const deps = await options.deps();
    const log = deps.log.child('watcher');
    const loop = (reserveMs: number, pass: Pass) => repeat(log, pass, (run) => pollEvery({
      runs: cadence.runs, intervalMs: cadence.intervalMs, reserveMs, clock, run,
      remainingMs: () => context.getRemainingTimeInMillis(), skipMissed: pass.name === 'probes',
    }));
    const [sync, probes] = await Promise.all([
      loop(cadence.reserveMs, {
        name: 'sync-error', event: 'watcher.run',
        work: async () => {
          const report = await syncPass(deps);
          const changed = report.opened.length + report.resolved.length > 0;
          return { changed, fields: { ...report } };
        },
      }),
      loop(cadence.probeReserveMs, {
        name: 'probes', event: 'watcher.probes',
        work: async () => {
          const { probes: report, pushed } = await probePass(deps);
          const changed = report.opened.length + report.resolved.length > 0;
          return { changed, fields: { ...report, pushed } };
        },
      }),
    ]);
    return { runs: sync.runs, failed: sync.failed, probeRuns: probes.runs,
      probesFailed: probes.failed };
  };
}

/** One loop of passes, each logged; a failed one is logged and the next goes on. */
async function repeat(
  log: Logger, pass: Pass, poll: (run: (index: number) => Promise<void>) => Promise<number>,
): Promise<{ runs: number; failed: number }> {
  let failed = 0;
  const runs = await poll(async (index) => {
    try {
      const { changed, fields } = await pass.work();
      log[changed ? 'info' : 'debug'](pass.event, { index, ...fields });
    } catch (error) {
      failed += 1;
      // One event for both passes: the watchdog's metric filter counts it.
      log.error('watcher.run_failed', { pass: pass.name, index, ...errorFields(error) });
    }
  });
  return { runs, failed };
}

// Built on the first invocation and kept while the container is warm; a failed start is retried.
const container = once(async () => {
  const config = loadConfig();
  const log = createLogger({ level: config.logLevel, module: 'lambda.watcher' });
  return createLambdaDeps(config, log, { migrate: true });
});

export const handler = createWatcherHandler({ deps: container });
