const DEFAULT_BACKOFF_S = 60;
const MAX_BACKOFF_S = 24 * 60 * 60;

/**
 * When to try a subscription again after a 429, from `Retry-After` (delay in seconds or an
 * HTTP date, RFC 9110 §10.2.3); 60 s when absent or unreadable, at most a day.
 */
export function retryAfterDate(header: string | string[] | undefined, now: Date): Date {
  const value = (Array.isArray(header) ? header[0] : header)?.trim() ?? '';
  const nowMs = now.getTime();
  let delayS = DEFAULT_BACKOFF_S;

  if (/^\d+$/.test(value)) {
    delayS = Number(value);
  } else if (value !== '') {
    const at = Date.parse(value);
    if (!Number.isNaN(at)) delayS = Math.max(0, Math.ceil((at - nowMs) / 1000));
  }

  return new Date(nowMs + Math.min(delayS, MAX_BACKOFF_S) * 1000);
}
