/**
 * A read whose result every caller shares while it is fresh: asked under the same mark, and
 * started less than `ttlMs` ago by `now`. Callers that arrive while it runs wait for the same
 * answer. A read that fails is forgotten, so the next caller tries again.
 */
export type SharedRead<T> = (mark: string, read: () => Promise<T>) => Promise<T>;

export function sharedRead<T>(ttlMs: number, now: () => Date): SharedRead<T> {
  let last: { mark: string; at: number; value: Promise<T> } | undefined;
  return (mark, read) => {
    const at = now().getTime();
    // A clock set back counts as stale too: the age would be negative.
    if (last && last.mark === mark && at >= last.at && at - last.at < ttlMs) return last.value;
    const entry = { mark, at, value: read() };
    last = entry;
    entry.value.catch(() => {
      if (last === entry) last = undefined;
    });
    return entry.value;
  };
}
