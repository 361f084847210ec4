import { once } from '../cloud/aws/index.ts';
import { loadConfig } from '../config.ts';
import { createLogger, errorFields } from '../log.ts';
import type { AppDeps } from '../types.ts';
import { runWatcherOnce, type WatcherReport } from '../watcher/run.ts';
import { pollEvery, realClock, type PollClock } from './poll.ts';
import { createLambdaDeps } from './runtime.ts';

/** The part of the Lambda context the watcher reads. */
export interface WatcherContext {
  getRemainingTimeInMillis(): number;
}

/**
 * EventBridge Scheduler starts the watcher once a minute, its finest rate: six runs 10 s apart
 * within each invocation put an alert out within 15 s of the spike.
 */
export const watcherCadence = { runs: 6, intervalMs: 10_000, reserveMs: 20_000 } as const;

export interface WatcherHandlerOptions {
  deps: () => Promise<AppDeps>;
  runOnce?: (deps: AppDeps) => Promise<WatcherReport>;
  clock?: PollClock;
}

/** Polls Sync_error every 10 s for about a minute; two invocations never run at once (lock). */
export function createWatcherHandler(options: WatcherHandlerOptions) {
  const runOnce = options.runOnce ?? runWatcherOnce;
  const clock = options.clock ?? realClock;
  return async (_event: unknown, context: WatcherContext) => {
    const deps = await options.deps();
    const log = deps.log.child('watcher');
    let failed = 0;
    const runs = await pollEvery({
      ...watcherCadence,
      clock,
      remainingMs: () => context.getRemainingTimeInMillis(),
      run: async (index) => {
        try {
          const report = await runOnce(deps);
          const level = report.opened.length + report.resolved.length > 0 ? 'info' : 'debug';
          log[level]('watcher.run', { index, ...report });
        } catch (error) {
          failed += 1;
          log.error('watcher.run_failed', { index, ...errorFields(error) });
        }
      },
    });
    return { runs, failed };
  };
}

// Built on the first invocation and kept while the container is warm; a failed start is retried.
const container = once(async () => {
  const config = loadConfig();
  const log = createLogger({ level: config.logLevel, module: 'lambda.watcher' });
  return createLambdaDeps(config, log, { migrate: true });
});

export const handler = createWatcherHandler({ deps: container });
