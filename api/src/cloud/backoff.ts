export const defaultSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Full jitter: each wait is random in [0, min(cap, base · 2^attempt)), which spreads retrying
 * callers apart. https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/
 */
export function backoffMs(attempt: number, random: () => number, baseMs = 100, capMs = 2_000) {
  return Math.floor(random() * Math.min(capMs, baseMs * 2 ** attempt));
}
