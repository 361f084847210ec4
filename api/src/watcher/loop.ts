import { errorFields } from '../log.ts';
import type { AppDeps, Logger } from '../types.ts';
import { runProbePass, runSyncErrorPass } from './run.ts';

export interface RunningWatcher {
  /** Stops the timers and waits for the runs in progress to finish. */
  stop(): Promise<void>;
}

/** What a pass logs: at info when it opened or resolved something, else at debug. */
interface PassLog {
  changed: boolean;
  fields: Record<string, unknown>;
}

/**
 * Runs the watcher now and then every `watchIntervalSeconds`, locally: the Sync_error pass
 * and the probe pass each on their own timer, so a probe that takes seconds never delays
 * the next read of Sync_error. Each pass's next run is scheduled when its last one ends, so
 * a pass never overlaps itself; failures are logged.
 */
export function startWatcher(deps: AppDeps): RunningWatcher {
  const log = deps.log.child('watcher');
  const intervalMs = deps.config.watchIntervalSeconds * 1000;
  const passes = [
    repeat(intervalMs, log, 'watcher.run', async () => {
      const report = await runSyncErrorPass(deps);
      return { changed: report.opened.length + report.resolved.length > 0, fields: { ...report } };
    }),
    repeat(intervalMs, log, 'watcher.probes', async () => {
      const { probes, pushed } = await runProbePass(deps, deps.now());
      return {
        changed: probes.opened.length + probes.resolved.length > 0,
        fields: { ...probes, pushed },
      };
    }),
  ];
  return {
    async stop() {
      await Promise.all(passes.map((pass) => pass.stop()));
    },
  };
}

/** `work` now and `intervalMs` after each of its runs ends, until stopped. */
function repeat(
  intervalMs: number, log: Logger, event: string, work: () => Promise<PassLog>,
): RunningWatcher {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  const tick = () => {
    running = work()
      .then(({ changed, fields }) => log[changed ? 'info' : 'debug'](event, { ...fields }))
      .catch((error: unknown) => log.error(`${event}_failed`, errorFields(error)))
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
