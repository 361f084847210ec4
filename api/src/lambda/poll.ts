/** Time as the poll loop sees it; tests pass a fake one that moves only when told. */
export interface PollClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export interface PollOptions {
  runs: number;
  intervalMs: number;
  /** A run starts only while at least this much of the invocation is left after waiting. */
  reserveMs: number;
  remainingMs: () => number;
  clock: PollClock;
  /**
   * Skip a mark that passed while the run before it was still going, rather than start a
   * run straight after it: for work that need not catch up.
   */
  skipMissed?: boolean;
  run: (index: number) => Promise<void>;
}

export const realClock: PollClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/**
 * Runs `run` up to `runs` times, the n-th due `n × intervalMs` after the start whatever the
 * runs before it took, and stops early rather than start one the invocation's deadline would
 * cut short. Returns how many runs it made.
 */
export async function pollEvery(options: PollOptions): Promise<number> {
  const { clock } = options;
  const start = clock.now();
  let made = 0;
  let busyUntil = start;
  for (let index = 0; index < options.runs; index += 1) {
    const due = start + index * options.intervalMs;
    if (options.skipMissed && due < busyUntil) continue;
    const wait = Math.max(0, due - clock.now());
    if (options.remainingMs() - wait < options.reserveMs) break;
    if (wait > 0) await clock.sleep(wait);
    await options.run(index);
    busyUntil = clock.now();
    made += 1;
  }
  return made;
}
