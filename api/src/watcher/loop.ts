import { errorFields } from '../log.ts';
import type { AppDeps } from '../types.ts';
import { runWatcherOnce } from './run.ts';

export interface RunningWatcher {
  /** Stops the timer and waits for a run in progress to finish. */
  stop(): Promise<void>;
}

/**
 * Runs the watcher now and then every `watchIntervalSeconds`, locally. The next run is
 * scheduled only when the last one ends, so runs never overlap; failures are logged.
 */
export function startWatcher(deps: AppDeps): RunningWatcher {
  const log = deps.log.child('watcher');
  const intervalMs = deps.config.watchIntervalSeconds * 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;

  const tick = () => {
    running = runWatcherOnce(deps)
      .then((report) => {
        const level = report.opened.length + report.resolved.length > 0 ? 'info' : 'debug';
        log[level]('watcher.run', { ...report });
      })
      .catch((error: unknown) => log.error('watcher.run_failed', errorFields(error)))
      .finally(() => {
        running = undefined;
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
  };
  tick();

  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
