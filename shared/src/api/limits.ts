import * as z from 'zod';

/**
 * The largest request body `/api` reads, in bytes; a larger one answers 413 `body_too_large`.
 * The PWA sizes what it sends to fit (a pasted error longer than this is cut to its ends).
 */
export const maxRequestBytes = 64 * 1024;

/**
 * A page size in a query string (`?limit=`): plain digits for a whole number from 1 to `max`,
 * `fallback` when absent. Plain digits only, as `before` takes them: `0x10`, `1e2` and ` 10`
 * are refused rather than read as numbers. The words are ours, not zod's ("expected number,
 * received NaN"), because scripts and curl users read them; the PWA translates by the code.
 */
export function pageLimit(max: number, fallback: number) {
  const words = `must be a whole number from 1 to ${max}`;
  return z.string({ error: words }).regex(/^\d{1,6}$/, { error: words }).transform(Number)
    .pipe(z.number().min(1, { error: words }).max(max, { error: words })).default(fallback);
}
