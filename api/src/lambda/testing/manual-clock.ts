import type { PollClock } from '../poll.ts';

/** A poll clock whose time moves only when the test says so. */
export interface ManualClock extends PollClock {
  /** How many sleeps wait for time to move. */
  sleeping(): number;
  /** Moves time to the end of the earliest sleep and wakes every sleep due by then. */
  advanceToNext(): void;
  /** A Lambda context whose invocation ends `deadlineMs` after time 0. */
  context(deadlineMs: number): { getRemainingTimeInMillis(): number };
}

interface Sleeper {
  at: number;
  wake: () => void;
}

export function manualClock(): ManualClock {
  let now = 0;
  let sleepers: Sleeper[] = [];
  return {
    now: () => now,
    sleep: (ms) => new Promise<void>((wake) => {
      sleepers.push({ at: now + ms, wake });
    }),
    sleeping: () => sleepers.length,
    advanceToNext() {
      const next = Math.min(...sleepers.map((sleeper) => sleeper.at));
      if (!Number.isFinite(next)) throw new Error('nothing is sleeping');
      now = Math.max(now, next);
      const due = sleepers.filter((sleeper) => sleeper.at <= now);
      sleepers = sleepers.filter((sleeper) => sleeper.at > now);
      for (const sleeper of due) sleeper.wake();
    },
    context: (deadlineMs) => ({ getRemainingTimeInMillis: () => deadlineMs - now }),
  };
}
