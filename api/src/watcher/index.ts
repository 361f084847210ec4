export { startWatcher, type RunningWatcher } from './loop.ts';
export { runWatcherOnce, type WatcherReport } from './run.ts';
export { readWatcherStatus, watcherLate, type WatcherStatus } from './watcher-state.ts';
